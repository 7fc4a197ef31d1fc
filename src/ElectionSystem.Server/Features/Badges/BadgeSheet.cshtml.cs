using ElectionSystem.Domain.Congress;
using ElectionSystem.Server.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Badges;

/// <summary>Printable A4 badge sheets (8 per page, CSS @page): name, delegation, seat, code, QR.</summary>
public sealed class BadgeSheetModel(ElectionDbContext db) : PageModel
{
    public sealed record Row(string Code, string FullName, string Delegation, string? Seat, int BadgeVersion, DelegateCategory Category)
    {
        /// <summary>The badge's title: an alternate's badge must not read like an official delegate's.</summary>
        public string Title => Category == DelegateCategory.Alternate ? "ĐẠI BIỂU DỰ KHUYẾT" : "ĐẠI BIỂU";
    }

    public sealed record DelegationOption(Guid Id, string Name);

    public IReadOnlyList<Row> Badges { get; private set; } = [];
    public IReadOnlyList<DelegationOption> Delegations { get; private set; } = [];
    public Guid? Delegation { get; private set; }
    public string CongressName { get; private set; } = "";

    public async Task OnGetAsync(Guid? delegation, CancellationToken ct)
    {
        Delegation = delegation;
        CongressName = await db.Congresses.OrderBy(c => c.StartDate).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "";
        Delegations = await db.Delegations.OrderBy(d => d.SortOrder).Select(d => new DelegationOption(d.Id, d.Name)).ToListAsync(ct);
        var query = db.Delegates.AsNoTracking();
        if (delegation is { } g)
        {
            query = query.Where(d => d.DelegationId == g);
        }
        Badges = await query.OrderBy(d => d.Delegation!.SortOrder).ThenBy(d => d.Code)
            .Select(d => new Row(d.Code, d.FullName, d.Delegation!.Name, d.Seat, d.BadgeVersion, d.Category)).ToListAsync(ct);
    }
}
