using System.Collections.Concurrent;
using System.Diagnostics;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Server.Hosting;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>
/// The open round as every tablet sees it, read once instead of per request (ADR 0007). While a
/// round is open nothing in it can change (candidates, seats, kind, secret), so the snapshot is
/// immutable; <see cref="RoundTransitions"/> drops it on every round state change after that change
/// has committed, and a snapshot read before a change is never stored after it (the generation check).
/// Nothing here decides whether a ballot is accepted: the writer still checks, under the gate and in
/// the ballot's own transaction, that the round is open and the delegate has not voted.
/// With two hall servers (issue 15) a change made on the other one drops this snapshot through
/// <see cref="IHallBus"/> (Redis), and a snapshot is trusted <see cref="IHallBus.CacheLifetime"/> at most,
/// so a lost message costs seconds of a stale ballot view, never a wrong acceptance (the writer decides).
/// </summary>
public sealed class OpenRoundCache
{
    private const string Topic = "round-changed";
    private readonly IHallBus bus;
    private long _storedAt;

    public OpenRoundCache(IHallBus bus)
    {
        this.bus = bus;
        bus.Subscribe(Topic, _ => Forget());
    }

    /// <summary>
    /// The open round (or none) and the last announced round; Ballot has Voted = false. Voted: who has
    /// voted in the open round (delegate → SHA-256 of the submission key), complete from the moment the
    /// snapshot is stored and kept complete by the writer after each commit.
    /// </summary>
    /// <param name="Key">The open round's encryption (context, pk, shape); null when it is a plaintext round.</param>
    public sealed record Snapshot(ElectionRoundRow? Open, ElectionRound? Domain, BallotView? Ballot, Guid? LastAnnounced,
        IReadOnlyDictionary<Guid, string>? Voted = null, RoundKey? Key = null);

    private readonly Lock _lock = new();
    private Snapshot? _current;
    private long _generation;
    private readonly ConcurrentDictionary<Guid, IReadOnlyList<string>> _published = new();
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, string>> _voted = new();

    public Snapshot? Current =>
        bus.CacheLifetime is { } lifetime && Stopwatch.GetElapsedTime(Interlocked.Read(ref _storedAt)) >= lifetime ? null : Volatile.Read(ref _current);

    public long Generation
    {
        get { lock (_lock) return _generation; }
    }

    /// <summary>Stores a snapshot built from what the database held at <paramref name="generation"/>, unless a change came since.</summary>
    public void TryStore(long generation, Snapshot snapshot)
    {
        lock (_lock)
        {
            if (generation != _generation) return;
            Interlocked.Exchange(ref _storedAt, Stopwatch.GetTimestamp());
            Volatile.Write(ref _current, snapshot);
        }
    }

    /// <summary>After a round's state change has committed: here, and on the other hall server.</summary>
    public void Invalidate()
    {
        Forget();
        bus.Publish(Topic, "");
    }

    private void Forget()
    {
        lock (_lock)
        {
            _generation++;
            Volatile.Write(ref _current, null);
            _voted.Clear();
        }
    }

    /// <summary>
    /// Who has voted in a round, as far as this process has seen: a snapshot fills it from the
    /// database (taking it BEFORE reading, so nothing committed meanwhile is missed) and the writer
    /// adds each participation right after its commit, before the cast is answered. Both only add,
    /// so the order does not matter; a state change clears every map with the snapshot (a snapshot
    /// read across that change is never stored: the generation check).
    /// </summary>
    internal ConcurrentDictionary<Guid, string> VotedIn(Guid roundId) => _voted.GetOrAdd(roundId, _ => new ConcurrentDictionary<Guid, string>());

    /// <summary>After the participation's transaction has committed.</summary>
    internal void Recorded(Guid roundId, Guid delegateId, string keyHash) => VotedIn(roundId).TryAdd(delegateId, keyHash);

    /// <summary>Published receipt codes: once a round is announced its list can never change.</summary>
    public bool TryGetPublished(Guid roundId, out IReadOnlyList<string> receipts) => _published.TryGetValue(roundId, out receipts!);

    public void StorePublished(Guid roundId, IReadOnlyList<string> receipts) => _published.TryAdd(roundId, receipts);
}
