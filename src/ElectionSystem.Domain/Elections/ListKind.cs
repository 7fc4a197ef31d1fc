namespace ElectionSystem.Domain.Elections;

/// <summary>
/// The layout of the ballot, which follows from the list and the seats (DOMAIN.md §4.1) and
/// decides how the voter marks it.
/// </summary>
public enum ListKind
{
    /// <summary>Danh sách dư: more candidates than seats; the voter strikes out names.</summary>
    WithSurplus,

    /// <summary>Danh sách không dư: candidates = seats; agree / disagree per row.</summary>
    WithoutSurplus,

    /// <summary>A single candidate: agree / disagree, and a ballot with neither or both is invalid.</summary>
    OneCandidate,

    /// <summary>Phiếu xin ý kiến: agree / disagree per nominee; seats do not apply.</summary>
    NominationPoll,
}

public static class ListKinds
{
    /// <summary>
    /// A list with fewer candidates than seats (possible in a later round) has no surplus either:
    /// it is marked row by row like a list without surplus.
    /// </summary>
    public static ListKind Of(ElectionKind kind, int candidates, int seats) =>
        kind == ElectionKind.NominationPoll ? ListKind.NominationPoll
        : candidates > seats ? ListKind.WithSurplus
        : candidates == 1 ? ListKind.OneCandidate
        : ListKind.WithoutSurplus;

    /// <summary>True when ballots on this list are struck out; otherwise they carry marks.</summary>
    public static bool UsesStrikeOut(this ListKind kind) => kind == ListKind.WithSurplus;
}
