using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Attendance;
using ElectionSystem.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.OpenVotes;

/// <summary>What tablets and screens show of open votes: reads only.</summary>
public sealed class OpenVoteViews(ElectionDbContext db, VotingEligibility eligibility, HallClock clock)
{
    /// <summary>The open vote for this delegate's tablet, with their recorded choice; null when none is open.</summary>
    public async Task<TabletOpenVote?> ForTabletAsync(Guid delegateId, CancellationToken ct)
    {
        var vote = await db.Set<OpenVote>().AsNoTracking().FirstOrDefaultAsync(v => v.State == OpenVoteState.Open, ct);
        if (vote is null)
        {
            return null;
        }
        var mine = await db.Set<OpenVoteChoice>().AsNoTracking()
            .Where(c => c.VoteId == vote.Id && c.DelegateId == delegateId).Select(c => c.Choice).FirstOrDefaultAsync(ct);
        return new TabletOpenVote(vote.Id, vote.Title, vote.Description, vote.Anonymous, mine);
    }

    /// <summary>The vote on screen: the open one with live counts, else the last decision of the current session.</summary>
    public async Task<OpenVoteLive?> LiveAsync(CancellationToken ct)
    {
        var vote = await db.Set<OpenVote>().AsNoTracking().FirstOrDefaultAsync(v => v.State == OpenVoteState.Open, ct);
        if (vote is null)
        {
            var session = await db.Sessions.AsNoTracking().Where(s => s.IsCurrent).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
            vote = (await db.Set<OpenVote>().AsNoTracking()
                .Where(v => v.SessionId == session && v.State == OpenVoteState.Closed).ToListAsync(ct))
                .OrderByDescending(v => v.ClosedAt).FirstOrDefault();
            if (vote is null)
            {
                return null;
            }
            var r = OpenVoteMapping.Result(vote)!;
            return new OpenVoteLive(clock.UtcNow.Ticks, vote.Id, vote.Title, vote.Description, vote.Anonymous, vote.State,
                r.For, r.Against, r.AbstainTotal, 0, r.Present, r.Base, r, r.For + r.Against + r.AbstainChosen, vote.LiveCounts);
        }
        var roll = await eligibility.RollAsync(ct);
        var choices = await db.Set<OpenVoteChoice>().AsNoTracking().Where(c => c.VoteId == vote.Id)
            .Select(c => new { c.DelegateId, c.Choice }).ToListAsync(ct);
        var voters = choices.Select(c => c.DelegateId).ToHashSet();
        return new OpenVoteLive(clock.UtcNow.Ticks, vote.Id, vote.Title, vote.Description, vote.Anonymous, vote.State,
            choices.Count(c => c.Choice == VoteChoice.For),
            choices.Count(c => c.Choice == VoteChoice.Against),
            choices.Count(c => c.Choice == VoteChoice.Abstain),
            roll.Present.Count(p => !voters.Contains(p)),
            roll.Present.Count, roll.Base.Value, null, choices.Count, vote.LiveCounts);
    }
}
