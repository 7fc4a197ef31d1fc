using System.Collections.Concurrent;

namespace ElectionSystem.Crypto;

/// <summary>
/// The small discrete logarithm: m in [0, bound] with g^m = M, by baby-step giant-step (Shanks '71):
/// with s = ⌈√(bound+1)⌉, baby steps g^j (1 ≤ j &lt; s) in a table keyed by their 32-byte encodings,
/// giant steps M·g^(−s·i) for i = 0, 1, … until one lands in the table (or on the identity, which
/// has no encoding: then m = i·s), then m = i·s + j. Tables are cached per step size.
/// Exponential ElGamal decrypts to g^m; counts here are at most delegates × seats.
/// </summary>
public static class DiscreteLog
{
    /// <summary>The default bound: more than any count a hall produces.</summary>
    public const int DefaultBound = 100_000;

    private static readonly ConcurrentDictionary<int, IReadOnlyDictionary<string, int>> BabySteps = new();

    /// <summary>m in [0, bound] with g^m = M, or null when there is none.</summary>
    public static long? Find(Element m, int bound = DefaultBound)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bound);
        var s = (int)Math.Ceiling(Math.Sqrt(bound + 1.0));
        var table = BabySteps.GetOrAdd(s, Build);
        var giant = Group.GPow(-(long)s);
        var current = m;
        for (long i = 0; i * s <= bound; i++)
        {
            if (current.IsIdentity)
                return i * s;
            if (table.TryGetValue(current.ToString(), out var j))
            {
                var found = i * s + j;
                return found <= bound ? found : null;
            }
            current *= giant;
        }
        return null;
    }

    private static IReadOnlyDictionary<string, int> Build(int s)
    {
        var table = new Dictionary<string, int>(s);
        var p = Group.G;
        for (var j = 1; j < s; j++)
        {
            table[p.ToString()] = j;
            p *= Group.G;
        }
        return table;
    }
}
