using System.Globalization;
using ElectionSystem.Server.Features.Elections;

namespace ElectionSystem.LoadTest;

/// <summary>
/// The two-node layout's last check (issue 15, "screens showing the final turnout on both nodes"): before
/// the round is closed, each app node is asked directly (not through haproxy) for the turnout screens
/// show (<c>GET /api/elections/turnout</c> with a display key); each must say as many collected as were
/// accepted. Prints <c>final_turnout_node_a=… final_turnout_node_b=…</c>; <see cref="Differs"/> fails the run.
/// </summary>
internal sealed class FinalTurnout(TwoNodesLayout layout, string displayKey)
{
    public bool Differs { get; private set; }

    /// <summary>" final_turnout_node_a=N final_turnout_node_b=M" for the result line.</summary>
    public async Task<string> CheckAsync(Guid roundId, int accepted, CancellationToken ct)
    {
        var parts = new List<string>();
        foreach (var (label, node) in new[] { ("a", 1), ("b", 2) })
        {
            string shown;
            try
            {
                using var api = new HallApi(layout.NodeUrl(node), maxConnections: 4);
                var turnout = await api.CallAsync<ElectionTurnout>(HttpMethod.Get, "/api/elections/turnout", displayKey, null, ct);
                var collected = turnout.Rounds.FirstOrDefault(r => r.RoundId == roundId)?.Collected;
                shown = collected?.ToString(CultureInfo.InvariantCulture) ?? "no-round";
                if (collected != accepted) Differs = true;
            }
            catch (Exception e) when (e is HallCallException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                Log.Info($"final turnout: node {label} ({layout.NodeUrl(node)}) did not answer: {e.Message}");
                shown = "unreachable";
                Differs = true;
            }
            parts.Add($"final_turnout_node_{label}={shown}");
        }
        Log.Info($"final turnout (accepted {accepted}): {string.Join(' ', parts)}{(Differs ? " — DIFFERS" : "")}");
        return " " + string.Join(' ', parts);
    }
}
