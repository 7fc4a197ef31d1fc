using System.Buffers.Binary;

namespace ElectionSystem.Crypto;

/// <summary>
/// The small discrete logarithm: m in [0, bound] with g^m = M, by baby-step giant-step (Shanks '71):
/// ONE table of baby steps g^j (1 ≤ j &lt; s, s = ⌈√(<see cref="DefaultBound"/> + 1)⌉) keyed by their
/// 32-byte encodings, built once; giant steps M·g^(−s·i) for i = 0, 1, … until one lands in the table
/// (or on the identity, which has no encoding: then m = i·s), then m = i·s + j. A bound below the
/// default takes fewer giant steps; a larger one more (the table stays the same).
/// Exponential ElGamal decrypts to g^m; counts here are at most delegates × seats.
/// </summary>
public static class DiscreteLog
{
    /// <summary>The default bound: more than any count a hall produces.</summary>
    public const int DefaultBound = 100_000;

    /// <summary>The baby steps: s − 1 entries, and the giant step is g^(−s).</summary>
    private static readonly int Step = (int)Math.Ceiling(Math.Sqrt(DefaultBound + 1.0));

    private static readonly Lazy<Dictionary<Encoding, int>> BabySteps = new(Build);

    /// <summary>m in [0, bound] with g^m = M, or null when there is none.</summary>
    public static long? Find(Element m, int bound = DefaultBound)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bound);
        var table = BabySteps.Value;
        var giant = Group.GPow(-(long)Step);
        var current = m;
        for (long i = 0; i * Step <= bound; i++)
        {
            if (current.IsIdentity)
                return i * Step;
            if (table.TryGetValue(Encoding.Of(current), out var j))
            {
                var found = i * Step + j;
                return found <= bound ? found : null;
            }
            current *= giant;
        }
        return null;
    }

    private static Dictionary<Encoding, int> Build()
    {
        var table = new Dictionary<Encoding, int>(Step);
        var p = Group.G;
        for (var j = 1; j < Step; j++)
        {
            table[Encoding.Of(p)] = j;
            p *= Group.G;
        }
        return table;
    }

    /// <summary>An element's 32 bytes as a value (equal iff all 32 bytes are equal), without a string or an array per key.</summary>
    private readonly record struct Encoding(ulong A, ulong B, ulong C, ulong D)
    {
        public static Encoding Of(Element x)
        {
            var b = x.Bytes;
            return new(BinaryPrimitives.ReadUInt64LittleEndian(b), BinaryPrimitives.ReadUInt64LittleEndian(b[8..]),
                BinaryPrimitives.ReadUInt64LittleEndian(b[16..]), BinaryPrimitives.ReadUInt64LittleEndian(b[24..]));
        }
    }
}
