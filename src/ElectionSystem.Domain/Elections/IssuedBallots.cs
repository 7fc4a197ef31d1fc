namespace ElectionSystem.Domain.Elections;

/// <summary>
/// Phát ra of a round, once per delegate (DOMAIN.md §6, issue 11). A present delegate receives one
/// ballot: on the tablet, or on paper instead of it — never both. So the tablet figure
/// (present ∪ those who cast on a tablet) already counts every delegate a paper ballot went to, and
/// paper adds only beyond it where nobody was issued one on a tablet (a paper-only round, whose tablet
/// figure is those who cast there), and never past those present.
/// <c>issued = min(tablet + paper, max(tablet, present))</c>.
/// </summary>
public static class IssuedBallots
{
    /// <summary>Issued on tablets: every delegate present, and anyone who cast on a tablet (counted once).</summary>
    public static int OnTablets(IReadOnlySet<Guid> present, IEnumerable<Guid> tabletVoters) => present.Union(tabletVoters).Count();

    /// <param name="tablet">Issued on tablets: present ∪ tablet voters (a paper-only round: tablet voters).</param>
    /// <param name="paper">Paper ballots handed out, as the committee counted them.</param>
    /// <param name="present">Official delegates present at the vote.</param>
    public static int Total(int tablet, int paper, int present) =>
        Math.Min(tablet + paper, Math.Max(tablet, present));
}
