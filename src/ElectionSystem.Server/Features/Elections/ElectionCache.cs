using System.Collections.Concurrent;
using ElectionSystem.Domain.Elections;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>
/// The open round as every tablet sees it, read once instead of per request (issue 7: the ballot
/// fetch's five queries and the cast's round/election/candidate queries were ~45% of the server's
/// CPU in a 1,600-tablet burst). While a round is open nothing in it can change (candidates, seats,
/// kind, secret), so the snapshot is immutable; it is dropped on every round state change — open,
/// close, confirm, announce, all in ElectionService — after that change has committed, and a
/// snapshot read before a change is never stored after it (the generation check).
/// Nothing here decides whether a ballot is accepted: the writer still checks, under the gate and in
/// the ballot's own transaction, that the round is open and the delegate has not voted.
/// </summary>
public sealed class ElectionCache
{
    /// <summary>The open round (or none) and the last announced round; Ballot has Voted = false.</summary>
    public sealed record Snapshot(ElectionRoundRow? Open, ElectionRound? Domain, BallotView? Ballot, Guid? LastAnnounced);

    private readonly Lock _lock = new();
    private Snapshot? _current;
    private long _generation;
    private readonly ConcurrentDictionary<Guid, IReadOnlyList<string>> _published = new();

    public Snapshot? Current => Volatile.Read(ref _current);

    public long Generation
    {
        get { lock (_lock) return _generation; }
    }

    /// <summary>Stores a snapshot built from what the database held at <paramref name="generation"/>, unless a change came since.</summary>
    public void TryStore(long generation, Snapshot snapshot)
    {
        lock (_lock)
        {
            if (generation == _generation) Volatile.Write(ref _current, snapshot);
        }
    }

    /// <summary>After a round's state change has committed.</summary>
    public void Invalidate()
    {
        lock (_lock)
        {
            _generation++;
            Volatile.Write(ref _current, null);
        }
    }

    /// <summary>Published receipt codes: once a round is announced its list can never change.</summary>
    public bool TryGetPublished(Guid roundId, out IReadOnlyList<string> receipts) => _published.TryGetValue(roundId, out receipts!);

    public void StorePublished(Guid roundId, IReadOnlyList<string> receipts) => _published.TryAdd(roundId, receipts);
}
