using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
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

namespace ElectionSystem.Server.Features.Import;

/// <summary>What an import would do (preview) or did (commit).</summary>
public sealed record ImportSummary(
    string FileName,
    int Rows,
    int ToCreate,
    int ToUpdate,
    int Unchanged,
    int NewDelegations,
    IReadOnlyList<ImportProblem> Problems,
    IReadOnlyList<ImportRowPreview> Preview,
    bool Committed);

public sealed record ImportRowPreview(int Row, string Code, string FullName, string Delegation, string Category, string Action);

/// <summary>
/// /api/import/delegates (organisers): upload the delegate list (.xlsx or UTF-8 .csv) as form field
/// "file". <c>/preview</c> shows every row's problems and what would change, changing nothing;
/// <c>/commit</c> (same file again) applies it all or nothing — any problem and nothing is written.
/// Re-imports match delegates by code and update them; delegates missing from the file are kept.
/// </summary>
public static class ImportEndpoints
{
    public static RouteGroupBuilder MapImport(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/import/delegates").WithTags("Import")
            .RequireAuthorization(AuthSetup.Require(Roles.Organiser))
            .DisableAntiforgery();
        group.MapPost("/preview", Preview);
        group.MapPost("/commit", Commit);
        return group;
    }

    private static async Task<Results<Ok<ImportSummary>, ProblemHttpResult>> Preview(IFormFile? file, ElectionDbContext db, CancellationToken ct)
    {
        var (parse, problem, _) = await ReadAsync(file, ct);
        if (problem is not null)
        {
            return problem;
        }
        var plan = await PlanAsync(parse!, db, ct);
        return TypedResults.Ok(plan.Summary(file!.FileName, committed: false));
    }

    private static async Task<Results<Ok<ImportSummary>, ProblemHttpResult>> Commit(
        IFormFile? file, ElectionDbContext db, AuditLog audit, LiveUpdates live, ClaimsPrincipal user, CancellationToken ct)
    {
        var (parse, problem, sha256) = await ReadAsync(file, ct);
        if (problem is not null)
        {
            return problem;
        }
        var plan = await PlanAsync(parse!, db, ct);
        if (plan.Problems.Count > 0)
        {
            var first = plan.Problems[0];
            var more = plan.Problems.Count > 1 ? $" (và {plan.Problems.Count - 1} lỗi khác)" : "";
            return Problems.BadRequest(
                $"Tệp \"{file!.FileName}\" chưa được nhập, danh sách không thay đổi. {Describe(first)}{more}",
                new Dictionary<string, object?> { ["problems"] = plan.Problems });
        }

        plan.Apply(db);
        await audit.AppendAsync(user, "delegates.imported", $"file:{file!.FileName}", new
        {
            sha256,
            rows = plan.Rows.Count,
            created = plan.ToCreate,
            updated = plan.ToUpdate,
            unchanged = plan.Unchanged,
            newDelegations = plan.NewDelegations.Count,
        });
        // One SaveChanges: the whole list and its audit entry, or nothing.
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (!StorageFailure.IsStorage(e))
        {
            return Problems.Conflict(
                $"Tệp \"{file.FileName}\" chưa được nhập, danh sách không thay đổi: dữ liệu mâu thuẫn với danh sách hiện có (mã trùng hoặc một đại biểu được hai người thay thế).");
        }
        live.AttendanceChanged();
        return TypedResults.Ok(plan.Summary(file.FileName, committed: true));
    }

    /// <summary>The parser's messages already say row and column ("Dòng 5, cột “Ngày sinh”: …").</summary>
    public static string Describe(ImportProblem p) => p.Message;

