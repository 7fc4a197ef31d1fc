using System.Net;
using System.Net.Http.Json;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Tablet;
using ElectionSystem.Server.Tests.OpenVotes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Tests.Auth;

/// <summary>
/// Wrong PINs and passwords start a back-off that grows (ADR 0009) instead of a lock: counted
/// without a lost increment when they race, refusing the right PIN or password too while it runs,
/// never extended by the attempts it refuses, and ended by a success. The clock is stepped by hand.
/// </summary>
public class BackOffTests(OpenVotesHall hall) : IClassFixture<OpenVotesHall>
{
    private const int Free = 3; // AuthOptions.FreeWrongAttempts, the default

    [Fact]
    public async Task Twenty_five_wrong_PINs_at_once_are_each_counted_or_refused_and_the_right_PIN_waits_out_the_back_off()
    {
        var d = await hall.DelegateAsync("Trần Thị Bình");

        var burst = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => hall.SignInAsync(d.Code, "000000")));

        var (failures, until) = await PinStateAsync(d.Id);
        var wrong = burst.Count(r => r.StatusCode == HttpStatusCode.Unauthorized);
        var refused = burst.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.Equal(25, wrong + refused);
        // Every "wrong PIN" answer is in the stored count (no lost increment), and no PIN was looked
        // at after the fourth started the first wait: 4 counted, 21 refused.
        Assert.Equal(wrong, failures);
        Assert.Equal(Free + 1, failures);
        Assert.Equal(hall.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(2), until);

        // The right PIN at the end of the burst is refused, with when to try again.
        var right = await hall.SignInAsync(d.Code, OpenVotesHall.Pin);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Contains("Xin thử lại sau 2 giây", (await right.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);

        // Attempts during the wait are not counted and do not extend it.
        hall.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await hall.SignInAsync(d.Code, "111111")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await hall.SignInAsync(d.Code, OpenVotesHall.Pin)).StatusCode);
        Assert.Equal((Free + 1, until), await PinStateAsync(d.Id));

        // When it ends, the right PIN signs in and the count starts again from zero.
        hall.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await hall.SignInAsync(d.Code, OpenVotesHall.Pin)).StatusCode);
        Assert.Equal((0, (DateTime?)null), await PinStateAsync(d.Id));
    }

    [Fact]
    public async Task The_wait_doubles_with_each_wrong_PIN_up_to_the_cap_and_a_right_PIN_afterwards_signs_in()
    {
        var d = await hall.DelegateAsync("Lê Văn Cường");
        for (var i = 1; i <= Free; i++)
        {
            var free = await hall.SignInAsync(d.Code, "000000");
            Assert.Equal(HttpStatusCode.Unauthorized, free.StatusCode);
            Assert.DoesNotContain("thử lại sau", (await free.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        }
        int[] waits = [2, 4, 8, 16, 32, 64, 128, 256, 300, 300];
        foreach (var seconds in waits)
        {
            var wrong = await hall.SignInAsync(d.Code, "000000");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            var (_, until) = await PinStateAsync(d.Id);
            Assert.Equal(hall.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(seconds), until);
            hall.Clock.Advance(TimeSpan.FromSeconds(seconds));
        }
        Assert.Equal(HttpStatusCode.OK, (await hall.SignInAsync(d.Code, OpenVotesHall.Pin)).StatusCode);

        // The next wrong PIN is a free one again.
        Assert.Equal(HttpStatusCode.Unauthorized, (await hall.SignInAsync(d.Code, "000000")).StatusCode);
        Assert.Equal((1, (DateTime?)null), await PinStateAsync(d.Id));
        var audit = await hall.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "tablet.pin-back-off" && e.Subject == "delegate:" + d.Code));
        Assert.Equal(waits.Length, audit);
    }

    [Fact]
    public async Task Twenty_five_wrong_passwords_at_once_are_each_counted_or_refused_and_the_right_password_waits_out_the_back_off()
    {
        var userName = hall.Unique("backoff-");
        const string password = "right-password-7";
        var id = await PresidiumAccountAsync(userName, password);
        using var client = hall.AnonymousClient();

        var burst = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => client.PostAsJsonAsync("/api/auth/login", new LoginRequest(userName, "wrong"))));

        var (failures, until) = await AccountStateAsync(id);
        var wrong = burst.Count(r => r.StatusCode == HttpStatusCode.Unauthorized);
        Assert.Equal(25, wrong + burst.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.Equal(wrong, failures);
        Assert.Equal(Free + 1, failures);
        Assert.Equal(hall.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(2), until);

        var right = await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(userName, password));
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Contains("Xin thử lại sau 2 giây", (await right.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        hall.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(userName, password))).StatusCode);
        Assert.Equal((Free + 1, until), await AccountStateAsync(id));

        hall.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/login", new LoginRequest(userName, password))).StatusCode);
        Assert.Equal((0, (DateTime?)null), await AccountStateAsync(id));
    }

    /// <summary>
    /// ADR 0010 left the wrong current password at <c>/api/auth/password</c> limited only per address:
    /// a stolen session could guess the account's password there without ever waiting. Now it counts
    /// in the account's sign-in back-off, and a right one inside the wait is refused like a sign-in.
    /// </summary>
    [Fact]
    public async Task Wrong_current_passwords_at_the_change_count_in_the_accounts_back_off_and_the_right_one_waits()
    {
        var userName = hall.Unique("doi-mk-");
        const string password = "right-password-8";
        var id = await PresidiumAccountAsync(userName, password);
        using var client = hall.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await hall.LoginAsync(userName, password));
        Task<HttpResponseMessage> ChangeAsync(string current) =>
            client.PostAsJsonAsync("/api/auth/password", new PasswordChangeRequest(current, "mat-khau-moi-cua-toi"));

        for (var i = 1; i <= Free; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await ChangeAsync("wrong")).StatusCode);
            Assert.Equal((i, (DateTime?)null), await AccountStateAsync(id));
        }
        var started = await ChangeAsync("wrong");
        Assert.Equal(HttpStatusCode.BadRequest, started.StatusCode);
        Assert.Contains("Xin thử lại sau 2 giây", (await started.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        var until = hall.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(2);
        Assert.Equal((Free + 1, (DateTime?)until), await AccountStateAsync(id));

        // Inside the wait the right current password is refused, and so is a sign-in: one count per account.
        hall.Clock.Advance(TimeSpan.FromSeconds(1));
        var right = await ChangeAsync(password);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Contains("Xin thử lại sau 1 giây", (await right.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
        using var anon = hall.AnonymousClient();
        Assert.Equal(HttpStatusCode.TooManyRequests, (await anon.PostAsJsonAsync("/api/auth/login", new LoginRequest(userName, password))).StatusCode);
        Assert.Equal((Free + 1, (DateTime?)until), await AccountStateAsync(id));

        // When it ends, the right current password changes it and the count starts again from zero.
        hall.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await ChangeAsync(password)).StatusCode);
        Assert.Equal((0, (DateTime?)null), await AccountStateAsync(id));
    }

    /// <summary>A presidium account with its own password (not a temporary one).</summary>
    private Task<Guid> PresidiumAccountAsync(string userName, string password) => hall.WithDbAsync(async db =>
    {
        var account = new Account
        {
            Id = Guid.NewGuid(), UserName = userName, DisplayName = userName, Role = Roles.Presidium,
            PasswordHash = PasswordHasher.Hash(password), CreatedAt = DateTime.UtcNow,
        };
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        return account.Id;
    });

    private Task<(int Failures, DateTime? Until)> PinStateAsync(Guid delegateId) => hall.WithDbAsync(async db =>
    {
        var c = await db.DelegateCredentials.AsNoTracking().SingleAsync(x => x.DelegateId == delegateId);
        return (c.FailedPinAttempts, c.BackOffUntil);
    });

    private Task<(int Failures, DateTime? Until)> AccountStateAsync(Guid id) => hall.WithDbAsync(async db =>
    {
        var a = await db.Accounts.AsNoTracking().SingleAsync(x => x.Id == id);
        return (a.FailedSignIns, a.SignInBackOffUntil);
    });
}
