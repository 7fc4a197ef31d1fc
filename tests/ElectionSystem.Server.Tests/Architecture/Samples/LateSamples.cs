namespace ElectionSystem.Server.Tests.Architecture.Samples.Features.Late;

// Types of a later capability, used by Samples.Features.Early.Caller in the reader's self-test.

public sealed class Target
{
    public static int Field;

    public static void Touch() => Field++;
}

public sealed class Created;

public sealed class Captured
{
    public int Value { get; init; }
}

public static class Awaited
{
    public static Task<int> GetAsync() => Task.FromResult(1);
}

public sealed class Listed
{
    public static bool TryFind(out Listed found)
    {
        found = new Listed();
        return true;
    }
}
