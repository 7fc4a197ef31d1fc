using ElectionSystem.Server.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElectionSystem.Server.Features.OpenVotes;

/// <summary>An open vote as the API returns it, and the one "not found" answer.</summary>
internal static class OpenVoteMapping
{
    public static ProblemHttpResult VoteNotFound() => Problems.NotFound("Không tìm thấy biểu quyết này.");

    public static OpenVoteResult? Result(OpenVote v) => v.State != OpenVoteState.Closed || v.Method is null
        ? null
        : new OpenVoteResult(v.Method.Value, v.For ?? 0, v.Against ?? 0, v.AbstainChosen ?? 0, v.NotVoted ?? 0, v.AbstainTotal ?? 0,
            v.Present ?? 0, v.Base ?? 0, v.BaseExplanation ?? "", v.Passed ?? false,
            DecisionText.Percent(v.For ?? 0, v.Base ?? 0), DecisionText.Summary(v.For ?? 0, v.Base ?? 0, v.Passed ?? false));

    public static OpenVoteSummary Summary(OpenVote v) =>
        new(v.Id, v.Ordinal, v.Title, v.Description, v.Anonymous, v.State, v.OpenedAt, v.ClosedAt, Result(v), v.DecisionPrintedAt, v.LiveCounts);
}
