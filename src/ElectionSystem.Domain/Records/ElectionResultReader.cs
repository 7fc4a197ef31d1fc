using System.Text.Json;
using ElectionSystem.Domain.Elections;

namespace ElectionSystem.Domain.Records;

/// <summary>
/// Reads back a result written by <see cref="ElectionResultWriter"/> (<c>election-result/1</c>) for the
/// round it was counted in, so a counted round is read, never counted again. The round supplies
/// what the format leaves out: each candidate's details and whether their votes pass the bar.
/// </summary>
public static class ElectionResultReader
{
    public static ElectionResult Read(string json, ElectionRound round)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var format = root.GetProperty("format").GetString();
        if (format != ElectionResultWriter.Format)
        {
            throw new FormatException($"format: expected \"{ElectionResultWriter.Format}\", found \"{format}\".");
        }
        var byId = round.InBallotOrder.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var invalid = new Dictionary<InvalidReason, int>();
        foreach (var p in root.GetProperty("invalid").EnumerateObject())
        {
            if (p.Name == "total") continue;
            invalid[InvalidReasonWire.Parse(p.Name)] = p.Value.GetInt32();
        }
        var candidates = root.GetProperty("candidates").EnumerateArray().Select(c =>
        {
            var id = c.GetProperty("id").GetString()!;
            var candidate = byId.TryGetValue(id, out var known)
                ? known
                : throw new FormatException($"candidates: \"{id}\" is not on the round's list.");
            var votes = c.GetProperty("votes").GetInt32();
            return new CandidateResult(candidate, votes, c.GetProperty("percent").GetString()!, round.Passes(votes));
        }).ToList();
        var elected = root.GetProperty("elected").EnumerateArray().Select(e => e.GetString()!).ToList();
        var tieElement = root.GetProperty("tie");
        var tie = tieElement.ValueKind == JsonValueKind.Null
            ? null
            : new Tie(tieElement.GetProperty("candidates").EnumerateArray().Select(e => e.GetString()!).ToList(), tieElement.GetProperty("seats").GetInt32());
        return new ElectionResult(
            root.GetProperty("base").GetInt32(), root.GetProperty("issued").GetInt32(), root.GetProperty("collected").GetInt32(),
            root.GetProperty("valid").GetInt32(), invalid, candidates, elected, tie, root.GetProperty("vacant").GetInt32());
    }
}
