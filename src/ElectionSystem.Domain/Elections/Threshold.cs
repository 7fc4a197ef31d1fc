namespace ElectionSystem.Domain.Elections;

/// <summary>
/// Quá nửa: a candidate can be elected only with more than half of Base (DOMAIN.md §4.3) —
/// of Base, not of the ballots collected or the valid ones.
/// </summary>
public static class Threshold
{
    public static bool Passed(int votes, int @base) => 2L * votes > @base;
}
