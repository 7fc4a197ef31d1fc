using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace ElectionSystem.Crypto;

/// <summary>One branch of a disjunctive proof: its challenge c_j and response v_j.</summary>
public sealed record ProofBranch(BigInteger Challenge, BigInteger Response);

/// <summary>
/// The disjunctive Chaum–Pedersen proof (Cramer–Damgård–Schoenmakers '94, "Proofs of partial
/// knowledge"; for ElGamal votes Cramer–Gennaro–Schoenmakers '97 §2.3; ElectionGuard 2.0 §3.3.5)
/// that (A, B) = (g^r, g^m·pk^r) encrypts some m in [lo, hi]. Branch j claims
/// log_g A = log_pk (B / g^j). The prover knows r for the true m:
/// <code>
/// j ≠ m: c_j, v_j ← random;  a_j = g^v_j · A^(−c_j);  b_j = pk^v_j · (B/g^j)^(−c_j)   (simulated)
/// j = m: w ← random;        a_m = g^w;               b_m = pk^w
/// c   = H(tag, context, pk, lo, hi, A, B, a_lo, b_lo, …, a_hi, b_hi)   (<see cref="FiatShamir"/>)
/// c_m = c − Σ_{j≠m} c_j;  v_m = w + c_m·r            (all mod n)
/// </code>
/// The proof is (c_j, v_j) for j = lo…hi. The verifier recomputes every a_j = g^v_j·A^(−c_j),
/// b_j = pk^v_j·(B/g^j)^(−c_j) and accepts iff Σ c_j = H(…) mod n.
/// </summary>
internal static class DisjunctiveChaumPedersen
{
    public static IReadOnlyList<ProofBranch> Prove(
        string tag, ProofContext context, ECPoint pk, Ciphertext c, BigInteger r, long m, long lo, long hi)
    {
        var count = checked((int)(hi - lo + 1));
        var challenges = new BigInteger[count];
        var responses = new BigInteger[count];
        var commitments = new ECPoint[2 * count];
        var w = Group.RandomScalar();
        var sumOthers = BigInteger.Zero;
        for (var i = 0; i < count; i++)
        {
            var j = lo + i;
            if (j == m)
            {
                commitments[2 * i] = Group.GPow(w);
                commitments[2 * i + 1] = Group.FixedPow(pk, w);
                continue;
            }
            challenges[i] = Group.RandomScalar();
            responses[i] = Group.RandomScalar();
            (commitments[2 * i], commitments[2 * i + 1]) = Commitments(pk, c, j, challenges[i], responses[i]);
            sumOthers = sumOthers.Add(challenges[i]);
        }
        var challenge = Transcript(tag, context, pk, c, lo, hi, commitments).Challenge();
        var k = (int)(m - lo);
        challenges[k] = Group.Reduce(challenge.Subtract(sumOthers));
        responses[k] = Group.Reduce(w.Add(challenges[k].Multiply(r)));
        return [.. Enumerable.Range(0, count).Select(i => new ProofBranch(challenges[i], responses[i]))];
    }

    public static bool Verify(
        string tag, ProofContext context, ECPoint pk, Ciphertext c, IReadOnlyList<ProofBranch> branches, long lo, long hi)
    {
        if (hi < lo || branches.Count != hi - lo + 1 || !Valid(c) || pk.IsInfinity)
            return false;
        var commitments = new ECPoint[2 * branches.Count];
        var sum = BigInteger.Zero;
        for (var i = 0; i < branches.Count; i++)
        {
            var (cj, vj) = (branches[i].Challenge, branches[i].Response);
            if (!Scalar(cj) || !Scalar(vj))
                return false;
            var (a, b) = Commitments(pk, c, lo + i, cj, vj);
            if (a.IsInfinity || b.IsInfinity)
                return false;
            (commitments[2 * i], commitments[2 * i + 1]) = (a, b);
            sum = sum.Add(cj);
        }
        var challenge = Transcript(tag, context, pk, c, lo, hi, commitments).Challenge();
        return Group.Reduce(sum).Equals(challenge);
    }

    /// <summary>a_j = g^v·A^(−c), b_j = pk^v·(B/g^j)^(−c).</summary>
    private static (ECPoint A, ECPoint B) Commitments(ECPoint pk, Ciphertext ct, long j, BigInteger c, BigInteger v)
    {
        var minusC = Group.Reduce(c.Negate());
        var a = Group.Pow2(Group.G, v, ct.A, minusC);
        var bOverGj = ct.B.Subtract(Group.GPow(BigInteger.ValueOf(j)));
        var b = Group.Pow2(pk, v, bOverGj, minusC);
        return (a.Normalize(), b.Normalize());
    }

    private static FiatShamir Transcript(
        string tag, ProofContext context, ECPoint pk, Ciphertext c, long lo, long hi, IEnumerable<ECPoint> commitments) =>
        FiatShamir.Start(tag, context, pk).Integer(lo).Integer(hi).Ciphertext(c).Points(commitments);

    internal static bool Valid(Ciphertext c) => !c.A.IsInfinity && !c.B.IsInfinity;

    internal static bool Scalar(BigInteger s) => s.SignValue >= 0 && s.CompareTo(Group.N) < 0;
}
