using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Hosting;

namespace ElectionSystem.Server.Tests.Elections.Keys;

/// <summary>The node's memory of pre-checked trackers: per round, bounded, forgotten at the close.</summary>
public class ProofPrechecksTests
{
    private static string Tracker(int i) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i)));

    [Fact]
    public void Trackers_are_remembered_per_round_up_to_the_cap_and_forgotten_at_the_close_for_good()
    {
        var prechecks = new ProofPrechecks(new LocalHallBus(null));
        var round = Guid.NewGuid();
        for (var i = 0; i < ProofPrechecks.MaxPerRound; i++) Assert.True(prechecks.Remember(round, Tracker(i)));
        Assert.True(prechecks.Remember(round, Tracker(7)));                       // already there
        Assert.False(prechecks.Remember(round, Tracker(ProofPrechecks.MaxPerRound))); // full: checked at its cast instead
        Assert.Equal(ProofPrechecks.MaxPerRound, prechecks.Count(round));
        Assert.True(prechecks.IsVerified(round, Tracker(12)));
        Assert.False(prechecks.IsVerified(round, Tracker(ProofPrechecks.MaxPerRound)));
        Assert.False(prechecks.IsVerified(Guid.NewGuid(), Tracker(12)));

        prechecks.Forget(round);
        Assert.Equal(0, prechecks.Count(round));
        Assert.False(prechecks.IsVerified(round, Tracker(12)));
        // A check that finished after the close remembers nothing.
        Assert.False(prechecks.Remember(round, Tracker(12)));
        Assert.False(prechecks.TryCount(round, Guid.NewGuid()));
        Assert.Equal(0, prechecks.Count(round));
    }

    [Fact]
    public void Each_delegate_has_its_own_limit_and_a_new_round_starts_afresh()
    {
        var prechecks = new ProofPrechecks(new LocalHallBus(null));
        var (round, next) = (Guid.NewGuid(), Guid.NewGuid());
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        for (var i = 0; i < ProofPrechecks.PerDelegate; i++) Assert.True(prechecks.TryCount(round, a));
        Assert.False(prechecks.TryCount(round, a));
        Assert.True(prechecks.TryCount(round, b));
        Assert.True(prechecks.Remember(round, Tracker(1)));

        // One round is open at a time: the next one's first pre-check drops what was left of another.
        Assert.True(prechecks.TryCount(next, a));
        Assert.Equal(0, prechecks.Count(round));
    }

    [Fact]
    public void A_wire_digest_names_its_tracker_only_in_its_round_and_until_the_close()
    {
        var prechecks = new ProofPrechecks(new LocalHallBus(null));
        var round = Guid.NewGuid();
        var wire = System.Text.Json.JsonDocument.Parse("{\"rows\":[]}").RootElement;
        var digest = ProofPrechecks.WireDigest(wire);
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData("{\"rows\":[]}"u8)), digest);
        Assert.True(prechecks.Remember(round, Tracker(1)));                  // no canonical bytes: the tracker only
        Assert.Null(prechecks.TrackerOfWire(round, digest));
        Assert.True(prechecks.Remember(round, Tracker(2), digest));
        Assert.Equal(Tracker(2), prechecks.TrackerOfWire(round, digest));
        Assert.Null(prechecks.TrackerOfWire(Guid.NewGuid(), digest));
        Assert.Null(prechecks.TrackerOfWire(round, Tracker(2)));
        Assert.Equal(2, prechecks.Count(round));

        prechecks.Forget(round);
        Assert.Null(prechecks.TrackerOfWire(round, digest));
        Assert.False(prechecks.Remember(round, Tracker(2), digest));
        Assert.Null(prechecks.TrackerOfWire(round, digest));
    }
}
