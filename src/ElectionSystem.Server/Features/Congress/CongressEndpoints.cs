using System.Security.Claims;
using ElectionSystem.Domain.Names;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Live;
using ElectionSystem.Server.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.CongressSetup;

public sealed record CongressDto(Guid Id, string Name, string BodyName, string Ordinal, string Term, string Place,
    DateOnly StartDate, DateOnly EndDate, bool TwoThirdsQuorumEnforced);

/// <summary>
/// PUT replaces the particulars whole, so every field must be sent (""/false where there is
/// nothing to say): a body that leaves one out is refused naming it (CongressUpdateValidator),
/// rather than read as "0001-01-01" or "quorum rule off".
/// </summary>
public sealed record CongressUpdate(string? Name, string? BodyName, string? Ordinal, string? Term, string? Place,
    DateOnly? StartDate, DateOnly? EndDate, bool? TwoThirdsQuorumEnforced);

public sealed record SessionDto(Guid Id, int Ordinal, string Title, DateOnly Date, TimeOnly? StartsAt, bool IsCurrent);

public sealed record SessionCreate(string Title, DateOnly Date, TimeOnly? StartsAt);

/// <summary>/api/congress: the congress's particulars and its sessions (organisers; staff may read).</summary>
public static class CongressEndpoints
{
    public static RouteGroupBuilder MapCongress(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/congress").WithTags("Congress").DisableAntiforgery();
        var read = group.MapGroup("").RequireAuthorization(AuthSetup.Require(Roles.Staff));
        read.MapGet("/", Get);
        read.MapGet("/sessions", Sessions);
        var write = group.MapGroup("").RequireAuthorization(AuthSetup.Require(Roles.Organiser));
        write.MapPut("/", Update);
        write.MapPost("/sessions", AddSession);
        write.MapPost("/sessions/{id:guid}/current", MakeCurrent);
        return group;
    }

    private static async Task<Ok<CongressDto>> Get(ElectionDbContext db, CancellationToken ct)
    {
        var c = await db.Congresses.AsNoTracking().OrderBy(c => c.StartDate).FirstAsync(ct);
        return TypedResults.Ok(new CongressDto(c.Id, c.Name, c.BodyName, c.Ordinal, c.Term, c.Place, c.StartDate, c.EndDate, c.TwoThirdsQuorumEnforced));
    }

    private static async Task<Results<Ok<CongressDto>, ProblemHttpResult>> Update(
        CongressUpdate u, ElectionDbContext db, AuditLog audit, LiveUpdates live, ClaimsPrincipal user, CancellationToken ct)
    {
        var c = await db.Congresses.OrderBy(c => c.StartDate).FirstAsync(ct);
        // The validator has checked every field is there.
        c.Name = VietnameseText.Normalize(u.Name!);
        c.BodyName = VietnameseText.Normalize(u.BodyName!);
        c.Ordinal = VietnameseText.Normalize(u.Ordinal!);
        c.Term = VietnameseText.Normalize(u.Term!);
        c.Place = VietnameseText.Normalize(u.Place!);
        c.StartDate = u.StartDate!.Value;
        c.EndDate = u.EndDate!.Value;
        c.TwoThirdsQuorumEnforced = u.TwoThirdsQuorumEnforced!.Value;
        await audit.AppendAsync(user, "congress.updated", $"congress:{c.Id}", u);
        await db.SaveChangesAsync(ct);
        live.AttendanceChanged();
        return TypedResults.Ok(new CongressDto(c.Id, c.Name, c.BodyName, c.Ordinal, c.Term, c.Place, c.StartDate, c.EndDate, c.TwoThirdsQuorumEnforced));
    }

    private static async Task<Ok<List<SessionDto>>> Sessions(ElectionDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Sessions.AsNoTracking().OrderBy(s => s.Ordinal)
            .Select(s => new SessionDto(s.Id, s.Ordinal, s.Title, s.Date, s.StartsAt, s.IsCurrent)).ToListAsync(ct));

    private static async Task<Results<Created<SessionDto>, ProblemHttpResult>> AddSession(
        SessionCreate s, ElectionDbContext db, AuditLog audit, ClaimsPrincipal user, CancellationToken ct)
    {
        var ordinal = (await db.Sessions.MaxAsync(x => (int?)x.Ordinal, ct) ?? 0) + 1;
        var session = new CongressSession { Id = Guid.NewGuid(), Ordinal = ordinal, Title = VietnameseText.Normalize(s.Title), Date = s.Date, StartsAt = s.StartsAt };
        db.Sessions.Add(session);
        await audit.AppendAsync(user, "session.created", $"session:{session.Id}", new { session.Title, session.Date });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/congress/sessions/{session.Id}",
            new SessionDto(session.Id, session.Ordinal, session.Title, session.Date, session.StartsAt, false));
    }

    /// <summary>Switches the current session: check-ins and attendance follow it.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> MakeCurrent(
        Guid id, ElectionDbContext db, AuditLog audit, LiveUpdates live, ClaimsPrincipal user, CancellationToken ct)
    {
        var target = await db.Sessions.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (target is null)
        {
            return Problems.NotFound($"Không có phiên họp {id}.");
        }
        // Two commits, clearing first, because the filtered unique index allows one current session
        // at a time. Not one explicit transaction: it would hold SQLite's write lock while waiting
        // for the audit gate, which a concurrent check-in holds while waiting for that lock.
        await db.Sessions.Where(s => s.IsCurrent && s.Id != id).ExecuteUpdateAsync(x => x.SetProperty(s => s.IsCurrent, false), ct);
        target.IsCurrent = true;
        await audit.AppendAsync(user, "session.made-current", $"session:{id}", new { target.Title });
        await db.SaveChangesAsync(ct);
        live.AttendanceChanged();
        return TypedResults.NoContent();
    }
}
