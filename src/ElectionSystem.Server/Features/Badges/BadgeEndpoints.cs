using System.Security.Claims;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Badges;

/// <summary>One badge as printed: name, delegation, seat, code, and the signed token its QR holds.</summary>
public sealed record BadgeDto(Guid DelegateId, string Code, string FullName, string Delegation, string? Seat,
    string Category, int BadgeVersion, string Token);

/// <summary>
/// /api/badges (organisers): the signed tokens, their QR images, and re-issuing (BadgeVersion + 1,
/// which revokes every older badge of that delegate).
/// </summary>
public static class BadgeEndpoints
{
    public static RouteGroupBuilder MapBadges(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/badges").WithTags("Badges")
            .RequireAuthorization(AuthSetup.Require(Roles.Organiser)).DisableAntiforgery();
        group.MapGet("/", List);
        group.MapGet("/{code}/qr.png", Png);
        group.MapGet("/{code}/qr.svg", Svg);
        group.MapPost("/{code}/reissue", Reissue);
        return group;
    }

    /// <summary>Every badge (or one delegation's: <c>?delegationId=</c>), in delegation then code order.</summary>
    private static async Task<Ok<List<BadgeDto>>> List(Guid? delegationId, ElectionDbContext db, BadgeSigning signing, CancellationToken ct)
    {
        var query = db.Delegates.AsNoTracking().Include(d => d.Delegation).AsQueryable();
        if (delegationId is { } g)
        {
            query = query.Where(d => d.DelegationId == g);
        }
        var delegates = await query.OrderBy(d => d.Delegation!.SortOrder).ThenBy(d => d.Code).ToListAsync(ct);
        return TypedResults.Ok(delegates.Select(d => new BadgeDto(d.Id, d.Code, d.FullName, d.Delegation!.Name, d.Seat,
            DelegateWords.CategoryVi(d.Category), d.BadgeVersion, signing.Tokens.Issue(d.Code, d.BadgeVersion))).ToList());
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Png(string code, ElectionDbContext db, BadgeSigning signing, CancellationToken ct)
    {
        var version = await db.Delegates.Where(d => d.Code == code).Select(d => (int?)d.BadgeVersion).FirstOrDefaultAsync(ct);
        return version is null
            ? Problems.NotFound($"Không có đại biểu mã \"{code}\".")
            : TypedResults.File(BadgeQr.Png(signing.Tokens.Issue(code, version.Value)), "image/png");
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Svg(string code, ElectionDbContext db, BadgeSigning signing, CancellationToken ct)
    {
        var version = await db.Delegates.Where(d => d.Code == code).Select(d => (int?)d.BadgeVersion).FirstOrDefaultAsync(ct);
        return version is null
            ? Problems.NotFound($"Không có đại biểu mã \"{code}\".")
            : TypedResults.Content(BadgeQr.Svg(signing.Tokens.Issue(code, version.Value)), "image/svg+xml");
    }

    private static async Task<Results<Ok<BadgeDto>, Accepted<PendingDuty>, ProblemHttpResult>> Reissue(
        string code, ElectionDbContext db, BadgeSigning signing, AuditLog audit, IDutyGate gate, ClaimsPrincipal user, CancellationToken ct)
    {
        var id = await db.Delegates.Where(x => x.Code == code).Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct);
        if (id is null)
        {
            return Problems.NotFound($"Không có đại biểu mã \"{code}\".");
        }
        // During the congress a new badge needs a committee member's approval (ADR 0010).
        if (await gate.HoldAsync(user, DutyKinds.BadgeReissue, id.Value, ct) is { } pending)
        {
            return TypedResults.Accepted((string?)null, pending);
        }
        var done = await ReissueAsync(code, db, signing, audit, user, ct);
        return done.Problem is { } p ? p : TypedResults.Ok(done.Value!);
    }

    /// <summary>BadgeVersion + 1 (every older badge of the delegate is revoked), audited as <paramref name="user"/>.</summary>
    public static async Task<ProblemOr<BadgeDto>> ReissueAsync(
        string code, ElectionDbContext db, BadgeSigning signing, AuditLog audit, ClaimsPrincipal user, CancellationToken ct, object? approval = null)
    {
        var d = await db.Delegates.Include(x => x.Delegation).FirstOrDefaultAsync(x => x.Code == code, ct);
        if (d is null)
        {
            return Problems.NotFound($"Không có đại biểu mã \"{code}\".");
        }
        d.BadgeVersion++;
        await audit.AppendAsync(user, "badge.reissued", $"delegate:{d.Code}", new { d.BadgeVersion, approval });
        await db.SaveChangesAsync(ct);
        return new BadgeDto(d.Id, d.Code, d.FullName, d.Delegation!.Name, d.Seat,
            DelegateWords.CategoryVi(d.Category), d.BadgeVersion, signing.Tokens.Issue(d.Code, d.BadgeVersion));
    }
}
