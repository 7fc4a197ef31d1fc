namespace ElectionSystem.Crypto;

/// <summary>One branch of a disjunctive proof: its challenge c_j and response v_j.</summary>
public sealed record ProofBranch(Scalar Challenge, Scalar Response);

/// <summary>
/// The disjunctive Chaum–Pedersen proof (Cramer–Damgård–Schoenmakers '94, "Proofs of partial
/// knowledge"; for ElGamal votes Cramer–Gennaro–Schoenmakers '97 §2.3; ElectionGuard 2.0 §3.3.5)
/// that (A, B) = (g^r, g^m·pk^r) encrypts some m in [lo, hi] (lo may be negative). Branch j claims
/// log_g A = log_pk (B · g^(−j)). The prover knows r for the true m:
/// <code>
/// j ≠ m: c_j, v_j ← random;  a_j = g^v_j · A^(−c_j);  b_j = pk^v_j · (B·g^(−j))^(−c_j)   (simulated)
/// j = m: w ← random;        a_m = g^w;               b_m = pk^w
/// c   = H(tag, context, pk, lo, hi, A, B, a_lo, b_lo, …, a_hi, b_hi)   (<see cref="FiatShamir"/>)
/// c_m = c − Σ_{j≠m} c_j;  v_m = w + c_m·r            (all mod L)
/// </code>
/// The proof is (c_j, v_j) for j = lo…hi. The verifier recomputes every a_j, b_j by the same
/// formula and accepts iff Σ c_j = H(…); it refuses a wrong number of branches, a ciphertext or key
/// holding the identity, and any recomputed commitment equal to the identity. Nonces are drawn in
/// this order: w, then c_j, v_j for each simulated j ascending (the known-answer vectors rely on it).
/// </summary>
internal static class DisjunctiveChaumPedersen
{
    public static IReadOnlyList<ProofBranch> Prove(
        string tag, ProofContext context, Element pk, Ciphertext c, Scalar r, long m, long lo, long hi, Func<Scalar> random)
    {
        var count = checked((int)(hi - lo + 1));
        var challenges = new Scalar[count];
        var responses = new Scalar[count];
        var commitments = new Element[2 * count];
        var w = random();
        var sumOthers = Scalar.Zero;
        for (var i = 0; i < count; i++)
        {
            var j = lo + i;
            if (j == m)
            {
                commitments[2 * i] = Group.GPow(w);
                commitments[2 * i + 1] = pk.Pow(w);
                continue;
            }
            challenges[i] = random();
            responses[i] = random();
            (commitments[2 * i], commitments[2 * i + 1]) = Commitments(pk, c, j, challenges[i], responses[i]);
            sumOthers += challenges[i];
        }
        var challenge = Transcript(tag, context, pk, c, lo, hi, commitments).Challenge();
        var k = checked((int)(m - lo));
        challenges[k] = challenge - sumOthers;
        responses[k] = w + challenges[k] * r;
        return [.. Enumerable.Range(0, count).Select(i => new ProofBranch(challenges[i], responses[i]))];
    }

    public static bool Verify(
        string tag, ProofContext context, Element pk, Ciphertext c, IReadOnlyList<ProofBranch> branches, long lo, long hi)
    {
        if (hi < lo || branches.Count != hi - lo + 1 || !c.HasNoIdentity || pk.IsIdentity)
            return false;
        var commitments = new Element[2 * branches.Count];
        var sum = Scalar.Zero;
        for (var i = 0; i < branches.Count; i++)
        {
            var (a, b) = Commitments(pk, c, lo + i, branches[i].Challenge, branches[i].Response);
            if (a.IsIdentity || b.IsIdentity)
                return false;
            (commitments[2 * i], commitments[2 * i + 1]) = (a, b);
            sum += branches[i].Challenge;
        }
        return sum == Transcript(tag, context, pk, c, lo, hi, commitments).Challenge();
    }

    /// <summary>a_j = g^v·A^(−c), b_j = pk^v·(B·g^(−j))^(−c).</summary>
    private static (Element A, Element B) Commitments(Element pk, Ciphertext ct, long j, Scalar c, Scalar v)
    {
        var minusC = -c;
        var a = Group.GPow(v) * ct.A.Pow(minusC);
        var b = pk.Pow(v) * (ct.B * Group.GPow(-j)).Pow(minusC);
        return (a, b);
    }

    private static FiatShamir Transcript(
        string tag, ProofContext context, Element pk, Ciphertext c, long lo, long hi, IEnumerable<Element> commitments) =>
        FiatShamir.Start(tag, context, pk).Integer(lo).Integer(hi).Ciphertext(c).Elements(commitments);
}
