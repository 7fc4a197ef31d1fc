using System.Security.Claims;
using ElectionSystem.Domain.OpenVotes;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Projection;
using ElectionSystem.Server.Features.Shared;
using ElectionSystem.Server.Features.Tablet;
using ElectionSystem.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.OpenVotes;

/// <summary>
/// Serialises the writes of open votes (create, open, close, cast) in this process: SQLite has one
/// writer anyway, and a cast must not interleave with the close that counts it. Each holder keeps
/// it for one short transaction, never across a network wait.
/// </summary>
public sealed class OpenVoteGate : WriteGate;

/// <summary>
/// Biểu quyết: the presidium creates, opens and closes open votes (or types in a show of hands);
/// delegates choose on their tablets and may change until close. The pass rule and Base come from
/// Domain (OpenVoteRule, CongressBase). Anonymous votes: choices are kept while the vote is open so
/// a delegate can change theirs, then at close — in the same transaction that stores the counts —
/// every choice is cleared, leaving only "this delegate took part"; no cast is written to the audit
/// log for them. Named votes keep who chose what, as a show of hands does, and audit each cast.
/// </summary>
public sealed class OpenVoteService(
    ElectionDbContext db, VotingEligibility eligibility, AuditLog audit, HallClock clock, OpenVoteGate gate,
    LiveUpdates live, IHubContext<CongressHub, ICongressClient> hub)
{
    public const string Ended = "Biểu quyết đã kết thúc";
    public const string NotStarted = "Biểu quyết chưa bắt đầu";

    public async Task<OpenVoteAgenda> AgendaAsync(CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.IsCurrent, ct);
        if (session is null)
        {
            return new OpenVoteAgenda(null, null, []);
        }
        var votes = await db.Set<OpenVote>().AsNoTracking().Where(v => v.SessionId == session.Id).OrderBy(v => v.Ordinal).ToListAsync(ct);
        return new OpenVoteAgenda(session.Id, session.Title, votes.Select(Summary).ToList());
    }

    public async Task<Results<Created<OpenVoteSummary>, ProblemHttpResult>> CreateAsync(ClaimsPrincipal user, CreateOpenVoteRequest request, CancellationToken ct)
    {
        // Title present and lengths within bounds: CreateOpenVoteRequestValidator.
        var title = request.Title!.Trim();
        var description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim();
        using (await gate.EnterAsync(ct))
        {
            var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.IsCurrent, ct);
            if (session is null)
            {
                return Problems.Conflict("Chưa có phiên họp hiện tại.");
            }
            var ordinal = 1 + (await db.Set<OpenVote>().Where(v => v.SessionId == session.Id).MaxAsync(v => (int?)v.Ordinal, ct) ?? 0);
            var vote = new OpenVote
            {
                Id = Guid.NewGuid(),
                SessionId = session.Id,
                Ordinal = ordinal,
                Title = title,
                Description = description,
                Anonymous = request.Anonymous,
                State = OpenVoteState.Draft,
                CreatedAt = clock.UtcNow,
            };
            db.Add(vote);
            await audit.AppendAsync(user, "openvote.created", $"openvote:{vote.Id}", new { title, vote.Anonymous, session = session.Title });
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/openvotes/{vote.Id}", Summary(vote));
        }
    }

    /// <summary>The vote, tracked (open, close and show-of-hands change it under the gate).</summary>
    private Task<OpenVote?> FindAsync(Guid id, CancellationToken ct) => db.Set<OpenVote>().FirstOrDefaultAsync(v => v.Id == id, ct);

    private static ProblemHttpResult VoteNotFound() => Problems.NotFound("Không tìm thấy biểu quyết này.");

    public async Task<Results<Ok<OpenVoteSummary>, ProblemHttpResult>> OpenAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        OpenVote? vote;
        using (await gate.EnterAsync(ct))
        {
            if ((vote = await FindAsync(id, ct)) is null) return VoteNotFound();
            if (vote.State != OpenVoteState.Draft)
            {
                return Problems.Conflict(vote.State == OpenVoteState.Open ? "Biểu quyết này đang mở." : Ended);
            }
            var current = await db.Sessions.AsNoTracking().Where(s => s.IsCurrent).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
            if (current != vote.SessionId)
            {
                return Problems.Conflict("Biểu quyết này thuộc phiên họp khác, không phải phiên họp hiện tại.");
            }
            var other = await db.Set<OpenVote>().AsNoTracking().Where(v => v.State == OpenVoteState.Open).Select(v => v.Title).FirstOrDefaultAsync(ct);
            if (other is not null)
            {
                return Problems.Conflict($"Đang mở biểu quyết “{other}”. Hãy kết thúc biểu quyết đó trước.");
            }
            vote.State = OpenVoteState.Open;
            vote.OpenedAt = clock.UtcNow;
            await audit.AppendAsync(user, "openvote.opened", $"openvote:{vote.Id}", new { vote.Title });
            await db.SaveChangesAsync(ct);
        }
        await hub.Clients.Group(HubGroups.Delegates).OpenVoteChanged(
            new TabletOpenVoteMessage(new TabletOpenVote(vote.Id, vote.Title, vote.Description, vote.Anonymous, null)));
        live.MarkDirty(OpenVoteTopic.TopicName);
        return TypedResults.Ok(Summary(vote));
    }

    public async Task<Results<Ok<OpenVoteSummary>, ProblemHttpResult>> CloseAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        OpenVote? vote;
        using (await gate.EnterAsync(ct))
        {
            if ((vote = await FindAsync(id, ct)) is null) return VoteNotFound();
            if (vote.State != OpenVoteState.Open)
            {
                return Problems.Conflict(vote.State == OpenVoteState.Closed ? Ended : "Biểu quyết này chưa mở.");
            }
            var roll = await eligibility.RollAsync(ct);
            var choices = await db.Set<OpenVoteChoice>().Where(c => c.VoteId == id).ToListAsync(ct);
            var voters = choices.Select(c => c.DelegateId).ToHashSet();
            var notVoted = roll.Present.Count(p => !voters.Contains(p));
            Record(vote, OpenVoteMethod.Tablets,
                choices.Count(c => c.Choice == VoteChoice.For),
                choices.Count(c => c.Choice == VoteChoice.Against),
                choices.Count(c => c.Choice == VoteChoice.Abstain),
                notVoted, roll);
            if (vote.Anonymous)
            {
                // Keep participation, drop the link to the choice (see the class comment).
                foreach (var c in choices)
                {
                    c.Choice = null;
                }
            }
            await audit.AppendAsync(user, "openvote.closed", $"openvote:{vote.Id}", AuditResult(vote));
            await db.SaveChangesAsync(ct);
        }
        await hub.Clients.Group(HubGroups.Delegates).OpenVoteChanged(new TabletOpenVoteMessage(null));
        live.MarkDirty(OpenVoteTopic.TopicName);
        return TypedResults.Ok(Summary(vote));
    }

    public async Task<Results<Ok<OpenVoteSummary>, ProblemHttpResult>> ShowOfHandsAsync(ClaimsPrincipal user, Guid id, ShowOfHandsRequest request, CancellationToken ct)
    {
        // Three counts, none negative: ShowOfHandsRequestValidator.
        var (f, a, ab) = (request.For.GetValueOrDefault(), request.Against.GetValueOrDefault(), request.Abstain.GetValueOrDefault());
        OpenVote? vote;
        using (await gate.EnterAsync(ct))
        {
            if ((vote = await FindAsync(id, ct)) is null) return VoteNotFound();
            if (vote.State != OpenVoteState.Draft)
            {
                return Problems.Conflict(vote.State == OpenVoteState.Open
                    ? "Biểu quyết đang mở trên máy tính bảng; hãy kết thúc nó thay vì nhập kết quả giơ tay."
                    : Ended);
            }
            var roll = await eligibility.RollAsync(ct);
            if (f + a + ab > roll.Base.Value)
            {
                return Problems.BadRequest($"Tổng {f + a + ab} vượt quá tổng số đại biểu ({roll.Base.Value}).");
            }
            vote.OpenedAt = clock.UtcNow;
            Record(vote, OpenVoteMethod.ShowOfHands, f, a, ab, Math.Max(0, roll.Present.Count - (f + a + ab)), roll);
            await audit.AppendAsync(user, "openvote.show-of-hands", $"openvote:{vote.Id}", AuditResult(vote));
            await db.SaveChangesAsync(ct);
        }
        live.MarkDirty(OpenVoteTopic.TopicName);
        return TypedResults.Ok(Summary(vote));
    }

    public async Task<Results<Ok<CastResponse>, ProblemHttpResult>> CastAsync(ClaimsPrincipal user, Guid voteId, CastRequest request, CancellationToken ct)
    {
        if (user.FindDelegateId() is not { } delegateId)
        {
            return Problems.Unauthorized("Hãy đăng nhập bằng thẻ đại biểu và mã PIN.");
        }
        var choice = request.Choice.GetValueOrDefault(); // one of the three: CastRequestValidator
        var may = await eligibility.CheckAsync(delegateId, ct);
        if (!may.MayVote)
        {
            return TypedResults.Problem(may.Reason, statusCode: StatusCodes.Status403Forbidden, title: "Không biểu quyết được");
        }
        using (await gate.EnterAsync(ct))
        {
            var vote = await db.Set<OpenVote>().AsNoTracking().Where(v => v.Id == voteId)
                .Select(v => new { v.State, v.Anonymous, v.Title }).FirstOrDefaultAsync(ct);
            if (vote is null)
            {
                return VoteNotFound();
            }
            if (vote.State != OpenVoteState.Open)
            {
                return Problems.Conflict(vote.State == OpenVoteState.Closed ? Ended : NotStarted);
            }
            // The key (vote, delegate) makes a second choice replace the first, never add to it.
            var row = await db.Set<OpenVoteChoice>().FirstOrDefaultAsync(c => c.VoteId == voteId && c.DelegateId == delegateId, ct);
            if (row is null)
            {
                db.Add(new OpenVoteChoice { VoteId = voteId, DelegateId = delegateId, Choice = choice });
            }
            else
            {
                row.Choice = choice;
            }
            if (!vote.Anonymous)
            {
                await audit.AppendAsync(user, "openvote.cast", $"openvote:{voteId}", new { choice = choice.ToString(), changed = row is not null });
            }
            await db.SaveChangesAsync(ct);
        }
        live.MarkDirty(OpenVoteTopic.TopicName);
        return TypedResults.Ok(new CastResponse(voteId, choice, "Đã ghi nhận: " + VoteChoices.Label(choice)));
    }

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
            var r = Result(vote)!;
            return new OpenVoteLive(clock.UtcNow.Ticks, vote.Id, vote.Title, vote.Description, vote.Anonymous, vote.State,
                r.For, r.Against, r.AbstainTotal, 0, r.Present, r.Base, r);
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
            roll.Present.Count, roll.Base.Value, null);
    }

    public async Task<IReadOnlyList<DecisionRow>> DecisionsAsync(CancellationToken ct)
    {
        var sessions = await db.Sessions.AsNoTracking().ToDictionaryAsync(s => s.Id, ct);
        var votes = await db.Set<OpenVote>().AsNoTracking().Where(v => v.State == OpenVoteState.Closed).ToListAsync(ct);
        return votes
            .OrderBy(v => sessions.TryGetValue(v.SessionId, out var s) ? s.Ordinal : 0).ThenBy(v => v.Ordinal)
            .Select(v => new DecisionRow(sessions.TryGetValue(v.SessionId, out var s) ? s.Title : "", v.Ordinal, v.Title, v.Anonymous, v.ClosedAt, Result(v)!))
            .ToList();
    }

    private void Record(OpenVote vote, OpenVoteMethod method, int votesFor, int against, int abstainChosen, int notVoted, VoterRoll roll)
    {
        vote.Method = method;
        vote.State = OpenVoteState.Closed;
        vote.ClosedAt = clock.UtcNow;
        vote.For = votesFor;
        vote.Against = against;
        vote.AbstainChosen = abstainChosen;
        vote.NotVoted = notVoted;
        vote.AbstainTotal = abstainChosen + notVoted;
        vote.Present = roll.Present.Count;
        vote.Base = roll.Base.Value;
        vote.BaseExplanation = roll.Base.ExplainVi();
        vote.Passed = OpenVoteRule.Passed(votesFor, roll.Base.Value);
    }

    private static object AuditResult(OpenVote v) => new
    {
        v.Title, method = v.Method?.ToString(), v.For, v.Against, v.AbstainChosen, v.NotVoted, v.AbstainTotal,
        v.Present, v.Base, v.BaseExplanation, v.Passed, v.Anonymous,
        decision = DecisionText.Summary(v.For ?? 0, v.Base ?? 0, v.Passed ?? false),
    };

    internal static OpenVoteResult? Result(OpenVote v) => v.State != OpenVoteState.Closed || v.Method is null
        ? null
        : new OpenVoteResult(v.Method.Value, v.For ?? 0, v.Against ?? 0, v.AbstainChosen ?? 0, v.NotVoted ?? 0, v.AbstainTotal ?? 0,
            v.Present ?? 0, v.Base ?? 0, v.BaseExplanation ?? "", v.Passed ?? false,
            DecisionText.Percent(v.For ?? 0, v.Base ?? 0), DecisionText.Summary(v.For ?? 0, v.Base ?? 0, v.Passed ?? false));

    internal static OpenVoteSummary Summary(OpenVote v) =>
        new(v.Id, v.Ordinal, v.Title, v.Description, v.Anonymous, v.State, v.OpenedAt, v.ClosedAt, Result(v));
}
