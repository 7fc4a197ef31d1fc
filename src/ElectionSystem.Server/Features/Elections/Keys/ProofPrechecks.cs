using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using ElectionSystem.Server.Hosting;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>
/// The trackers of encrypted ballots whose proofs this node has checked while the delegate reviewed
/// them (POST …/ballot/check), per open round, so the cast of such a ballot only writes. The tracker is
/// SHA-256 of the ballot's canonical encoding, which holds every ciphertext and every proof's challenge
/// and response (<see cref="Crypto.BallotEncryption.CanonicalEncoding"/>; row proofs have exactly two
/// branches, scalars and elements are canonical): the same tracker is the same ballot, so its check
/// would answer the same. In memory only (nothing written, nothing audited), bounded
/// (<see cref="MaxPerRound"/>; beyond it a ballot is simply checked again at its cast), forgotten at the
/// round's close, here and on the other hall server. No delegate id is kept with a tracker: the
/// per-delegate count of pre-checks (<see cref="PerDelegate"/>) is a separate list, and both lists are
/// kept sorted by value, so their order in memory is not the order in which the checks came.
/// A ballot that came to the check in its canonical wire form (as the tablet sends it) is also remembered
/// by the SHA-256 of those very bytes (<see cref="WireDigest"/>): the cast of the same bytes then needs no
/// parse either — the same bytes parse to the same ballot, whose tracker and content are known.
/// </summary>
public sealed class ProofPrechecks
{
    /// <summary>Pre-checks a delegate may ask for in one round (each costs ~8.5 ms of CPU at 11 names, ~38 ms at 60).</summary>
    public const int PerDelegate = 30;

    /// <summary>Trackers remembered per round (≈ 2.5 MB): a few per delegate of the largest hall.</summary>
    public const int MaxPerRound = 16_384;

    private const string Topic = "prechecks-forget";
    private readonly IHallBus _bus;
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, Round> _rounds = [];
    private readonly HashSet<Guid> _closed = [];

    private sealed class Round
    {
        public readonly List<string> Trackers = [];
        public readonly List<(string Wire, string Tracker)> Wires = [];
        public readonly List<(Guid Delegate, int Count)> Asked = [];
    }

    public ProofPrechecks(IHallBus bus)
    {
        _bus = bus;
        bus.Subscribe(Topic, message =>
        {
            if (Guid.TryParse(message, out var roundId)) ForgetHere(roundId);
        });
    }

    /// <summary>Counts one more pre-check of the delegate in the round; false once they have asked <see cref="PerDelegate"/> times.</summary>
    public bool TryCount(Guid roundId, Guid delegateId)
    {
        lock (_lock)
        {
            if (_closed.Contains(roundId)) return false;
            var asked = RoundOf(roundId).Asked;
            var at = asked.BinarySearch((delegateId, 0), ByDelegate.Instance);
            if (at < 0)
            {
                asked.Insert(~at, (delegateId, 1));
                return true;
            }
            if (asked[at].Count >= PerDelegate) return false;
            asked[at] = (delegateId, asked[at].Count + 1);
            return true;
        }
    }

    /// <summary>
    /// A ballot whose every proof holds for the round: remembered unless the round is closed or full.
    /// <paramref name="wire"/>: the <see cref="WireDigest"/> of the JSON it came in, when that JSON is its canonical wire form.
    /// </summary>
    public bool Remember(Guid roundId, string tracker, string? wire = null)
    {
        lock (_lock)
        {
            if (_closed.Contains(roundId)) return false;
            var round = RoundOf(roundId);
            var at = round.Trackers.BinarySearch(tracker, StringComparer.Ordinal);
            if (at < 0)
            {
                if (round.Trackers.Count >= MaxPerRound) return false;
                round.Trackers.Insert(~at, tracker);
            }
            if (wire is not null)
            {
                var w = round.Wires.BinarySearch((wire, tracker), ByWire.Instance);
                if (w < 0 && round.Wires.Count < MaxPerRound) round.Wires.Insert(~w, (wire, tracker));
            }
            return true;
        }
    }

    /// <summary>The tracker of the pre-checked ballot whose canonical wire JSON has this digest, or null.</summary>
    public string? TrackerOfWire(Guid roundId, string wire)
    {
        lock (_lock)
        {
            if (!_rounds.TryGetValue(roundId, out var round)) return null;
            var at = round.Wires.BinarySearch((wire, ""), ByWire.Instance);
            return at >= 0 ? round.Wires[at].Tracker : null;
        }
    }

    /// <summary>SHA-256 (hex) of the JSON value's bytes exactly as they came in the request.</summary>
    public static string WireDigest(JsonElement json) => Convert.ToHexString(SHA256.HashData(JsonMarshal.GetRawUtf8Value(json)));

    /// <summary>Whether this node has checked every proof of the ballot with this tracker for this round.</summary>
    public bool IsVerified(Guid roundId, string tracker)
    {
        lock (_lock)
        {
            return _rounds.TryGetValue(roundId, out var round) && round.Trackers.BinarySearch(tracker, StringComparer.Ordinal) >= 0;
        }
    }

    /// <summary>Trackers remembered for the round (for tests and diagnostics).</summary>
    public int Count(Guid roundId)
    {
        lock (_lock)
        {
            return _rounds.TryGetValue(roundId, out var round) ? round.Trackers.Count : 0;
        }
    }

    /// <summary>At the round's close (after it has committed): here, and on the other hall server.</summary>
    public void Forget(Guid roundId)
    {
        ForgetHere(roundId);
        _bus.Publish(Topic, roundId.ToString());
    }

    private void ForgetHere(Guid roundId)
    {
        lock (_lock)
        {
            _rounds.Remove(roundId);
            _closed.Add(roundId);
        }
    }

    private Round RoundOf(Guid roundId)
    {
        if (!_rounds.TryGetValue(roundId, out var round))
        {
            // One round is open at a time: any other round's entries are of a round that has closed.
            _rounds.Clear();
            _rounds[roundId] = round = new Round();
        }
        return round;
    }

    private sealed class ByWire : IComparer<(string Wire, string Tracker)>
    {
        public static readonly ByWire Instance = new();

        public int Compare((string Wire, string Tracker) x, (string Wire, string Tracker) y) => string.CompareOrdinal(x.Wire, y.Wire);
    }

    private sealed class ByDelegate : IComparer<(Guid Delegate, int Count)>
    {
        public static readonly ByDelegate Instance = new();

        public int Compare((Guid Delegate, int Count) x, (Guid Delegate, int Count) y) => x.Delegate.CompareTo(y.Delegate);
    }
}
