using ElectionSystem.Server.Features.Elections;

namespace ElectionSystem.Server.Tests.Elections.Keys;

/// <summary>The gate in front of the encrypted casts' proof checks: one slot a core, the rest wait in order.</summary>
public class ProofCheckGateTests
{
    [Fact]
    public async Task One_check_a_core_at_once_and_the_waiting_ones_enter_in_the_order_they_came()
    {
        var gate = new ProofCheckGate();
        var cores = Environment.ProcessorCount;
        for (var i = 0; i < cores; i++)
            Assert.True(gate.WaitAsync(CancellationToken.None).IsCompletedSuccessfully);

        var first = gate.WaitAsync(CancellationToken.None);
        var second = gate.WaitAsync(CancellationToken.None);
        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);

        gate.Release();
        await first.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(second.IsCompleted);
        gate.Release();
        await second.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_cast_that_gives_up_while_waiting_leaves_its_turn()
    {
        var gate = new ProofCheckGate();
        for (var i = 0; i < Environment.ProcessorCount; i++)
            await gate.WaitAsync(CancellationToken.None);
        using var abandoned = new CancellationTokenSource();
        var giving = gate.WaitAsync(abandoned.Token);
        var next = gate.WaitAsync(CancellationToken.None);
        await abandoned.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => giving);
        gate.Release();
        await next.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
