using System.Collections.Concurrent;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Domain.Records;
using ElectionSystem.Server.Features.Shared;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>Kiểm phiếu itself: the Domain's count of a round's record. A seam so a test can count the counts.</summary>
public interface IBallotCounter
{
    ElectionResult Count(ElectionRecord record);

    /// <summary>An encrypted round: the record's ballots (paper) counted the usual way, plus the decrypted tablet totals.</summary>
    ElectionResult Count(ElectionRecord record, Tally decrypted);
}

public sealed class DomainBallotCounter : IBallotCounter
{
    public ElectionResult Count(ElectionRecord record) => record.Count();

    public ElectionResult Count(ElectionRecord record, Tally decrypted)
    {
        var round = record.ToRound();
        return round.Count(Tally.Count(round, record.Ballots).Plus(decrypted));
    }
}

/// <summary>
/// A counted round: its record (election-record/1) without the ballots — everything after the count
/// needs the list, the rules and Base, never a ballot again — and the result counted from it.
/// </summary>
public sealed record CountedRound(ElectionRecord Record, ElectionResult Result)
{
    /// <summary>The Domain round of the record with the election's own settings (alternates) for what comes next.</summary>
    public ElectionRound Round(ElectionRules rules)
    {
        var r = Record.ToRound();
        return new ElectionRound(r.Kind, r.Seats, r.Base, r.Issued, Record.Candidates, rules, r.Present);
    }
}

/// <summary>What a round row stores of its count.</summary>
public sealed record StoredCount(string RecordJson, string RecordSha256, string ResultJson, CountedRound Counted);

/// <summary>
/// The one place a round is counted: <see cref="Count"/> runs when a round's ballots are final (at the
/// close, and again only if paper ballots join it), and the row stores the record, its SHA-256 and
/// the result. Everything after — confirmation, announcement, results, minutes, export, the next
/// round — <see cref="Read"/>s what was stored: the result is parsed, never recounted. Reads are
/// kept per record hash (a stored count never changes under the same hash), without the ballots, so
/// a congress's worth of rounds stays small in memory.
/// </summary>
public sealed class RoundCounts(IBallotCounter counter)
{
    private readonly ConcurrentDictionary<string, CountedRound> _read = new(StringComparer.Ordinal);

    /// <param name="decrypted">For an encrypted round: the decoded totals of its tablet ballots (the record holds its paper ballots only).</param>
    public StoredCount Count(ElectionRecord record, Tally? decrypted = null)
    {
        var json = ElectionRecordWriter.ToJson(record);
        var result = decrypted is null ? counter.Count(record) : counter.Count(record, decrypted);
        var stored = new StoredCount(json, Sha256Text.Hex(json), ElectionResultWriter.ToJson(result), new CountedRound(record with { Ballots = [] }, result));
        _read[stored.RecordSha256] = stored.Counted;
        return stored;
    }

    public CountedRound Read(ElectionRoundRow round)
    {
        if (round.RecordJson is null || round.RecordSha256 is null || round.ResultJson is null)
        {
            throw new InvalidOperationException($"Round {round.Id} has not been counted.");
        }
        return _read.GetOrAdd(round.RecordSha256, _ =>
        {
            var reading = ElectionRecordReader.Read(round.RecordJson);
            var record = reading.Record ?? throw new InvalidOperationException("The stored record is malformed: " + reading.Malformed!.Message);
            return new CountedRound(record with { Ballots = [] }, ElectionResultReader.Read(round.ResultJson, record.ToRound()));
        });
    }
}
