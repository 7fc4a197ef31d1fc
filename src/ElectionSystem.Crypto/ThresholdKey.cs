namespace ElectionSystem.Crypto;

/// <summary>
/// One trustee's dealing in the key ceremony: a secret polynomial of degree k−1 and its public
/// Feldman commitments. Trustees are numbered 1…n; the polynomial's constant term is the
/// trustee's contribution to the joint secret.
/// </summary>
public sealed record Dealing(int Dealer, IReadOnlyList<Scalar> Coefficients, IReadOnlyList<Element> Commitments)
{
    /// <summary>f_i(j) = Σ_l a_{i,l}·j^l mod L: the share this dealer sends trustee j.</summary>
    public Scalar ShareFor(int recipient) => ThresholdKey.Evaluate(Coefficients, recipient);
}

/// <summary>
/// Distributed key generation, k of n: Pedersen '91 ("A threshold cryptosystem without a trusted
/// party", the Joint-Feldman protocol; Feldman '87 for the verifiable shares; Gennaro–Jarecki–
/// Krawczyk–Rabin '07 on why its slightly biased key is still fine for ElGamal encryption).
/// <code>
/// dealer i:   f_i(z) = a_{i,0} + a_{i,1}·z + … + a_{i,k−1}·z^(k−1),  a_{i,l} ← random
///             commitments C_{i,l} = g^(a_{i,l});  share for trustee j: s_{i→j} = f_i(j)
/// trustee j:  accepts s_{i→j} iff g^(s_{i→j}) = Π_l C_{i,l}^(j^l); else dealer i is disqualified
/// QUAL:       the dealers not disqualified
/// share:      x_j = Σ_{i∈QUAL} s_{i→j}          (= F(j), F = Σ_{i∈QUAL} f_i)
/// joint key:  pk = Π_{i∈QUAL} C_{i,0}          (= g^F(0); no one knows F(0))
/// trustee j's verification key: K_j = Π_{i∈QUAL} Π_l C_{i,l}^(j^l)   (= g^(x_j), public)
/// </code>
/// Transport of the shares (encrypted to each recipient) and the complaint round are the caller's.
/// </summary>
public static class ThresholdKey
{
    /// <summary>Deals a fresh polynomial of degree k−1 for trustee <paramref name="dealer"/>.</summary>
    public static Dealing Deal(int dealer, int threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dealer, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        var coefficients = Enumerable.Range(0, threshold).Select(_ => Group.RandomScalar()).ToArray();
        return new Dealing(dealer, coefficients, [.. coefficients.Select(Group.GPow)]);
    }

    /// <summary>f(z) = Σ_l a_l·z^l mod L, by Horner's rule.</summary>
    public static Scalar Evaluate(IReadOnlyList<Scalar> coefficients, int z)
    {
        var x = Scalar.FromInteger(z);
        var y = Scalar.Zero;
        for (var l = coefficients.Count - 1; l >= 0; l--)
            y = y * x + coefficients[l];
        return y;
    }

    /// <summary>Π_l C_l^(j^l) = g^f(j): the public image of the share for trustee j.</summary>
    public static Element CommittedShare(IReadOnlyList<Element> commitments, int recipient)
    {
        var j = Scalar.FromInteger(recipient);
        var power = Scalar.One;
        var result = Group.Identity;
        foreach (var c in commitments)
        {
            result *= c.Pow(power);
            power *= j;
        }
        return result;
    }

    /// <summary>Feldman's check: g^share = Π_l C_l^(j^l), with exactly k commitments.</summary>
    public static bool VerifyShare(IReadOnlyList<Element> commitments, int threshold, int recipient, Scalar share) =>
        commitments.Count == threshold && recipient >= 1
        && commitments.All(c => !c.IsIdentity)
        && Group.GPow(share) == CommittedShare(commitments, recipient);

    /// <summary>
    /// The dealers to disqualify: any whose commitments are malformed or one of whose shares fails
    /// <see cref="VerifyShare"/>. <paramref name="shares"/> maps (dealer, recipient) to the share
    /// received (revealed in the complaint round); a missing share disqualifies its dealer too.
    /// </summary>
    public static IReadOnlyList<int> Disqualified(
        IReadOnlyDictionary<int, IReadOnlyList<Element>> commitments,
        IReadOnlyDictionary<(int Dealer, int Recipient), Scalar> shares,
        int threshold)
    {
        var trustees = commitments.Keys.Order().ToList();
        return [.. trustees.Where(i => trustees.Any(j =>
            !shares.TryGetValue((i, j), out var s) || !VerifyShare(commitments[i], threshold, j, s)))];
    }

    /// <summary>x_j = Σ_{i∈QUAL} s_{i→j}: trustee j's share of the joint secret.</summary>
    public static Scalar CombineShares(IEnumerable<Scalar> sharesFromQualifiedDealers) =>
        sharesFromQualifiedDealers.Aggregate(Scalar.Zero, (acc, s) => acc + s);

    /// <summary>pk = Π_{i∈QUAL} C_{i,0}.</summary>
    public static Element JointPublicKey(IEnumerable<IReadOnlyList<Element>> qualifiedCommitments) =>
        qualifiedCommitments.Aggregate(Group.Identity, (acc, c) => acc * c[0]);

    /// <summary>K_j = Π_{i∈QUAL} Π_l C_{i,l}^(j^l) = g^(x_j), computed from public data only.</summary>
    public static Element VerificationKey(IEnumerable<IReadOnlyList<Element>> qualifiedCommitments, int trustee) =>
        qualifiedCommitments.Aggregate(Group.Identity, (acc, c) => acc * CommittedShare(c, trustee));
}
