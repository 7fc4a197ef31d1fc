using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElectionSystem.Server.Features.Minutes;

/// <summary>The printable minutes of one round (A4), from the same <see cref="MinutesModel"/> as the .docx.</summary>
[Authorize(Roles = MinutesEndpoints.MinutesRoles)]
public sealed class PrintModel(MinutesBuilder builder) : PageModel
{
    public MinutesModel Minutes { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid roundId, CancellationToken ct)
    {
        var model = await builder.BuildAsync(roundId, ct);
        if (model is null)
        {
            return NotFound();
        }
        Minutes = model;
        return Page();
    }
}
