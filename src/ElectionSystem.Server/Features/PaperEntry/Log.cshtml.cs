using ElectionSystem.Server.Features.Shared;
using ElectionSystem.Server.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElectionSystem.Server.Features.PaperEntry;

/// <summary>
/// Nhật ký nhập phiếu: printable, filed with the minutes — per bundle and station, then every
/// disagreement and ruling with its reason. It shows ballots' contents, so like the minutes it is for
/// the counting committee only until the round is announced (<see cref="TallyAccess"/>).
/// </summary>
[Authorize(Roles = PaperEntryEndpoints.LogRoles)]
public sealed class LogModel(PaperDesk paper, HallClock clock) : PageModel
{
    public PaperStatusDto Status { get; private set; } = null!;

    public string Time(DateTime? utc) => utc is { } t ? clock.ToHall(t).ToString("HH:mm dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) : "—";

    public async Task<IActionResult> OnGetAsync(Guid roundId, CancellationToken ct)
    {
        var o = await paper.StatusForAsync(roundId, User, ct);
        if (o.Problem is { StatusCode: StatusCodes.Status403Forbidden } refused) return PageRefusal.From(refused);
        if (o.Value is not { State: not null } status) return NotFound();
        Status = status;
        return Page();
    }
}
