using System.Collections.Concurrent;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace ElectionSystem.Crypto;

/// <summary>
/// The small discrete logarithm: m in [0, bound] with g^m = M, by baby-step giant-step (Shanks '71):
/// with s = ⌈√(bound+1)⌉, baby steps g^j (j &lt; s) in a table, giant steps M·g^(−s·i) for
/// i = 0, 1, … until one lands in the table, then m = i·s + j. Tables are cached per step size.
/// Exponential ElGamal decrypts to g^m; counts here are at most delegates × seats.
/// </summary>
public static class DiscreteLog
{
    /// <summary>The default bound: more than any count a hall produces.</summary>
    public const int DefaultBound = 100_000;

    private static readonly ConcurrentDictionary<int, IReadOnlyDictionary<string, int>> BabySteps = new();

    /// <summary>m in [0, bound] with g^m = M, or null when there is none.</summary>
    public static long? Find(ECPoint m, int bound = DefaultBound)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bound);
        if (m.IsInfinity)
            return 0;
        var s = (int)Math.Ceiling(Math.Sqrt(bound + 1.0));
        var table = BabySteps.GetOrAdd(s, Build);
        var giant = Group.GPow(BigInteger.ValueOf(s)).Negate();
        var current = m.Normalize();
        for (long i = 0; i * s <= bound; i++)
        {
            if (current.IsInfinity)
                return i * s;
            if (table.TryGetValue(Group.EncodePoint(current), out var j))
            {
                var found = i * s + j;
                return found <= bound ? found : null;
            }
            current = current.Add(giant).Normalize();
        }
        return null;
    }

    private static IReadOnlyDictionary<string, int> Build(int s)
    {
        var table = new Dictionary<string, int>(s);
        var p = Group.G;
        for (var j = 1; j < s; j++)
        {
            table[Group.EncodePoint(p.Normalize())] = j;
            p = p.Add(Group.G);
        }
        return table;
    }
}
