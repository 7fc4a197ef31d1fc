using ElectionSystem.Server.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElectionSystem.Server.Features.Minutes;

/// <summary>
/// The printable minutes of one round (A4), from the same <see cref="MinutesModel"/> as the .docx.
/// Before the announcement, for the counting committee only: anyone else reads why, with the status.
/// </summary>
[Authorize(Roles = MinutesEndpoints.MinutesRoles)]
public sealed class PrintModel(MinutesBuilder builder) : PageModel
{
    public MinutesModel Minutes { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid roundId, CancellationToken ct)
    {
        var built = await builder.BuildAsync(roundId, User, ct);
        if (built.Problem is { } problem)
        {
            return PageRefusal.From(problem);
        }
        Minutes = built.Value!;
        return Page();
    }
}
