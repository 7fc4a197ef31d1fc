using ElectionSystem.Server.Tests.Architecture.Samples.Features.Late;

namespace ElectionSystem.Server.Tests.Architecture.Samples.Features.Early;

/// <summary>
/// For the dependency reader's self-test: uses the Late capability only inside method bodies, where
/// reflection over signatures would see nothing. Each method is one way of using a type.
/// </summary>
public static class Caller
{
    public static void Call() => Target.Touch();

    public static object Make() => new Created();

    public static int ReadField() => Target.Field;

    public static bool Check(object value) => value is Target;

    public static Func<object, int> Lambda() => value => ((Captured)value).Value;

    public static async Task<int> AwaitAsync() => await Awaited.GetAsync();

    public static bool Local()
    {
        // `out` needs a local's address, so the local is in the IL in Debug and Release alike.
        return Listed.TryFind(out var found) && found is not null;
    }
}
