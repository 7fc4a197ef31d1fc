using Microsoft.AspNetCore.Http.HttpResults;

namespace ElectionSystem.Server.Features.Shared;

/// <summary>
/// The one result of a capability's operation: its value, or the ProblemDetails that refused the
/// request and changed nothing. Endpoints turn it into <c>Results&lt;Ok&lt;T&gt;, ProblemHttpResult&gt;</c>
/// with <see cref="ToHttp"/>.
/// </summary>
public readonly record struct ProblemOr<T>(T? Value, ProblemHttpResult? Problem)
{
    public static implicit operator ProblemOr<T>(T value) => new(value, null);
    public static implicit operator ProblemOr<T>(ProblemHttpResult problem) => new(default, problem);

    public Results<Ok<T>, ProblemHttpResult> ToHttp() => Problem is { } p ? p : TypedResults.Ok(Value!);

    /// <summary>201 with the new resource's address, or the problem.</summary>
    public Results<Created<T>, ProblemHttpResult> ToCreated(Func<T, string> location) =>
        Problem is { } p ? p : TypedResults.Created(location(Value!), Value!);
}
