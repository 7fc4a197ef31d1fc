using ElectionSystem.Server.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElectionSystem.Server.Features.Minutes;

/// <summary>The printable combined result of an election (A4), from the same <see cref="OutcomeModel"/> as the .docx.</summary>
[Authorize(Roles = MinutesEndpoints.MinutesRoles)]
public sealed class OutcomeModelPage(OutcomeBuilder builder) : PageModel
{
    public OutcomeModel Outcome { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid electionId, CancellationToken ct)
    {
        var built = await builder.BuildAsync(electionId, ct);
        if (built.Problem is { } problem)
        {
            return PageRefusal.From(problem);
        }
        Outcome = built.Value!;
        return Page();
    }
}
