namespace ElectionSystem.Domain.Congress;

/// <summary>
/// Tổng số đại biểu (làm căn cứ tính tỷ lệ): the base every majority is measured against
/// (DOMAIN.md §2). Derived from the delegate registry, never typed in.
/// </summary>
/// <param name="Summoned">Official delegates summoned, alternates summoned as replacements included.</param>
/// <param name="AbsentCommitteeMembers">Convening-committee members absent for the whole congress.</param>
/// <param name="AbsentWithoutAlternate">Other official delegates absent for the whole congress with no alternate replacing them.</param>
public sealed record CongressBase(int Summoned, int AbsentCommitteeMembers, int AbsentWithoutAlternate)
{
    public int Value => Summoned - AbsentCommitteeMembers - AbsentWithoutAlternate;

    public static CongressBase Create(int summoned, int absentCommitteeMembers, int absentWithoutAlternate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(summoned);
        ArgumentOutOfRangeException.ThrowIfNegative(absentCommitteeMembers);
        ArgumentOutOfRangeException.ThrowIfNegative(absentWithoutAlternate);
        if (absentCommitteeMembers + absentWithoutAlternate > summoned)
        {
            throw new ArgumentException("Absences exceed the delegates summoned.", nameof(absentWithoutAlternate));
        }
        return new CongressBase(summoned, absentCommitteeMembers, absentWithoutAlternate);
    }

    /// <summary>How the base was derived, in the words printed on screens and minutes.</summary>
    public string ExplainVi() =>
        $"{Summoned} đại biểu được triệu tập − {AbsentCommitteeMembers} ủy viên cấp ủy triệu tập vắng mặt cả đại hội − {AbsentWithoutAlternate} đại biểu vắng mặt cả đại hội không có dự khuyết thay thế = {Value}";

    /// <summary>Nothing can pass when those present are not more than half of Base (DOMAIN.md §2).</summary>
    public bool PresentIsMajority(int present) => 2 * present > Value;

    /// <summary>Two-thirds quorum: a warning only by default (configurable, DOMAIN.md §2).</summary>
    public bool PresentIsTwoThirds(int present) => 3 * present >= 2 * Value;
}
