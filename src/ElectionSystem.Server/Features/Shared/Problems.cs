using Microsoft.AspNetCore.Http.HttpResults;

namespace ElectionSystem.Server.Features.Shared;

/// <summary>
/// Every error is a ProblemDetails whose Vietnamese <c>detail</c> says what is wrong and where
/// (ARCHITECTURE.md invariant 6). Titles stay short; the detail is what a person reads.
/// </summary>
public static class Problems
{
    /// <summary>The title of every 400, whether a validator or a service found the problem.</summary>
    public const string InvalidTitle = "Dữ liệu không hợp lệ";

    public static ProblemHttpResult BadRequest(string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: InvalidTitle, extensions: extensions);

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy");

    public static ProblemHttpResult Conflict(string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Không thực hiện được", extensions: extensions);

    public static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Chưa đăng nhập");

    public static ProblemHttpResult Forbidden(string detail, string title = "Không được phép") =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: title);

    /// <summary>503: the server cannot do it now for a reason of its own (storage), not the request's.</summary>
    public static ProblemHttpResult Unavailable(string detail, string title) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: title);

    public static ProblemHttpResult TooManyRequests(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status429TooManyRequests, title: "Quá nhiều lần thử");
}
