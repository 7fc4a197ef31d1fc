using System.Security.Claims;
using ElectionSystem.Domain.OpenVotes;
using ElectionSystem.Server.Features.Attendance;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Hosting;

namespace ElectionSystem.Server.Features.OpenVotes;

/// <summary>
/// Writes a decision once, at close (on the tablets or by a show of hands): the counts, the Base
/// they were measured against and how Base was derived, the pass rule from Domain
/// (<see cref="OpenVoteRule"/>), and the audit entry saved with it.
/// </summary>
public sealed class DecisionRecorder(AuditLog audit, HallClock clock)
{
    public Task RecordAsync(ClaimsPrincipal user, string action, OpenVote vote, OpenVoteMethod method,
        int votesFor, int against, int abstainChosen, int notVoted, VoterRoll roll)
    {
        var now = clock.UtcNow;
        // A show of hands opens and closes in the same moment.
        vote.OpenedAt ??= now;
        vote.Method = method;
        vote.State = OpenVoteState.Closed;
        vote.ClosedAt = now;
        vote.For = votesFor;
        vote.Against = against;
        vote.AbstainChosen = abstainChosen;
        vote.NotVoted = notVoted;
        vote.AbstainTotal = abstainChosen + notVoted;
        vote.Present = roll.Present.Count;
        vote.Base = roll.Base.Value;
        vote.BaseExplanation = roll.Base.ExplainVi();
        vote.Passed = OpenVoteRule.Passed(votesFor, roll.Base.Value);
        return audit.AppendAsync(user, action, $"openvote:{vote.Id}", AuditResult(vote));
    }

    private static object AuditResult(OpenVote v) => new
    {
        v.Title, method = v.Method?.ToString(), v.For, v.Against, v.AbstainChosen, v.NotVoted, v.AbstainTotal,
        v.Present, v.Base, v.BaseExplanation, v.Passed, v.Anonymous,
        decision = DecisionText.Summary(v.For ?? 0, v.Base ?? 0, v.Passed ?? false),
    };
}
