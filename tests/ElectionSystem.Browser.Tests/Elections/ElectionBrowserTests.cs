using System.Diagnostics;
using System.Net.Http.Json;
using ElectionSystem.Domain.Congress;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.Tablet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static ElectionSystem.Browser.Tests.BrowserApi;

namespace ElectionSystem.Browser.Tests.Elections;

/// <summary>
/// A secret round in Chromium: a delegate strikes names on /tablet and gets a receipt; the counting
/// committee closes, two members confirm, one announces on /committee; the projector shows the results.
/// One screenshot of each screen is kept under bin/…/artifacts/screenshots.
/// </summary>
public class ElectionBrowserTests(ElectionsBrowserFixture hall, ITestOutputHelper output) : IClassFixture<ElectionsBrowserFixture>
{
    private const string Pin = "864209";

    [Fact]
    public async Task A_delegate_votes_on_the_tablet_the_committee_confirms_twice_and_the_projector_shows_the_results()
    {
        // The hall: three delegates checked in, the counting committee, a projector key.
        var delegates = await hall.SeatAsync(Pin, 2, ("Nguyễn Văn Bảy", "B001"), ("Trần Thị Tám", "B002"), ("Lê Văn Chín", "B003"));
        var displayKey = DisplayKeys.NewKey();
        await hall.WithDbAsync(async db =>
        {
            db.DisplayKeys.Add(new DisplayKey { Id = Guid.NewGuid(), Name = "projector", KeyHash = DisplayKeys.HashKey(displayKey), CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        var presidium = await hall.StaffAsync("chutich", Roles.Presidium);

        string[] names = ["Vũ Văn Hải", "Đào Thị Hoa", "Lương Văn Kiên", "Mạc Thị Liên", "Quách Văn Nam", "Tôn Thị Oanh"];
        var (_, round) = await OpenRoundAsync(presidium,
            new CreateElectionRequest(ElectionKinds.ExecutiveCommittee, "Bầu Ban Chấp hành Đảng bộ khóa mới, nhiệm kỳ 2025 – 2030", 5),
            names.Select(n => new AddCandidateRequest(n)));

        // The projector, open throughout.
        var projectorContext = await hall.Browser.NewContextAsync(new() { BaseURL = hall.BaseUrl, ViewportSize = new() { Width = 1600, Height = 900 } });
        var projector = await projectorContext.NewPageAsync();
        await projector.GotoAsync("/projector?key=" + Uri.EscapeDataString(displayKey));
        await Expect(projector.Locator("#turnout")).ToContainTextAsync("0/3");

        // The delegate on the tablet: sign in with code + PIN, strike one name (6 names for 5 seats).
        var tabletContext = await hall.Browser.NewContextAsync(new() { BaseURL = hall.BaseUrl, ViewportSize = new() { Width = 1024, Height = 1366 }, HasTouch = true });
        var tablet = await tabletContext.NewPageAsync();
        await tablet.GotoAsync("/tablet");
        await tablet.FillAsync("#code", "B001");
        await tablet.ClickAsync("#code-next");
        await tablet.Keyboard.TypeAsync(Pin);
        await tablet.Keyboard.PressAsync("Enter");
        await Expect(tablet.Locator("#ballot-count")).ToHaveTextAsync("Số lượng cần bầu: 5 — Giữ lại: 6/5");
        // A fresh ballot is not shown as an error; the hint says what to do (issue 11).
        await Expect(tablet.Locator("#ballot-count")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("over"));
        await Expect(tablet.Locator("#ballot-hint")).ToHaveTextAsync("Gạch thêm ít nhất 1 tên (gạch ngang tên người không bầu).");
        var struckName = tablet.Locator(".ballot-name", new() { HasText = "Quách Văn Nam" });
        await struckName.ClickAsync();
        await Expect(struckName).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("struck"));
        await Expect(tablet.Locator("#ballot-count")).ToHaveTextAsync("Số lượng cần bầu: 5 — Giữ lại: 5/5");
        await Expect(tablet.Locator("#ballot-hint")).ToHaveTextAsync("Xem lại phiếu rồi bấm gửi.");
        await tablet.ScreenshotAsync(new() { Path = Shot("tablet-ballot.png"), FullPage = true });
        await tablet.ClickAsync("#ballot-review");
        await Expect(tablet.Locator(".review-list .gone")).ToContainTextAsync("Quách Văn Nam");
        await tablet.ClickAsync("#ballot-send");
        await tablet.ClickAsync("#ballot-confirm");
        await Expect(tablet.Locator("#ballot-receipt")).ToContainTextAsync("Phiếu của đồng chí đã được ghi nhận");
        var receipt = await tablet.Locator("#receipt-code").InnerTextAsync();
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}$", receipt);
        await tablet.ScreenshotAsync(new() { Path = Shot("tablet-receipt.png"), FullPage = true });
        await Expect(projector.Locator("#turnout")).ToContainTextAsync("1/3");

        // A second delegate votes from a script, as any tablet could.
        var token = await TabletTokenAsync("B002");
        using (var other = new HttpClient { BaseAddress = new Uri(hall.BaseUrl) })
        {
            other.DefaultRequestHeaders.Authorization = new("Bearer", token);
            await Ok<CastReceipt>(other.PostAsJsonAsync($"/api/elections/rounds/{round.Id}/ballot",
                new CastRequest(Guid.NewGuid().ToString("N"), ["c1"], null)));
        }

        // The committee: member 1 closes and confirms; member 2 confirms and announces.
        var first = await CommitteeAsync("B001");
        await Expect(first.Locator("#collected")).ToHaveTextAsync("2");
        await first.ClickAsync("#close");
        await first.ClickAsync("#close-confirm");
        await Expect(first.Locator("#tally")).ToBeVisibleAsync();
        await first.ClickAsync("#confirm");
        await Expect(first.Locator("main")).ToContainTextAsync("Xác nhận: Nguyễn Văn Bảy (B001)");

        var second = await CommitteeAsync("B002");
        await second.ClickAsync("#confirm");
        await Expect(second.Locator("#round-state")).ToHaveTextAsync("Đã xác nhận");
        await Expect(second.Locator("#announce")).ToBeEnabledAsync();
        var clock = Stopwatch.StartNew();
        await second.ClickAsync("#announce");
        await Expect(projector.Locator("#results")).ToBeVisibleAsync();
        var elapsed = clock.Elapsed;
        output.WriteLine($"announce click → results on the projector page: {elapsed.TotalMilliseconds:F0} ms");
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"The projector showed the results after {elapsed.TotalMilliseconds:F0} ms");
        await Expect(second.Locator("#round-state")).ToHaveTextAsync("Đã công bố");
        await second.ScreenshotAsync(new() { Path = Shot("committee.png"), FullPage = true });

        // Vũ Văn Hải was struck on the script's ballot only; everyone kept is elected with 2 votes of Base 3.
        await Expect(projector.Locator("#results tr.elected")).ToHaveCountAsync(4);
        await Expect(projector.Locator("#results")).ToContainTextAsync("Trúng cử");
        await Expect(projector.Locator("#results")).ToContainTextAsync("66,67%");
        await projector.ScreenshotAsync(new() { Path = Shot("projector-results.png") });

        // The tablet learns its receipt is in the published list.
        await Expect(tablet.Locator("body")).ToContainTextAsync("có trong danh sách 2 phiếu đã kiểm");

        // The printable minutes open for the committee.
        var minutes = await second.Context.NewPageAsync();
        await minutes.GotoAsync($"/minutes/{round.Id}");
        await Expect(minutes.Locator("h1")).ToHaveTextAsync("BIÊN BẢN KIỂM PHIẾU");
        await Expect(minutes.Locator("body")).ToContainTextAsync("T/M BAN KIỂM PHIẾU");
        await minutes.ScreenshotAsync(new() { Path = Shot("minutes.png"), FullPage = true });
        _ = delegates;
    }

    /// <summary>A committee member at their own desk: signed in with their delegate code and PIN, never a password an organiser set.</summary>
    private async Task<IPage> CommitteeAsync(string code)
    {
        var context = await hall.Browser.NewContextAsync(new() { BaseURL = hall.BaseUrl, ViewportSize = new() { Width = 1400, Height = 1000 } });
        // Sign in through the API: the same call sets the page cookie for this browser context.
        var login = await context.APIRequest.PostAsync("/api/committee/signin", new() { DataObject = new { code, pin = Pin, passphrase = ElectionsBrowserFixture.MemberPassphrase } });
        Assert.True(login.Ok, await login.TextAsync());
        var page = await context.NewPageAsync();
        await page.GotoAsync("/committee");
        await Expect(page.Locator("#round-state")).ToBeVisibleAsync();
        return page;
    }

    private async Task<string> TabletTokenAsync(string code)
    {
        using var client = new HttpClient { BaseAddress = new Uri(hall.BaseUrl) };
        var r = await Ok<TabletSignInResponse>(client.PostAsJsonAsync("/api/tablet/signin", new TabletSignInRequest(null, code, Pin)));
        return r.AccessToken;
    }

    private string Shot(string file)
    {
        var path = Path.Combine(ElectionsBrowserFixture.ScreenshotFolder, file);
        output.WriteLine("screenshot: " + path);
        return path;
    }
}
