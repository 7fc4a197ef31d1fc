namespace ElectionSystem.Domain.Elections;

/// <summary>
/// Phiếu xin ý kiến: a nominee not on the convening committee's list enters it only when more
/// than 30% of the delegates present agree (DOMAIN.md §4.4) — of those present, not of Base.
/// </summary>
public static class NominationPoll
{
    public static bool Admitted(int agree, int present) => 10L * agree > 3L * present;
}
