using System.Security.Claims;
using System.Text.Json.Serialization;
using ElectionSystem.Domain.Congress;
using ElectionSystem.Domain.Names;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.CongressSetup;
using ElectionSystem.Server.Features.Live;
using ElectionSystem.Server.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Delegates;

public sealed record DelegateDto(
    Guid Id, string Code, string FullName, DateOnly? BirthDate, Guid DelegationId, string Delegation, string? Position,
    [property: JsonConverter(typeof(JsonStringEnumConverter<DelegateCategory>))] DelegateCategory Category, string CategoryName, string? Seat, bool IsConveningCommitteeMember, bool AbsentWholeCongress,
    Guid? ReplacesDelegateId, int BadgeVersion, bool CheckedIn);

public sealed record AbsenceRequest(bool AbsentWholeCongress);

/// <summary>Summon an alternate to replace an official delegate absent for the whole congress; null to withdraw.</summary>
public sealed record ReplacementRequest(Guid? ReplacesDelegateId);

public static class DelegateEndpoints
{
    public static RouteGroupBuilder MapDelegates(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/delegates").WithTags("Delegates").DisableAntiforgery();
        // The desks search, and the presidium picks candidates with it; organisers manage the registry.
        group.MapGet("/search", Search).RequireAuthorization(AuthSetup.Require(Roles.CheckInDesk + "," + Roles.Presidium));
        var organisers = group.MapGroup("").RequireAuthorization(AuthSetup.Require(Roles.Organiser));
        organisers.MapGet("/", List);
        organisers.MapPut("/{id:guid}/absence", SetAbsence);
        organisers.MapPut("/{id:guid}/replacement", SetReplacement);
        return group;
    }

    /// <summary>
    /// Diacritic-insensitive search by name parts in any order: "nguyen an" and "an nguyen" find
    /// "Nguyễn Văn An" (each part starts a word of the name); a code matches whatever its case.
    /// </summary>
    private static async Task<Results<Ok<List<DelegateDto>>, ProblemHttpResult>> Search(string? q, ElectionDbContext db, CancellationToken ct)
    {
        var key = VietnameseText.FoldForSearch(q ?? "");
        if (key.Length < 2)
        {
            return Problems.BadRequest("Hãy gõ ít nhất 2 chữ của tên đại biểu (tham số \"q\").");
        }
        var code = (q ?? "").Trim().ToUpperInvariant();
        var byName = db.Delegates.AsQueryable();
        foreach (var part in key.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct())
        {
            var pattern = "% " + part.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            byName = byName.Where(d => EF.Functions.Like(" " + d.SearchKey, pattern, "\\"));
        }
        var found = await Project(db, byName.Union(db.Delegates.Where(d => d.Code.ToUpper() == code))
            .OrderBy(d => d.SearchKey).Take(20), ct);
        return TypedResults.Ok(found);
    }

    private static async Task<Ok<List<DelegateDto>>> List(ElectionDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await Project(db, db.Delegates.OrderBy(d => d.Code), ct));

    private static async Task<List<DelegateDto>> Project(ElectionDbContext db, IQueryable<CongressDelegate> query, CancellationToken ct)
    {
        var session = await db.Sessions.Where(s => s.IsCurrent).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
        var rows = await query.Select(d => new
        {
            D = d,
            Delegation = d.Delegation!.Name,
            CheckedIn = db.CheckIns.Any(c => c.DelegateId == d.Id && c.SessionId == session && c.UndoneAt == null),
        }).AsNoTracking().ToListAsync(ct);
        return rows.Select(r => new DelegateDto(r.D.Id, r.D.Code, r.D.FullName, r.D.BirthDate, r.D.DelegationId, r.Delegation,
            r.D.Position, r.D.Category, DelegateWords.CategoryVi(r.D.Category), r.D.Seat, r.D.IsConveningCommitteeMember,
            r.D.AbsentWholeCongress, r.D.ReplacesDelegateId, r.D.BadgeVersion, r.CheckedIn)).ToList();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SetAbsence(
        Guid id, AbsenceRequest request, ElectionDbContext db, AuditLog audit, LiveUpdates live, ClaimsPrincipal user, CancellationToken ct)
    {
        var d = await db.Delegates.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
        {
            return Problems.NotFound($"Không có đại biểu {id}.");
        }
        if (d.Category == DelegateCategory.Alternate)
        {
            return Problems.Conflict($"{d.FullName} ({d.Code}) là đại biểu dự khuyết: chỉ ghi vắng mặt cả đại hội cho đại biểu chính thức.");
        }
        if (!request.AbsentWholeCongress && await db.Delegates.AnyAsync(x => x.ReplacesDelegateId == id, ct))
        {
            return Problems.Conflict($"Đã có đại biểu dự khuyết được triệu tập thay {d.FullName}: hãy rút việc triệu tập trước.");
        }
        d.AbsentWholeCongress = request.AbsentWholeCongress;
        await audit.AppendAsync(user, "delegate.absence-set", $"delegate:{d.Code}", new { request.AbsentWholeCongress });
        await db.SaveChangesAsync(ct);
        live.AttendanceChanged();
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SetReplacement(
        Guid id, ReplacementRequest request, ElectionDbContext db, AuditLog audit, LiveUpdates live, ClaimsPrincipal user, CancellationToken ct)
    {
        var alternate = await db.Delegates.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (alternate is null)
        {
            return Problems.NotFound($"Không có đại biểu {id}.");
        }
        if (alternate.Category != DelegateCategory.Alternate)
        {
            return Problems.Conflict($"{alternate.FullName} ({alternate.Code}) không phải đại biểu dự khuyết.");
        }
        if (request.ReplacesDelegateId is { } replacedId)
        {
            var replaced = await db.Delegates.FirstOrDefaultAsync(x => x.Id == replacedId, ct);
            if (replaced is null || replaced.Category == DelegateCategory.Alternate)
            {
                return Problems.BadRequest("Người được thay (trường \"replacesDelegateId\") phải là đại biểu chính thức có trong danh sách.");
            }
            if (!replaced.AbsentWholeCongress)
            {
                return Problems.Conflict($"{replaced.FullName} ({replaced.Code}) chưa được ghi vắng mặt cả đại hội: chưa thể triệu tập dự khuyết thay.");
            }
            if (await db.Delegates.AnyAsync(x => x.ReplacesDelegateId == replacedId && x.Id != id, ct))
            {
                return Problems.Conflict($"Đã có đại biểu dự khuyết khác được triệu tập thay {replaced.FullName}.");
            }
            await audit.AppendAsync(user, "delegate.alternate-summoned", $"delegate:{alternate.Code}", new { replaces = replaced.Code });
        }
        else
        {
            await audit.AppendAsync(user, "delegate.alternate-withdrawn", $"delegate:{alternate.Code}");
        }
        alternate.ReplacesDelegateId = request.ReplacesDelegateId;
        await db.SaveChangesAsync(ct);
        live.AttendanceChanged();
        return TypedResults.NoContent();
    }
}
