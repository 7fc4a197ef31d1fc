using ElectionSystem.Domain.Elections;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>A counted round in the words of the minutes and the projector (percentages as Vietnamese print them).</summary>
public static class ResultView
{
    public static RoundResultDto From(ElectionRoundRow round, Election election, CountedRound counted)
    {
        var (record, result) = (counted.Record, counted.Result);
        var rules = record.Rules;
        var measure = record.ToRound().Measure;
        string Pct(int votes) => Percentage.OfVi(votes, measure, rules.PercentDecimals, rules.PercentRounding);
        var names = result.Candidates.ToDictionary(c => c.Id, c => c.Candidate.FullName);
        var elected = result.Elected.ToHashSet(StringComparer.Ordinal);
        var tied = result.Tie?.Candidates.ToHashSet(StringComparer.Ordinal) ?? [];
        var rows = result.Candidates.Select((c, i) => new CandidateResultDto(c.Id, i + 1, c.Candidate.FullName, c.Votes, Pct(c.Votes),
            c.PassedThreshold, elected.Contains(c.Id), tied.Contains(c.Id))).ToList();
        var electedRows = result.Elected.Select((id, i) =>
        {
            var c = result.Candidates.First(x => x.Id == id);
            return new ElectedDto(i + 1, id, c.Candidate.FullName, c.Votes, Pct(c.Votes));
        }).ToList();
        var invalid = InvalidReasonWire.ResultOrder.Where(x => result.Invalid.TryGetValue(x, out var n) && n > 0)
            .Select(x => new InvalidCount(x.ToWire(), x.ExplainVi(), result.Invalid[x])).ToList();
        var tieNames = result.Tie?.Candidates.Select(id => names[id]).ToList() ?? [];
        var tieText = result.Tie is { } t
            ? $"Bằng phiếu: {string.Join(", ", tieNames)} ({result.Candidates.First(c => c.Id == t.Candidates[0]).Votes} phiếu) — bầu lại trong số những người bằng phiếu cho {t.Seats} chỗ còn lại"
            : null;
        var vacancy = result.Vacant > 0 ? $"Còn thiếu {result.Vacant} người" : null;
        return new RoundResultDto(round.Id, election.Id, election.Title, round.Number, RoundWords.Label(round), round.Kind, round.Seats,
            result.Base, result.Issued, result.Collected, result.Valid, result.InvalidTotal, invalid, rows, electedRows,
            tieNames, result.Tie?.Seats ?? 0, tieText, result.Vacant, vacancy, round.ResultOrder, round.AnnouncedAt);
    }
}
