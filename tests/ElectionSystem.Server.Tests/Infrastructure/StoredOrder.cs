namespace ElectionSystem.Server.Tests.Infrastructure;

/// <summary>How far the order rows are stored in follows the order they were written (the secrecy tests, both providers).</summary>
public static class StoredOrder
{
    /// <summary>
    /// Spearman's rho between storage position and casting index: near 0 when the stored order says
    /// nothing of the casting order, 1 when it is the casting order.
    /// </summary>
    public static double Spearman(IReadOnlyList<int> castIndexInStoredOrder)
    {
        // Ranks: position in storage vs rank of casting index (a permutation of 0..n-1 after ranking).
        var n = castIndexInStoredOrder.Count;
        var rank = castIndexInStoredOrder.Select((v, i) => (v, i)).OrderBy(p => p.v).Select((p, r) => (p.i, r)).ToDictionary(p => p.i, p => p.r);
        double sum = 0;
        for (var i = 0; i < n; i++)
        {
            double d = i - rank[i];
            sum += d * d;
        }
        return 1 - 6 * sum / (n * ((double)n * n - 1));
    }
}
