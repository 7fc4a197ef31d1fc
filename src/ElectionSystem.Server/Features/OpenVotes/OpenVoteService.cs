using System.Security.Claims;
using System.Text;
using ElectionSystem.Domain.Names;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Shared;
using ElectionSystem.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.OpenVotes;

/// <summary>
/// Serialises the writes of open votes (create, open, close, cast) in this process and, on PostgreSQL,
/// across hall servers (<see cref="DatabaseLocks.OpenVotes"/>): a cast must not interleave with the
/// close that counts it. Each holder keeps it for one short transaction, never across a network wait.
/// </summary>
public sealed class OpenVoteGate() : DatabaseGate(DatabaseLocks.OpenVotes);

/// <summary>
/// Biểu quyết, the presidium's agenda: create and open votes, list the session's votes and the
/// congress's decisions. Delegates choose on their tablets (<see cref="OpenVoteCasting"/>) and may
/// change until close; closing or typing in a show of hands is <see cref="OpenVoteClosing"/>; what
/// screens and tablets show is <see cref="OpenVoteViews"/>.
/// </summary>
public sealed class OpenVoteService(ElectionDbContext db, AuditLog audit, HallClock clock, OpenVoteGate gate, OpenVoteBroadcast broadcast)
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
        return new OpenVoteAgenda(session.Id, session.Title, votes.Select(OpenVoteMapping.Summary).ToList());
    }

    public async Task<ProblemOr<OpenVoteSummary>> CreateAsync(ClaimsPrincipal user, CreateOpenVoteRequest request, CancellationToken ct)
    {
        // Title present and lengths within bounds: CreateOpenVoteRequestValidator.
        var title = VietnameseText.Normalize(request.Title!);
        var description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim().Normalize(NormalizationForm.FormC);
        await using (await gate.EnterAsync(db, ct))
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
                LiveCounts = request.LiveCounts,
                State = OpenVoteState.Draft,
                CreatedAt = clock.UtcNow,
            };
            db.Add(vote);
            await audit.AppendAsync(user, "openvote.created", $"openvote:{vote.Id}", new { title, vote.Anonymous, vote.LiveCounts, session = session.Title });
            await db.SaveChangesAsync(ct);
            return OpenVoteMapping.Summary(vote);
        }
    }

    public async Task<ProblemOr<OpenVoteSummary>> OpenAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        OpenVote? vote;
        await using (await gate.EnterAsync(db, ct))
        {
            if ((vote = await db.Set<OpenVote>().FirstOrDefaultAsync(v => v.Id == id, ct)) is null) return OpenVoteMapping.VoteNotFound();
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
        await broadcast.OpenedAsync(vote);
        return OpenVoteMapping.Summary(vote);
    }

    public async Task<IReadOnlyList<DecisionRow>> DecisionsAsync(CancellationToken ct)
    {
        var sessions = await db.Sessions.AsNoTracking().ToDictionaryAsync(s => s.Id, ct);
        var votes = await db.Set<OpenVote>().AsNoTracking().Where(v => v.State == OpenVoteState.Closed).ToListAsync(ct);
        return votes
            .OrderBy(v => sessions.TryGetValue(v.SessionId, out var s) ? s.Ordinal : 0).ThenBy(v => v.Ordinal)
            .Select(v => new DecisionRow(sessions.TryGetValue(v.SessionId, out var s) ? s.Title : "", v.Ordinal, v.Title, v.Anonymous, v.ClosedAt, OpenVoteMapping.Result(v)!))
            .ToList();
    }
}
