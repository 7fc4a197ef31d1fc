using ElectionSystem.Crypto;

namespace ElectionSystem.Crypto.Tests;

/// <summary>One-part changes the proof tests apply.</summary>
internal static class Tamper
{
    public static Scalar Plus1(Scalar s) => s + Scalar.One;

    public static Element Shift(Element p) => p * Group.G;

    /// <summary>The ciphertext with g multiplied into B: it encrypts m + 1.</summary>
    public static Ciphertext ShiftB(Ciphertext c) => c with { B = Shift(c.B) };

    /// <summary>The ciphertext with g multiplied into A.</summary>
    public static Ciphertext ShiftA(Ciphertext c) => c with { A = Shift(c.A) };

    public static IReadOnlyList<ProofBranch> Change(IReadOnlyList<ProofBranch> branches, int i, Func<ProofBranch, ProofBranch> change) =>
        [.. branches.Select((b, k) => k == i ? change(b) : b)];

    /// <summary>The 64 hex digits of s + L as a 32-byte little-endian integer (a non-canonical encoding of s), when it fits.</summary>
    public static string PlusOrder(Scalar s)
    {
        var l = new System.Numerics.BigInteger(Convert.FromHexString(Group.OrderHex), isUnsigned: true);
        var value = new System.Numerics.BigInteger(s.ToBytes(), isUnsigned: true) + l;
        var bytes = new byte[32];
        Assert.True(value.TryWriteBytes(bytes, out _, isUnsigned: true), "s + L does not fit in 32 bytes");
        return Convert.ToHexStringLower(bytes);
    }
}
