using System.Net.Http.Json;
using System.Text.Json;
using ElectionSystem.Server.Features.Elections;

namespace ElectionSystem.Browser.Tests;

/// <summary>The API calls the browser tests set a hall up with, before the pages take over.</summary>
public static class BrowserApi
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>The call's answer, read as <typeparamref name="T"/>; a failure names its status and body.</summary>
    public static async Task<T> Ok<T>(Task<HttpResponseMessage> call)
    {
        var r = await call;
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, $"{(int)r.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Web)!;
    }

    /// <summary>An election with its list, and its first round created and opened, by the presidium.</summary>
    public static async Task<(ElectionDto Election, RoundSummaryDto Round)> OpenRoundAsync(
        HttpClient presidium, CreateElectionRequest request, IEnumerable<AddCandidateRequest> candidates)
    {
        var election = await Ok<ElectionDto>(presidium.PostAsJsonAsync("/api/elections", request));
        foreach (var c in candidates) await Ok<ElectionDto>(presidium.PostAsJsonAsync($"/api/elections/{election.Id}/candidates", c));
        var round = await Ok<RoundSummaryDto>(presidium.PostAsJsonAsync($"/api/elections/{election.Id}/rounds", new CreateRoundRequest()));
        await Ok<RoundSummaryDto>(presidium.PostAsync($"/api/elections/rounds/{round.Id}/open", null));
        return (election, round);
    }
}
