using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ElectionSystem.Server.Features.Auth;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ElectionSystem.Browser.Tests.Elections;

/// <summary>
/// Issue 13: a committee member's own credential, in the browser. The presidium gives a member a new
/// activation code from its console ("Cấp mã kích hoạt mới"; the congress is in session, so two other
/// members approve it first and the presidium collects it with "Nhận") and prints the slip; the member signs in
/// at /login with code and PIN, is told to activate, types the code and a passphrase twice and lands
/// on /committee; after signing out, the PIN alone no longer opens it but the passphrase does.
/// </summary>
public class CommitteeActivationBrowserTests(ElectionsBrowserFixture hall, ITestOutputHelper output) : IClassFixture<ElectionsBrowserFixture>
{
    private const string Pin = "531864";
    private const string Password = "browser-pass-1";
    private const string Passphrase = "hoa sen trong đầm";

    [Fact]
    public async Task The_presidium_prints_a_members_new_code_and_the_member_activates_with_it_at_login()
    {
        // Three members: during the congress a member's new code waits for two others (ADR 0010, "Who makes the presidium").
        await hall.SeatAsync(Pin, 3, ("Phạm Văn Kích", "K001"), ("Đỗ Thị Hoạt", "K002"), ("Ngô Văn Ba", "K003"));
        await hall.StaffAsync("slip-presidium", Roles.Presidium, Password);

        // The presidium: a new code for the first member, shown once, and its printable slip.
        var console = await hall.Browser.NewContextAsync(new() { BaseURL = hall.BaseUrl, ViewportSize = new() { Width = 1366, Height = 900 } });
        Assert.True((await console.APIRequest.PostAsync("/api/auth/login", new() { DataObject = new { userName = "slip-presidium", password = Password } })).Ok);
        var presidium = await console.NewPageAsync();
        presidium.Dialog += (_, dialog) => dialog.AcceptAsync();
        await presidium.GotoAsync("/presidium");
        await presidium.Locator("#committee-members li", new() { HasText = "K001" }).GetByRole(AriaRole.Button, new() { Name = "Cấp mã kích hoạt mới" }).ClickAsync();
        // The congress is in session: the request waits for two other members, who approve on their own devices; then "Nhận".
        var waiting = presidium.Locator("#presidium-requests li", new() { HasText = "K001" });
        await Expect(waiting).ToContainTextAsync("chờ hai thành viên Ban Kiểm phiếu");
        foreach (var member in new[] { "K002", "K003" })
        {
            await ApproveActivationAsync(member);
        }
        await waiting.GetByRole(AriaRole.Button, new() { Name = "Nhận" }).ClickAsync();
        var code = presidium.Locator("#committee-slip-list [data-slip=K001] .activation-code");
        await Expect(code).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$"));
        var activation = await code.TextContentAsync();
        await presidium.GetByRole(AriaRole.Link, new() { Name = "Phiếu kích hoạt thành viên Ban Kiểm phiếu (bản in)" }).ClickAsync();
        await Expect(presidium.Locator("[data-slip=K001] .code")).ToHaveTextAsync(activation!);
        await Expect(presidium.Locator("[data-slip=K001] h2")).ToHaveTextAsync("Phiếu kích hoạt thành viên Ban Kiểm phiếu");
        await presidium.ScreenshotAsync(new() { Path = Path.Combine(ElectionsBrowserFixture.ScreenshotFolder, "activation-slip.png"), FullPage = true });
        output.WriteLine("activation code issued: " + activation);

        // The member, on their own device: code and PIN alone → the first-time form opens.
        var desk = await hall.Browser.NewContextAsync(new() { BaseURL = hall.BaseUrl, ViewportSize = new() { Width = 1024, Height = 900 } });
        var page = await desk.NewPageAsync();
        await page.GotoAsync("/login");
        await page.Locator("#member-code").FillAsync("K001");
        await page.Locator("#member-pin").FillAsync(Pin);
        await page.Locator("#member-submit").ClickAsync();
        await Expect(page.Locator("#member-error")).ToContainTextAsync("chưa kích hoạt");
        await Expect(page.Locator("#member-activation")).ToBeVisibleAsync();
        await page.Locator("#member-activation-code").FillAsync(activation!);
        await page.Locator("#member-new").FillAsync(Passphrase);
        await page.Locator("#member-new-again").FillAsync(Passphrase);
        await page.Locator("#member-submit").ClickAsync();
        await page.WaitForURLAsync("**/committee");

        // Signing out ends the session; the PIN alone is refused, the passphrase signs in again.
        await page.GotoAsync("/login?logout=1");
        // The page drops "?logout=1" from the address once the sign-out has answered.
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/login$"));
        await page.GotoAsync("/committee");
        await page.WaitForURLAsync("**/login**");
        await page.Locator("#member-code").FillAsync("K001");
        await page.Locator("#member-pin").FillAsync(Pin);
        await page.Locator("#member-submit").ClickAsync();
        await Expect(page.Locator("#member-error")).ToContainTextAsync("mật khẩu Ban Kiểm phiếu");
        await page.Locator("#member-passphrase").FillAsync(Passphrase);
        await page.Locator("#member-submit").ClickAsync();
        await page.WaitForURLAsync("**/committee");
        await desk.CloseAsync();
        await console.CloseAsync();
    }

    /// <summary>A committee member signs in with code, PIN and passphrase and approves the pending new activation code.</summary>
    private async Task ApproveActivationAsync(string code)
    {
        using var client = new HttpClient { BaseAddress = new Uri(hall.BaseUrl) };
        var signIn = await client.PostAsJsonAsync("/api/committee/signin", new { code, pin = Pin, passphrase = ElectionsBrowserFixture.MemberPassphrase });
        Assert.True(signIn.IsSuccessStatusCode, await signIn.Content.ReadAsStringAsync());
        var token = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var board = await client.GetFromJsonAsync<JsonElement>("/api/duties");
        var id = board.GetProperty("pending").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == DutyKinds.CommitteeActivation).GetProperty("id").GetString();
        var approved = await client.PostAsync(new Uri($"/api/duties/{id}/approve", UriKind.Relative), null);
        Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
    }
}
