namespace ElectionSystem.Server.Features.OpenVotes;

/// <summary>LiveCounts: the projector shows the running count while the vote is open (off by default: turnout only).</summary>
public sealed record CreateOpenVoteRequest(string? Title, string? Description, bool Anonymous, bool LiveCounts = false);

/// <summary>A show of hands counted in the hall and typed in by the presidium.</summary>
public sealed record ShowOfHandsRequest(int? For, int? Against, int? Abstain);

public sealed record CastRequest(VoteChoice? Choice);

/// <summary>The delegate's choice as recorded (durable) — "Đã ghi nhận: Tán thành".</summary>
public sealed record CastResponse(Guid VoteId, VoteChoice Choice, string Recorded);

/// <summary>A decision, as stored at close.</summary>
public sealed record OpenVoteResult(
    OpenVoteMethod Method, int For, int Against, int AbstainChosen, int NotVoted, int AbstainTotal,
    int Present, int Base, string BaseExplanation, bool Passed, string Percent, string Decision);

public sealed record OpenVoteSummary(
    Guid Id, int Ordinal, string Title, string? Description, bool Anonymous, OpenVoteState State,
    DateTime? OpenedAt, DateTime? ClosedAt, OpenVoteResult? Result, DateTime? DecisionPrintedAt = null, bool LiveCounts = false);

/// <summary>The current session's agenda of open votes, for the presidium.</summary>
public sealed record OpenVoteAgenda(Guid? SessionId, string? SessionTitle, IReadOnlyList<OpenVoteSummary> Votes);

/// <summary>
/// What screens show of the vote on screen: the open vote with live counts, or after close the last
/// decision. Counts of an open vote: Abstain is "chose Không biểu quyết"; NotYetVoted is present
/// and eligible delegates who have not chosen yet (counted as abstain at close). Voted: how many have
/// chosen (the turnout). For a vote without LiveCounts the projector's copy carries no counts while
/// the vote is open (For, Against, Abstain null): turnout only, the figures at the close.
/// </summary>
public sealed record OpenVoteLive(
    long Version, Guid VoteId, string Title, string? Description, bool Anonymous, OpenVoteState State,
    int? For, int? Against, int? Abstain, int NotYetVoted, int Present, int Base, OpenVoteResult? Result,
    int Voted = 0, bool LiveCounts = false)
{
    /// <summary>What a screen in the hall may see: the counts of an open vote only when the vote shows them live.</summary>
    public OpenVoteLive ForHall() => State == OpenVoteState.Open && !LiveCounts
        ? this with { For = null, Against = null, Abstain = null }
        : this;
}

/// <summary>Hub message to projector and presidium (coalesced). Vote null: nothing to show.</summary>
public sealed record OpenVoteLiveMessage(OpenVoteLive? Vote);

/// <summary>The open vote as a tablet shows it; MyChoice is the delegate's recorded choice (never in broadcasts).</summary>
public sealed record TabletOpenVote(Guid Id, string Title, string? Description, bool Anonymous, VoteChoice? MyChoice);

/// <summary>Hub message to all tablets when a vote opens or closes: the open vote now, or null.</summary>
public sealed record TabletOpenVoteMessage(TabletOpenVote? Vote);

/// <summary>A decision on the printable list of the congress's decisions.</summary>
public sealed record DecisionRow(string SessionTitle, int Ordinal, string Title, bool Anonymous, DateTime? ClosedAt, OpenVoteResult Result);

public static class VoteChoices
{
    public static string Label(VoteChoice choice) => choice switch
    {
        VoteChoice.For => "Tán thành",
        VoteChoice.Against => "Không tán thành",
        _ => "Không biểu quyết",
    };
}
