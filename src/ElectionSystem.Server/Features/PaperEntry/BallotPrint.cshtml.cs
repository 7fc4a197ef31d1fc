using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ElectionSystem.Server.Features.PaperEntry;

/// <summary>Phiếu bầu in sẵn of a round: A4, the official layout, no serial number or anything that could identify a ballot.</summary>
[Authorize(Roles = PaperEntryEndpoints.LogRoles)]
public sealed class BallotPrintModel(PaperStations paper) : PageModel
{
    public BallotSheet Sheet { get; private set; } = null!;

    /// <summary>"Bầu Ban Chấp hành …" on the ballot reads "PHIẾU BẦU / Ban Chấp hành …".</summary>
    public string Subtitle => Sheet.ElectionTitle.StartsWith("Bầu ", StringComparison.Ordinal) ? Sheet.ElectionTitle[4..] : Sheet.ElectionTitle;

    public async Task<IActionResult> OnGetAsync(Guid roundId, CancellationToken ct)
    {
        var sheet = await paper.BallotSheetAsync(roundId, ct);
        if (sheet is null) return NotFound();
        Sheet = sheet;
        return Page();
    }
}
