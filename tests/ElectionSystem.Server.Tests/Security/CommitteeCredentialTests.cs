using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Duties;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Tests.Elections;
using ElectionSystem.Server.Tests.Infrastructure;
using ElectionSystem.Server.Tests.OpenVotes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionSystem.Server.Tests.Security;

/// <summary>The elections hall with a hand-moved clock (activation codes expire, back-offs end).</summary>
public sealed class CommitteeCredentialHall : ElectionsHall
{
    public TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>
/// Issue 13, open problems 1 and 5: the organiser prints every delegate's PIN slip, and a member
/// signed in at /committee with that PIN alone, so one organiser holding two members' slips could be
/// two members; and a member's token outlived their sign-out. Now a member needs their own
/// passphrase, set once with a one-time activation code only the presidium hands out, and a
/// member's sign-out, a new code or removal from the list ends every token and cookie of theirs.
/// </summary>
public class CommitteeCredentialTests(CommitteeCredentialHall hall) : IClassFixture<CommitteeCredentialHall>
{
    private const string Passphrase = "hoa sen nở trong đầm";

    private sealed record Member(string Code, Guid DelegateId, string Activation);

    /// <summary>The presidium records a committee (two at least) of fresh delegates (PIN slips: ElectionsHall.Pin) after a passed vote; returns their slips.</summary>
    private async Task<List<Member>> RecordAsync(int count)
    {
        var seated = await hall.SeatAsync(count, hall.Unique("Thành viên "));
        var passed = await hall.DecisionAsync(hall.Unique("Bầu Ban Kiểm phiếu "), 1000);
        var presidium = await hall.PresidiumAsync();
        var slips = await ElectionsHall.OkAsync<List<ActivationSlipDto>>(presidium.PutAsJsonAsync("/api/elections/committee-members",
            new SetCommitteeRequest(passed, seated.Select((s, i) => new CommitteeMemberChoice(s.Delegate.Id, i == 0)).ToList())));
        Assert.Equal(seated.Select(s => s.Delegate.Code), slips.Select(s => s.Code));
        Assert.All(slips, s => Assert.Matches("^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$", s.ActivationCode));
        return slips.Select(s => new Member(s.Code!, s.DelegateId!.Value, s.ActivationCode)).ToList();
    }

    private async Task<HttpResponseMessage> SignInAsync(CommitteeSignInRequest request, HttpClient? client = null)
    {
        using var anon = hall.AnonymousClient();
        return await (client ?? anon).PostAsJsonAsync("/api/committee/signin", request);
    }

    private static CommitteeSignInRequest Activation(Member m, string? code = null, string passphrase = Passphrase, string? again = null) =>
        new(null, m.Code, ElectionsHall.Pin, ActivationCode: code ?? m.Activation, NewPassphrase: passphrase, NewPassphraseAgain: again ?? passphrase);

    private static CommitteeSignInRequest WithPassphrase(Member m, string? passphrase = Passphrase) => new(null, m.Code, ElectionsHall.Pin, passphrase);