    private static async Task<(DelegateListParse? Parse, ProblemHttpResult? Problem, string? Sha256)> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return (null, Problems.BadRequest("Chưa chọn tệp danh sách đại biểu, hoặc tệp rỗng (trường \"file\")."), null);
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var sha = Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
        buffer.Position = 0;
        var parse = DelegateListParser.Parse(buffer, file.FileName, ct);
        // A file-level problem (empty, wrong encoding, not a spreadsheet, missing column) means no rows to preview.
        var fileLevel = parse.Problems.FirstOrDefault(p => p.Row is null);
        if (fileLevel is not null && parse.Rows.Count == 0)
        {
            return (null, Problems.BadRequest($"Tệp \"{file.FileName}\": {Describe(fileLevel)} Danh sách không thay đổi.",
                new Dictionary<string, object?> { ["problems"] = parse.Problems }), sha);
        }
        return (parse, null, sha);
    }

    private static async Task<ImportPlan> PlanAsync(DelegateListParse parse, ElectionDbContext db, CancellationToken ct)
    {
        var existing = await db.Delegates.ToDictionaryAsync(d => d.Code, StringComparer.OrdinalIgnoreCase, ct);
        var delegations = await db.Delegations.ToDictionaryAsync(d => d.Name, StringComparer.OrdinalIgnoreCase, ct);
        return new ImportPlan(parse, existing, delegations);
    }

    /// <summary>Works out creates and updates, and the cross-checks the parser cannot make alone.</summary>
    private sealed class ImportPlan
    {
        private readonly Dictionary<string, CongressDelegate> _existing;
        private readonly Dictionary<string, Delegation> _delegations;
        private readonly List<(DelegateRow Row, CongressDelegate? Current, string Action)> _actions = [];

        public ImportPlan(DelegateListParse parse, Dictionary<string, CongressDelegate> existing, Dictionary<string, Delegation> delegations)
        {
            _existing = existing;
            _delegations = delegations;
            Rows = parse.Rows;
            Problems = [.. parse.Problems];
            foreach (var row in parse.Rows)
            {
                if (!string.IsNullOrWhiteSpace(row.Delegation) && !delegations.ContainsKey(row.Delegation.Trim())
                    && NewDelegations.All(n => !string.Equals(n, row.Delegation.Trim(), StringComparison.OrdinalIgnoreCase)))
                {
                    NewDelegations.Add(row.Delegation.Trim());
                }
                existing.TryGetValue(row.Code, out var current);
                var action = current is null ? "create" : Differs(current, row) ? "update" : "unchanged";
                _actions.Add((row, current, action));
            }
            Problems.Sort((a, b) => (a.Row ?? 0).CompareTo(b.Row ?? 0));
        }

        public IReadOnlyList<DelegateRow> Rows { get; }
        public List<ImportProblem> Problems { get; }
        public List<string> NewDelegations { get; } = [];
        public int ToCreate => _actions.Count(a => a.Action == "create");
        public int ToUpdate => _actions.Count(a => a.Action == "update");
        public int Unchanged => _actions.Count(a => a.Action == "unchanged");

        private bool Differs(CongressDelegate d, DelegateRow r) =>
            d.FullName != VietnameseText.Normalize(r.FullName) || d.BirthDate != r.BirthDate
            || !string.Equals(_delegations.Values.FirstOrDefault(g => g.Id == d.DelegationId)?.Name, r.Delegation.Trim(), StringComparison.OrdinalIgnoreCase)
            || d.Position != Blank(r.Position) || d.Category != r.Category || d.Seat != Blank(r.Seat)
            || d.IsConveningCommitteeMember != r.ConveningCommitteeMember
            || (!string.IsNullOrWhiteSpace(r.ReplacesCode) && (d.ReplacesDelegateId is null
                || !_existing.TryGetValue(r.ReplacesCode, out var rep) || rep.Id != d.ReplacesDelegateId));

        private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

        public ImportSummary Summary(string fileName, bool committed) => new(
            fileName, Rows.Count, ToCreate, ToUpdate, Unchanged, NewDelegations.Count, Problems,
            _actions.Select(a => new ImportRowPreview(a.Row.RowNumber, a.Row.Code, VietnameseText.Normalize(a.Row.FullName),
                a.Row.Delegation, DelegateWords.CategoryVi(a.Row.Category), a.Action)).ToList(),
            committed);

        public void Apply(ElectionDbContext db)
        {
            var nextOrder = (_delegations.Count == 0 ? 0 : _delegations.Values.Max(d => d.SortOrder)) + 1;
            foreach (var name in NewDelegations)
            {
                var g = new Delegation { Id = Guid.NewGuid(), Name = name, SortOrder = nextOrder++ };
                db.Delegations.Add(g);
                _delegations[name] = g;
            }
            var byCode = new Dictionary<string, CongressDelegate>(_existing, StringComparer.OrdinalIgnoreCase);
            foreach (var (row, current, action) in _actions)
            {
                if (action == "unchanged")
                {
                    continue;
                }
                var d = current ?? new CongressDelegate { Id = Guid.NewGuid(), Code = row.Code.Trim() };
                d.FullName = VietnameseText.Normalize(row.FullName);
                d.SearchKey = VietnameseText.FoldForSearch(d.FullName);
                d.BirthDate = row.BirthDate;
                d.DelegationId = _delegations[row.Delegation.Trim()].Id;
                d.Position = Blank(row.Position);
                d.Category = row.Category;
                d.Seat = Blank(row.Seat);
                d.IsConveningCommitteeMember = row.ConveningCommitteeMember || row.Category == DelegateCategory.ExOfficio;
                if (current is null)
                {
                    db.Delegates.Add(d);
                }
                byCode[d.Code] = d;
            }
            // Second pass, once every code has an id: the file's replacements win. An official
            // replaces nobody; a delegate the file gives to one alternate is taken from any other.
            var claimed = new Dictionary<Guid, CongressDelegate>();
            foreach (var (row, _, _) in _actions)
            {
                var d = byCode[row.Code];
                if (!string.IsNullOrWhiteSpace(row.ReplacesCode))
                {
                    claimed[byCode[row.ReplacesCode].Id] = d;
                }
                else if (row.Category != DelegateCategory.Alternate)
                {
                    d.ReplacesDelegateId = null;
                }
            }
            foreach (var d in byCode.Values)
            {
                if (d.ReplacesDelegateId is { } r && claimed.TryGetValue(r, out var holder) && holder != d)
                {
                    d.ReplacesDelegateId = null;
                }
            }
            foreach (var (replacedId, alternate) in claimed)
            {
                alternate.ReplacesDelegateId = replacedId;
            }
        }
    }
}
