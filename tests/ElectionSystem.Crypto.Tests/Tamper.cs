using ElectionSystem.Crypto;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace ElectionSystem.Crypto.Tests;

/// <summary>One-part changes the proof tests apply.</summary>
internal static class Tamper
{
    public static BigInteger Plus1(BigInteger s) => s.Add(BigInteger.One).Mod(Group.N);

    public static ECPoint Shift(ECPoint p) => p.Add(Group.G).Normalize();

    /// <summary>The ciphertext with g added to B: it encrypts m + 1.</summary>
    public static Ciphertext ShiftB(Ciphertext c) => c with { B = Shift(c.B) };

    /// <summary>The ciphertext with g added to A.</summary>
    public static Ciphertext ShiftA(Ciphertext c) => c with { A = Shift(c.A) };

    public static IReadOnlyList<ProofBranch> Change(IReadOnlyList<ProofBranch> branches, int i, Func<ProofBranch, ProofBranch> change) =>
        [.. branches.Select((b, k) => k == i ? change(b) : b)];
}
