using ElectionSystem.Server.Features.Elections;

namespace ElectionSystem.Server.Tests.Elections.Keys;

/// <summary>The exported boards are kept as written, for the few rounds last asked for only (not every board forever).</summary>
public class RoundBoardCacheTests
{
    private static WrittenBoard Board(byte b) => new([b], [("t", "c")]);

    [Fact]
    public void Only_the_rounds_last_asked_for_are_kept_and_a_lookup_counts_as_asking()
    {
        var cache = new RoundBoardCache();
        var rounds = Enumerable.Range(0, RoundBoardCache.Capacity + 1).Select(_ => Guid.NewGuid()).ToList();
        for (var i = 0; i < RoundBoardCache.Capacity; i++) cache.Keep(rounds[i], Board((byte)i));
        Assert.NotNull(cache.Find(rounds[0]));                       // the oldest, asked for again
        cache.Keep(rounds[^1], Board(9));                             // one more than fits
        Assert.Null(cache.Find(rounds[1]));                           // the least recently asked for is gone
        Assert.Equal([0], cache.Find(rounds[0])!.Json);
        Assert.Equal([9], cache.Find(rounds[^1])!.Json);
        Assert.All(rounds.Skip(2).Take(RoundBoardCache.Capacity - 2), r => Assert.NotNull(cache.Find(r)));
    }

    [Fact]
    public void A_board_kept_twice_for_one_round_stays_the_first_one()
    {
        var cache = new RoundBoardCache();
        var round = Guid.NewGuid();
        var first = cache.Keep(round, Board(1));
        Assert.Same(first, cache.Keep(round, Board(2)));
        Assert.Same(first, cache.Find(round));
    }
}
