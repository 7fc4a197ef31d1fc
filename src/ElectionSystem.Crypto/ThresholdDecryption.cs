namespace ElectionSystem.Crypto;

/// <summary>Trustee j's partial decryption D_j = A^(x_j) of a ciphertext, with its Chaum–Pedersen proof.</summary>
public sealed record PartialDecryption(int Trustee, Element Share, DecryptionProof Proof);

/// <summary>
/// Threshold decryption (Desmedt–Frankel '89; Pedersen '91 §4; ElectionGuard 2.0 §3.6): for a
/// ciphertext (A, B) under pk = g^F(0), any set S of at least k trustees decrypts
/// <code>
/// trustee j ∈ S:  D_j = A^(x_j)  with DecryptionProof (log_g K_j = log_A D_j)
/// Lagrange at 0:  λ_j = Π_{m∈S, m≠j} m / (m − j)   mod L      so Σ_{j∈S} λ_j·F(j) = F(0)
/// combine:        g^m = B · Π_{j∈S} D_j^(−λ_j)      then m = <see cref="DiscreteLog"/>(g^m)
/// </code>
/// With fewer than k trustees the interpolation is of the wrong polynomial and gives a wrong point.
/// </summary>
public static class ThresholdDecryption
{
    /// <summary>D_j = A^(x_j) with its proof; the context should name the round, the tally entry and the trustee.</summary>
    public static PartialDecryption Decrypt(ProofContext context, int trustee, Scalar share, Element verificationKey, Ciphertext c)
    {
        var d = c.A.Pow(share);
        return new PartialDecryption(trustee, d, DecryptionProof.Prove(context, verificationKey, share, c, d));
    }

    /// <summary>True iff the partial decryption's proof holds against the trustee's verification key.</summary>
    public static bool Verify(ProofContext context, Element verificationKey, Ciphertext c, PartialDecryption partial) =>
        partial.Proof.Verify(context, verificationKey, c, partial.Share);

    /// <summary>λ_j = Π_{m∈S, m≠j} m / (m − j) mod L, for j ∈ S (distinct indices ≥ 1).</summary>
    public static Scalar LagrangeAtZero(int trustee, IReadOnlyCollection<int> set)
    {
        if (!set.Contains(trustee) || set.Distinct().Count() != set.Count || set.Any(m => m < 1))
            throw new ArgumentException("The set must hold distinct indices ≥ 1, the trustee among them.", nameof(set));
        var numerator = Scalar.One;
        var denominator = Scalar.One;
        foreach (var m in set.Where(m => m != trustee))
        {
            numerator *= Scalar.FromInteger(m);
            denominator *= Scalar.FromInteger(m - trustee);
        }
        return numerator * denominator.Invert();
    }

    /// <summary>g^m = B · Π D_j^(−λ_j) over the trustees of the partials given (verify them first).</summary>
    public static Element Combine(Ciphertext c, IReadOnlyList<PartialDecryption> partials)
    {
        var set = partials.Select(p => p.Trustee).ToList();
        var mask = Group.Identity;
        foreach (var p in partials)
            mask *= p.Share.Pow(LagrangeAtZero(p.Trustee, set));
        return c.B / mask;
    }

    /// <summary>m from the partials, or null when g^m has no discrete log up to the bound.</summary>
    public static long? CombineToCount(Ciphertext c, IReadOnlyList<PartialDecryption> partials, int bound = DiscreteLog.DefaultBound) =>
        DiscreteLog.Find(Combine(c, partials), bound);
}
