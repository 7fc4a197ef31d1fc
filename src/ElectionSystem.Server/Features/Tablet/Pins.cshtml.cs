using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Tablet;

/// <summary>
/// /tablet/pins (organisers): issue PINs and print the slips for sealed envelopes. The slips are
/// the response to the POST and are never stored: printing them again means issuing new PINs.
/// </summary>
[Authorize(Roles = Roles.Organiser)]
public sealed class PinsModel(PinIssuer issuer, ElectionDbContext db, IDutyGate gate) : PageModel
{
    public PinSummary Summary { get; private set; } = new(0, 0, 0);

    /// <summary>The congress is in session: no bulk PINs, one delegate at a time with a member's approval.</summary>
    public bool InSession { get; private set; }
    public PinSlips? Slips { get; private set; }
    public IReadOnlyList<(Guid Id, string Code, string FullName)> Delegates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostGenerateAsync(bool replaceExisting, string? confirm, CancellationToken ct)
    {
        if (replaceExisting && confirm != "CẤP LẠI")
        {
            ModelState.AddModelError("", "Để cấp lại mã PIN cho tất cả đại biểu, hãy gõ CẤP LẠI vào ô xác nhận.");
            await LoadAsync(ct);
            return Page();
        }
        if (await issuer.InSessionAsync(ct))
        {
            ModelState.AddModelError("", PinIssuer.NoBulkInSession);
            await LoadAsync(ct);
            return Page();
        }
        Slips = await issuer.GenerateAsync(User, replaceExisting, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync(Guid delegateId, CancellationToken ct)
    {
        if (!await issuer.ExistsAsync(delegateId, ct))
        {
            return NotFound();
        }
        // During the congress: held for a committee member's approval (ADR 0010).
        if (await gate.HoldAsync(User, DutyKinds.PinReset, delegateId, ct) is { } pending)
        {
            ModelState.AddModelError("", pending.Detail);
            await LoadAsync(ct);
            return Page();
        }
        Slips = await issuer.ResetAsync(User, delegateId, ct);
        if (Slips is null)
        {
            return NotFound();
        }
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Summary = await issuer.SummaryAsync(ct);
        InSession = await issuer.InSessionAsync(ct);
        Delegates = (await db.Delegates.AsNoTracking().OrderBy(d => d.Code).Select(d => new { d.Id, d.Code, d.FullName }).ToListAsync(ct))
            .Select(d => (d.Id, d.Code, d.FullName)).ToList();
    }
}
