using System.Security.Claims;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>
/// The tally stays with the counting committee until it is announced: between the close and the
/// announcement only Ban Kiểm phiếu reads the votes (its round view's result, the record, the
/// minutes and their .docx, the paper-entry log). Every other role gets 403 with this detail;
/// after the announcement everyone allowed the page or endpoint reads it as before.
/// </summary>
public static class TallyAccess
{
    public const string NotAnnouncedDetail =
        "Kết quả lần bầu này chưa được công bố: trước khi công bố, chỉ Ban Kiểm phiếu được xem số phiếu, biên bản kiểm phiếu và biên bản điện tử.";

    public static bool MaySee(RoundState state, ClaimsPrincipal user) =>
        state == RoundState.Announced || user.IsInRole(Roles.CountingCommittee);

    /// <summary>The same rule for a state given as its API word (<see cref="RoundStates"/>).</summary>
    public static bool MaySee(string stateWord, ClaimsPrincipal user) =>
        stateWord == RoundStates.Announced || user.IsInRole(Roles.CountingCommittee);

    public static ProblemHttpResult NotAnnounced() => Problems.Forbidden(NotAnnouncedDetail, "Kết quả chưa công bố");
}
