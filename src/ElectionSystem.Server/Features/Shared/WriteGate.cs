namespace ElectionSystem.Server.Features.Shared;

/// <summary>
/// One holder at a time, for writes that must not interleave within this process (SQLite has one
/// writer anyway). Hold it for one short transaction, never across a network wait:
/// <c>using (await gate.EnterAsync(ct)) { … }</c>. Each kind of write has its own subclass, so each
/// is its own singleton.
/// </summary>
public abstract class WriteGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        return new Releaser(_gate);
    }

    public void Dispose()
    {
        _gate.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
