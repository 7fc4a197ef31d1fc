using System.Globalization;
using ElectionSystem.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ElectionSystem.Server.Features.Auth;

/// <summary>
/// The back-off after wrong passwords and PINs (ADR 0009): the first
/// <see cref="AuthOptions.FreeWrongAttempts"/> wrong attempts cost nothing; the next ones make the
/// account or delegate wait 2, 4, 8, … seconds, up to <see cref="AuthOptions.MaxBackOffSeconds"/>.
/// While a wait runs every attempt, a right one too, is refused and not counted, so the wait never
/// grows beyond this schedule. A success sets the count back to zero. The counting itself is the one
/// compare-and-set UPDATE of <see cref="BackOffCounter{T}"/>, on the columns each sign-in names
/// (staff: <see cref="LoginThrottle"/>; tablets: PinThrottle; committee secrets: MemberSecretThrottle).
/// </summary>
public sealed class SignInBackOff(IOptions<AuthOptions> options, HallClock clock)
{
    /// <summary>How long to wait after <paramref name="failures"/> consecutive wrong attempts.</summary>
    public TimeSpan After(int failures)
    {
        var o = options.Value;
        var over = failures - o.FreeWrongAttempts;
        if (over <= 0)
        {
            return TimeSpan.Zero;
        }
        var seconds = over >= 30 ? o.MaxBackOffSeconds : Math.Min(1L << over, o.MaxBackOffSeconds);
        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>The end of the wait that <paramref name="failures"/> wrong attempts start now, or null.</summary>
    public DateTime? Until(int failures, DateTime now)
    {
        var wait = After(failures);
        return wait > TimeSpan.Zero ? now + wait : null;
    }

    /// <summary>" Xin thử lại sau 8 giây (lúc 07:45:10)." — when the next attempt is looked at.</summary>
    public string TryAgain(DateTime until, DateTime now)
    {
        var left = until - now;
        var seconds = Math.Max(1, (int)Math.Ceiling(left.TotalSeconds));
        var wait = seconds < 60 ? $"{seconds} giây" : seconds % 60 == 0 ? $"{seconds / 60} phút" : $"{seconds / 60} phút {seconds % 60} giây";
        var at = clock.ToHall(until).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        return $"Xin thử lại sau {wait} (lúc {at}).";
    }

    /// <summary>429 while a wait runs, with its end (UTC) as <c>retryAt</c>.</summary>
    public static ProblemHttpResult Waiting(string detail, DateTime until) => TypedResults.Problem(
        detail, statusCode: StatusCodes.Status429TooManyRequests, title: "Xin chờ rồi thử lại",
        extensions: new Dictionary<string, object?> { ["retryAt"] = DateTime.SpecifyKind(until, DateTimeKind.Utc) });

    /// <summary>401 for a wrong attempt, with the wait it started (if any) as <c>retryAt</c>.</summary>
    public static ProblemHttpResult Wrong(string detail, DateTime? until) => TypedResults.Problem(
        detail, statusCode: StatusCodes.Status401Unauthorized, title: "Chưa đăng nhập",
        extensions: until is { } u ? new Dictionary<string, object?> { ["retryAt"] = DateTime.SpecifyKind(u, DateTimeKind.Utc) } : null);
}
