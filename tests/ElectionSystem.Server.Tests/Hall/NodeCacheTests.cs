using ElectionSystem.Server.Hosting;

namespace ElectionSystem.Server.Tests.Hall;

/// <summary>
/// The one load-and-cache path of the session checks (staff, committee member, tablet): a drop heard
/// while the database is being read wins over the value read before it (issue 15).
/// </summary>
public class NodeCacheTests
{
    [Fact]
    public async Task A_removal_during_the_load_keeps_the_loaded_value_out_of_the_cache()
    {
        var cache = new NodeCache<Guid, string?>(lifetime: null);
        var key = Guid.NewGuid();
        var reading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var read = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);

        var load = cache.GetOrLoadAsync(key, (_, _) =>
        {
            reading.SetResult();
            return read.Task;
        }, CancellationToken.None);
        await reading.Task;
        // The other node says "revoked" (the bus) while this node's query still runs with the old stamp.
        cache.Remove(key);
        read.SetResult("old-stamp");

        Assert.Equal("old-stamp", await load);
        Assert.False(cache.TryGetValue(key, out _));
        var next = await cache.GetOrLoadAsync(key, (_, _) => Task.FromResult<string?>("new-stamp"), CancellationToken.None);
        Assert.Equal("new-stamp", next);
    }

    [Fact]
    public async Task A_load_with_no_change_meanwhile_is_cached_and_not_loaded_again()
    {
        var cache = new NodeCache<Guid, string?>(lifetime: null);
        var key = Guid.NewGuid();
        var loads = 0;
        Task<string?> Load(Guid _, CancellationToken __)
        {
            loads++;
            return Task.FromResult<string?>("stamp");
        }

        Assert.Equal("stamp", await cache.GetOrLoadAsync(key, Load, CancellationToken.None));
        Assert.Equal("stamp", await cache.GetOrLoadAsync(key, Load, CancellationToken.None));

        Assert.Equal(1, loads);
        cache.Remove(key);
        await cache.GetOrLoadAsync(key, Load, CancellationToken.None);
        Assert.Equal(2, loads);
    }
}