    private static async Task<ProblemDetails> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ProblemDetails>())!;
    }

    private async Task<HttpClient> BearerAsync(HttpResponseMessage signedIn)
    {
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var client = hall.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await signedIn.Content.ReadFromJsonAsync<CommitteeSignInResponse>())!.AccessToken);
        return client;
    }

    [Fact]
    public async Task An_organiser_holding_two_members_PIN_slips_gets_no_member_session()
    {
        var members = await RecordAsync(2);
        foreach (var m in members)
        {
            // As it was: the PIN on the slip the organiser printed opens the delegate's tablet (SeatAsync
            // signed each in with it) and, until now, opened a member session too. Not any more.
            var alone = await ProblemAsync(await SignInAsync(new(null, m.Code, ElectionsHall.Pin)), HttpStatusCode.Unauthorized);
            Assert.Equal(CommitteeSecret.NotActivated, alone.Detail);
            Assert.Equal("True", alone.Extensions["activation"]?.ToString());
            // Nor with a made-up activation code: a wrong one counts like a wrong password.
            var guessed = await ProblemAsync(await SignInAsync(Activation(m, code: "AAAA-BBBB-CCCC")), HttpStatusCode.Unauthorized);
            Assert.Equal(CommitteeSecret.WrongActivation, guessed.Detail);
        }
    }

    [Fact]
    public async Task Activation_sets_the_members_own_passphrase_once_and_then_the_PIN_alone_is_refused()
    {
        var m = (await RecordAsync(2))[0];
        // The new passphrase: ten characters or more, twice the same, without the PIN or the code.
        await ProblemAsync(await SignInAsync(Activation(m, passphrase: "ngắn quá")), HttpStatusCode.BadRequest);
        await ProblemAsync(await SignInAsync(Activation(m, again: Passphrase + "!")), HttpStatusCode.BadRequest);
        await ProblemAsync(await SignInAsync(Activation(m, passphrase: "pin " + ElectionsHall.Pin + " của tôi")), HttpStatusCode.BadRequest);
        await ProblemAsync(await SignInAsync(Activation(m, passphrase: "mã " + m.Code.ToLowerInvariant() + " của tôi")), HttpStatusCode.BadRequest);

        // Typed in groups or not, upper or lower case: the code on the slip works once.
        using var first = await BearerAsync(await SignInAsync(Activation(m, code: m.Activation.Replace("-", " ", StringComparison.Ordinal).ToLowerInvariant())));
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync(new Uri("/api/duties", UriKind.Relative))).StatusCode);
        Assert.Equal(CommitteeSecret.AlreadyActivated, (await ProblemAsync(await SignInAsync(Activation(m, passphrase: "một mật khẩu khác hẳn")), HttpStatusCode.Unauthorized)).Detail);

        Assert.Equal(CommitteeSecret.PassphraseNeeded, (await ProblemAsync(await SignInAsync(new(null, m.Code, ElectionsHall.Pin)), HttpStatusCode.Unauthorized)).Detail);
        using var later = await BearerAsync(await SignInAsync(WithPassphrase(m)));
        Assert.Equal(HttpStatusCode.OK, (await later.GetAsync(new Uri("/api/duties", UriKind.Relative))).StatusCode);
        Assert.True(await hall.DbAsync(db => Task.FromResult(db.AuditEntries.Any(e => e.Action == "committee.activated" && e.Subject == "delegate:" + m.Code))));
    }

    [Fact]
    public async Task An_activation_code_expires_and_a_new_one_from_the_presidium_replaces_it()
    {
        var m = (await RecordAsync(2))[0];
        hall.Clock.Advance(TimeSpan.FromHours(12) + TimeSpan.FromSeconds(1));
        var expired = await ProblemAsync(await SignInAsync(Activation(m)), HttpStatusCode.Unauthorized);
        Assert.Contains("Mã kích hoạt đã hết hạn", expired.Detail, StringComparison.Ordinal);

        var presidium = await hall.PresidiumAsync();
        // Before the congress, so at once (during it two members approve it first: PresidiumPowersTests).
        ActivationSlipDto fresh = null!;
        await hall.BeforeTheCongressAsync(async () => fresh = await ElectionsHall.OkAsync<ActivationSlipDto>(presidium.PostAsync(
            new Uri($"/api/elections/committee-members/{m.DelegateId}/activation", UriKind.Relative), null)));
        Assert.NotEqual(m.Activation, fresh.ActivationCode);
        await ProblemAsync(await SignInAsync(Activation(m)), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(Activation(m, code: fresh.ActivationCode))).StatusCode);
    }

    [Fact]
    public async Task Wrong_passphrases_start_the_members_back_off_which_holds_the_right_one_too()
    {
        var m = (await RecordAsync(2))[0];
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(Activation(m))).StatusCode);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(CommitteeSecret.WrongPassphrase, (await ProblemAsync(await SignInAsync(WithPassphrase(m, "sai mật khẩu rồi")), HttpStatusCode.Unauthorized)).Detail);
        }
        var fourth = await ProblemAsync(await SignInAsync(WithPassphrase(m, "sai mật khẩu rồi")), HttpStatusCode.Unauthorized);
        Assert.Contains("Xin thử lại sau 2 giây", fourth.Detail, StringComparison.Ordinal);

        var right = await ProblemAsync(await SignInAsync(WithPassphrase(m)), HttpStatusCode.TooManyRequests);
        Assert.Contains("Xin thử lại sau 2 giây", right.Detail, StringComparison.Ordinal);
        hall.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(WithPassphrase(m))).StatusCode);
    }

    [Theory]
    [InlineData("sign-out")]
    [InlineData("new-activation")]
    [InlineData("removal")]
    public async Task A_members_token_and_cookie_both_end_at_once(string change)
    {
        var members = await RecordAsync(3);
        var m = members[0];
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(Activation(m))).StatusCode);
        using var cookie = hall.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.OK, (await cookie.PostAsJsonAsync("/api/committee/signin", WithPassphrase(m))).StatusCode);
        using var bearer = await BearerAsync(await SignInAsync(WithPassphrase(m)));
        // As it was until the change: both open the committee's board.
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync(new Uri("/api/duties", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync(new Uri("/api/duties", UriKind.Relative))).StatusCode);

        await ChangeAsync(change, members, cookie);

        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync(new Uri("/api/duties", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.GetAsync(new Uri("/api/duties", UriKind.Relative))).StatusCode);
        var page = await cookie.GetAsync(new Uri("/committee", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        if (change == "sign-out")
        {
            // Signing in again with the passphrase works: the sign-out ended sessions, not the credential.
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(WithPassphrase(m))).StatusCode);
        }
        else if (change == "new-activation")
        {
            // The new code also cleared the passphrase: the old one no longer opens a session.
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(WithPassphrase(m))).StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await SignInAsync(WithPassphrase(m))).StatusCode);
        }
    }

    /// <summary>
    /// ADR 0010 left the member's open hub connection alive until it reconnected: a member signed
    /// out (given a new code, taken off the list) kept the committee's live messages. Now the change
    /// closes it, as a staff account's sign-out closes theirs.
    /// </summary>
    [Theory]
    [InlineData("sign-out")]
    [InlineData("new-activation")]
    [InlineData("removal")]
    public async Task A_members_open_hub_connection_is_closed_by_the_change(string change)
    {
        var members = await RecordAsync(3);
        var m = members[0];
        using var bearer = await BearerAsync(await SignInAsync(Activation(m)));
        var token = bearer.DefaultRequestHeaders.Authorization!.Parameter!;
        await using var connection = hall.HubConnection(token);
        var closed = HallFactory.ClosedAsync(connection);
        await connection.StartAsync();
        // As it was until the change: the member's connection reads live data.
        await connection.InvokeAsync<object>("GetAttendance");

        await ChangeAsync(change, members, bearer);

        await closed.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
        await using var again = hall.HubConnection(token);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => again.StartAsync());
    }

    /// <summary>Ends the first member's sessions one of three ways: their own sign-out (from <paramref name="member"/>), a new code, a new list without them.</summary>
    private async Task ChangeAsync(string change, List<Member> members, HttpClient member)
    {
        var presidium = await hall.PresidiumAsync();
        switch (change)
        {
            case "sign-out":
                using (var logout = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout"))
                {
                    logout.Headers.Add("Origin", "http://localhost");
                    Assert.Equal(HttpStatusCode.NoContent, (await member.SendAsync(logout)).StatusCode);
                }
                break;
            case "new-activation":
                // Before the congress, so at once (during it two members approve it first: PresidiumPowersTests).
                await hall.BeforeTheCongressAsync(async () => Assert.Equal(HttpStatusCode.OK, (await presidium.PostAsync(
                    new Uri($"/api/elections/committee-members/{members[0].DelegateId}/activation", UriKind.Relative), null)).StatusCode));
                break;
            default:
                var passed = await hall.DecisionAsync(hall.Unique("Bầu lại Ban Kiểm phiếu "), 1000);
                (await presidium.PutAsJsonAsync("/api/elections/committee-members",
                    new SetCommitteeRequest(passed, [new CommitteeMemberChoice(members[1].DelegateId, true), new CommitteeMemberChoice(members[2].DelegateId, false)]))).EnsureSuccessStatusCode();
                break;
        }
    }

    [Fact]
    public async Task Only_the_presidium_issues_activation_codes_and_the_committee_board_lists_each()
    {
        var m = (await RecordAsync(2))[0];
        var reissue = new Uri($"/api/elections/committee-members/{m.DelegateId}/activation", UriKind.Relative);
        using var organiser = await hall.ClientAsync(Roles.Organiser);
        Assert.Equal(HttpStatusCode.Forbidden, (await organiser.PostAsync(reissue, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await organiser.PutAsJsonAsync("/api/elections/committee-members",
            new SetCommitteeRequest(Guid.NewGuid(), [new CommitteeMemberChoice(m.DelegateId, true)]))).StatusCode);
        using var account = await hall.ClientAsync(Roles.CountingCommittee);
        Assert.Equal(HttpStatusCode.Forbidden, (await account.PostAsync(reissue, null)).StatusCode);

        var presidium = await hall.PresidiumAsync();
        var outsider = (await hall.SeatAsync(1))[0];
        Assert.Equal(CommitteeActivation.NotAMember, (await ProblemAsync(await presidium.PostAsync(
            new Uri($"/api/elections/committee-members/{outsider.Delegate.Id}/activation", UriKind.Relative), null), HttpStatusCode.NotFound)).Detail);
        // Before the congress, so at once (during it two members approve it first: PresidiumPowersTests).
        ActivationSlipDto fresh = null!;
        await hall.BeforeTheCongressAsync(async () => fresh = await ElectionsHall.OkAsync<ActivationSlipDto>(presidium.PostAsync(reissue, null)));

        using var member = await BearerAsync(await SignInAsync(Activation(m, code: fresh.ActivationCode)));
        var board = await ElectionsHall.OkAsync<DutyBoardDto>(member.GetAsync("/api/duties"));
        var mine = board.Activations.Where(a => a.Member == m.Code).ToList();
        Assert.Equal(["Cấp mã kích hoạt", "Cấp mã kích hoạt", "Thành viên tự đặt mật khẩu"], mine.Select(a => a.ActionVi));
        Assert.All(mine.Take(2), a => Assert.NotEqual("", a.By));
    }
}
