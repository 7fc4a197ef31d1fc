namespace ElectionSystem.Server.Features.Attendance;

/// <summary>
/// Attendance of the current session, as screens show it. Sent whole over the hub and returned
/// by GET /api/attendance and GET /api/projector/state.
/// </summary>
/// <param name="Version">Grows with time; a client ignores a snapshot older than the one it shows.</param>
public sealed record AttendanceSnapshot(
    long Version,
    string CongressName,
    Guid? SessionId,
    string? SessionTitle,
    int Present,
    int Summoned,
    int BaseValue,
    string BaseExplanation,
    BaseDerivation Base,
    IReadOnlyList<Replacement> Replacements,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<DelegationAttendance> Delegations);

/// <summary>The terms of DOMAIN.md §2: Base = Summoned − AbsentCommitteeMembers − AbsentWithoutAlternate.</summary>
public sealed record BaseDerivation(int Summoned, int AbsentCommitteeMembers, int AbsentWithoutAlternate, int Value);

/// <summary>An alternate summoned to replace an official delegate absent for the whole congress.</summary>
public sealed record Replacement(Guid AlternateId, string AlternateCode, string AlternateName, Guid ReplacesId, string ReplacesCode, string ReplacesName, bool AlternatePresent);

public sealed record DelegationAttendance(Guid Id, string Name, int Present, int Summoned);
