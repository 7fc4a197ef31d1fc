namespace ElectionSystem.Domain.Elections;

/// <summary>What a secret vote is for; it decides the list rules and the step after the count.</summary>
public enum ElectionKind
{
    /// <summary>Bầu Ban Chấp hành (DOMAIN.md §4.4).</summary>
    ExecutiveCommittee,

    /// <summary>Bầu đại biểu chính thức đi dự đại hội cấp trên: ballot 1 (DOMAIN.md §4.5).</summary>
    DelegationOfficial,

    /// <summary>Bầu đại biểu dự khuyết: ballot 2, from the remaining candidates (DOMAIN.md §4.5).</summary>
    DelegationAlternate,

    /// <summary>Phiếu xin ý kiến: may a nominee enter the list? (DOMAIN.md §4.4).</summary>
    NominationPoll,

    /// <summary>Any other secret election (e.g. Bí thư), counted by the same rules.</summary>
    Other,
}

/// <summary>The words <c>election-record/1</c> uses for <see cref="ElectionKind"/>.</summary>
public static class ElectionKindWire
{
    public static string ToWire(this ElectionKind kind) => kind switch
    {
        ElectionKind.ExecutiveCommittee => "executive-committee",
        ElectionKind.DelegationOfficial => "delegation-official",
        ElectionKind.DelegationAlternate => "delegation-alternate",
        ElectionKind.NominationPoll => "nomination-poll",
        ElectionKind.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string text, out ElectionKind kind)
    {
        foreach (var k in Enum.GetValues<ElectionKind>())
        {
            if (k.ToWire() == text)
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }

    public const string AllWords = "executive-committee, delegation-official, delegation-alternate, nomination-poll, other";
}
