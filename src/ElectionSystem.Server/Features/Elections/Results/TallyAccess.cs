using System.Security.Claims;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>
/// The tally stays with the counting committee until it is announced: between the close and the
/// announcement only Ban Kiểm phiếu's members read the votes (its round view's result, the record,
/// the minutes and their .docx, the paper-entry log) — the delegates the congress elected, signed in
/// with their own member session (<see cref="CommitteeMemberClaims"/>, ADR 0010), who confirm it. A
/// staff account with the counting-committee role is made by the organiser, not elected: it may
/// close and announce, but like every other role it gets 403 with this detail (or a view without the
/// result) until the announcement; after it everyone allowed the page or endpoint reads it as before.
/// A member session counts only while the delegate is on the list with its stamp (checked per
/// request by Duties/CommitteeMemberSessions, which makes a stale session anonymous).
/// </summary>
public static class TallyAccess
{
    public const string NotAnnouncedDetail =
        "Kết quả lần bầu này chưa được công bố: trước khi công bố, chỉ thành viên Ban Kiểm phiếu được xem số phiếu, biên bản kiểm phiếu và biên bản điện tử.";

    public static bool MaySee(RoundState state, ClaimsPrincipal user) =>
        state == RoundState.Announced || IsMemberSession(user);

    /// <summary>The same rule for a state given as its API word (<see cref="RoundStates"/>).</summary>
    public static bool MaySee(string stateWord, ClaimsPrincipal user) =>
        stateWord == RoundStates.Announced || IsMemberSession(user);

    /// <summary>A committee member's own session: the role and the member's delegate id, no staff account behind it.</summary>
    public static bool IsMemberSession(ClaimsPrincipal user) => CommitteeMemberClaims.MemberId(user) is not null;

    public static ProblemHttpResult NotAnnounced() => Problems.Forbidden(NotAnnouncedDetail, "Kết quả chưa công bố");
}
