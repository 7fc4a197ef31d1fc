using System.Net.Http.Json;
using ElectionSystem.Browser.Tests.Elections;
using ElectionSystem.Domain.Congress;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.Tablet;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static ElectionSystem.Browser.Tests.Projector.ProjectorScreen;
using static Microsoft.Playwright.Assertions;
using static ElectionSystem.Browser.Tests.BrowserApi;

namespace ElectionSystem.Browser.Tests.Projector;

/// <summary>
/// An announcement of 12 candidates for 10 seats with a tie at the last seats, on the projector
/// (issue 11): at 1920×1080 and at 1280×720 every row is shown on one of the pages, each row's box
/// inside the viewport, and the tie line is in view on every page; body text at least 40 px at 1080p.
/// Then the tie-break round: the election's combined result follows the round's pages, every elected
/// row shown. Screenshots under bin/…/artifacts/screenshots/projector-results-*.png.
/// </summary>
public sealed class ProjectorResultsBrowserTests(ElectionsBrowserFixture hall, ITestOutputHelper output) : IClassFixture<ElectionsBrowserFixture>
{
    private const string Pin = "864209";

    private static readonly string[] Names =
    [
        "Vũ Văn Hải", "Đào Thị Hoa", "Lương Văn Kiên", "Mạc Thị Liên", "Quách Văn Nam", "Tôn Thị Oanh",
        "Nguyễn Thị Phương Thảo", "Hoàng Văn Quang", "Phạm Thị Sương", "Trịnh Văn Tuấn", "Đinh Thị Uyên", "Lý Văn Vinh",
    ];

    [Fact]
    public async Task Twelve_candidates_with_a_tie_are_all_shown_across_the_pages_at_1080p_and_720p()
    {
        var codes = await SeedHallAsync();
        var displayKey = DisplayKeys.NewKey();
        await hall.WithDbAsync(async db =>
        {
            db.DisplayKeys.Add(new DisplayKey { Id = Guid.NewGuid(), Name = "projector", KeyHash = DisplayKeys.HashKey(displayKey), CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        using var presidium = await hall.StaffAsync("chutich", Roles.Presidium);
        var (election, round) = await OpenRoundAsync(presidium,
            new CreateElectionRequest(ElectionKinds.ExecutiveCommittee,
            "Bầu Ban Chấp hành Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh khóa XX, nhiệm kỳ 2025 – 2030", 10),
            Names.Select(n => new AddCandidateRequest(n)));

        var projectorContext = await hall.Browser.NewContextAsync(new() { BaseURL = hall.BaseUrl, ViewportSize = new() { Width = 1920, Height = 1080 } });
        var projector = await projectorContext.NewPageAsync();
        await projector.GotoAsync("/projector?key=" + Uri.EscapeDataString(displayKey));
        await Expect(projector.Locator("#turnout")).ToContainTextAsync("0/3");

        // Each ballot strikes two of the 12 (keeps 10 for 10 seats). Ballot order STT 9, 10, 12 end with
        // 2 votes each, competing for the last 2 seats: a tie; STT 1–8 have 3 and are elected.
        string[][] struck = [["c11", "c12"], ["c10", "c11"], ["c9", "c11"]];
        for (var i = 0; i < codes.Length; i++)
        {
            using var tablet = new HttpClient { BaseAddress = new Uri(hall.BaseUrl) };
            var signIn = await Ok<TabletSignInResponse>(tablet.PostAsJsonAsync("/api/tablet/signin", new TabletSignInRequest(null, codes[i], Pin)));
            tablet.DefaultRequestHeaders.Authorization = new("Bearer", signIn.AccessToken);
            await Ok<CastReceipt>(tablet.PostAsJsonAsync($"/api/elections/rounds/{round.Id}/ballot", new CastRequest(Guid.NewGuid().ToString("N"), struck[i], null)));
        }
        await Expect(projector.Locator("#turnout")).ToContainTextAsync("3/3");
        await ShotAsync(projector, "projector-results-0-turnout-1080.png");

        var first = await CommitteeAsync(codes[0]);
        await first.ClickAsync("#close");
        await first.ClickAsync("#close-confirm");
        await Expect(first.Locator("#tally")).ToBeVisibleAsync();
        await first.ClickAsync("#confirm");
        await Expect(first.Locator("main")).ToContainTextAsync("Xác nhận:");
        var second = await CommitteeAsync(codes[1]);
        await second.ClickAsync("#confirm");
        await Expect(second.Locator("#announce")).ToBeEnabledAsync();
        await second.ClickAsync("#announce");
        await Expect(projector.Locator("#results")).ToBeVisibleAsync();
        await Expect(projector.Locator("#results tbody tr.tied")).ToHaveCountAsync(3);

        await AssertEveryRowShownAsync(projector, "1080");
        await AssertReadableAsync(projector.Locator("#results td").First, "a result row");
        await AssertReadableAsync(projector.Locator("#results th").First, "the table's heading");
        await AssertReadableAsync(projector.Locator("#election .figures"), "the round's figures");
        await AssertReadableAsync(projector.Locator("#tie-statement"), "the tie line");

        await projector.SetViewportSizeAsync(1280, 720);
        await AssertEveryRowShownAsync(projector, "720");

        // The tie-break for the last 2 seats among STT 9, 10, 12: STT 9 and 10 are elected. After its
        // announcement the projector also pages the election's combined result (Kết quả bầu cử): all 10 elected.
        await projector.SetViewportSizeAsync(1920, 1080);
        var tieBreak = await Ok<RoundSummaryDto>(presidium.PostAsJsonAsync($"/api/elections/{election.Id}/rounds", new CreateRoundRequest()));
        await Ok<RoundSummaryDto>(presidium.PostAsync($"/api/elections/rounds/{tieBreak.Id}/open", null));
        string[][] tieStruck = [["c12"], ["c12"], ["c10"]];
        for (var i = 0; i < codes.Length; i++)
        {
            using var tablet = new HttpClient { BaseAddress = new Uri(hall.BaseUrl) };
            var signIn = await Ok<TabletSignInResponse>(tablet.PostAsJsonAsync("/api/tablet/signin", new TabletSignInRequest(null, codes[i], Pin)));
            tablet.DefaultRequestHeaders.Authorization = new("Bearer", signIn.AccessToken);
            await Ok<CastReceipt>(tablet.PostAsJsonAsync($"/api/elections/rounds/{tieBreak.Id}/ballot", new CastRequest(Guid.NewGuid().ToString("N"), tieStruck[i], null)));
        }
        using var member1 = await MemberClientAsync(codes[0]);
        using var member2 = await MemberClientAsync(codes[1]);
        await Ok<CommitteeRoundDto>(member1.PostAsync($"/api/committee/rounds/{tieBreak.Id}/close", null));
        await Ok<CommitteeRoundDto>(member1.PostAsync($"/api/committee/rounds/{tieBreak.Id}/confirm", null));
        await Ok<CommitteeRoundDto>(member2.PostAsync($"/api/committee/rounds/{tieBreak.Id}/confirm", null));
        await Ok<ResultsAnnounced>(member2.PostAsJsonAsync($"/api/committee/rounds/{tieBreak.Id}/announce", new AnnounceRequest("ballot")));
        await Expect(projector.Locator("#combined-results")).ToBeAttachedAsync();
        await AssertCombinedShownAsync(projector, Names.Take(10).ToList());
    }

    /// <summary>Waits for the combined result's pages as they turn: every elected row inside the viewport; together, all of them.</summary>
    private async Task AssertCombinedShownAsync(IPage projector, List<string> elected)
    {
        var view = projector.Locator("#election");
        var seen = new HashSet<string>();
        var numbers = new List<string>();
        await Expect(view).ToHaveAttributeAsync("data-part", "combined", new() { Timeout = 30_000 });
        await Expect(projector.Locator("#results-heading")).ToHaveTextAsync("Kết quả bầu cử — Những người trúng cử");
        var first = int.Parse(await view.GetAttributeAsync("data-page") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var pages = int.Parse(await view.GetAttributeAsync("data-pages") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        for (var p = first; p <= pages; p++)
        {
            await Expect(view).ToHaveAttributeAsync("data-page", p.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 20_000 });
            Assert.Equal("combined", await view.GetAttributeAsync("data-part"));
            var rows = projector.Locator("#combined-results tbody tr.elected:visible");
            for (var i = 0; i < await rows.CountAsync(); i++)
            {
                await AssertInViewportAsync(projector, rows.Nth(i), $"combined row {i + 1} of page {p}");
                Assert.Equal("Trúng cử", await rows.Nth(i).Locator("td").Nth(4).InnerTextAsync());
                seen.Add(await rows.Nth(i).Locator("td").Nth(1).InnerTextAsync());
                numbers.Add(await rows.Nth(i).Locator("td").Nth(0).InnerTextAsync());
            }
            await AssertNoScrollAsync(projector);
            await ShotAsync(projector, $"projector-results-combined-page{p}.png");
        }
        Assert.Equal(elected.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(1, elected.Count).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), numbers);
    }

    /// <summary>A committee member's own session over HTTP (code, PIN, passphrase).</summary>
    private async Task<HttpClient> MemberClientAsync(string code)
    {
        var client = new HttpClient { BaseAddress = new Uri(hall.BaseUrl) };
        var signIn = await Ok<ElectionSystem.Server.Features.Duties.CommitteeSignInResponse>(client.PostAsJsonAsync("/api/committee/signin",
            new ElectionSystem.Server.Features.Duties.CommitteeSignInRequest(null, code, Pin, ElectionsBrowserFixture.MemberPassphrase)));
        client.DefaultRequestHeaders.Authorization = new("Bearer", signIn.AccessToken);
        return client;
    }

    /// <summary>Follows the pages as they turn: on each, every shown row and the tie line inside the viewport; together, all 12 rows.</summary>
    private async Task AssertEveryRowShownAsync(IPage projector, string size)
    {
        var view = projector.Locator("#election");
        var seen = new HashSet<string>();
        // The view lays its pages out from the room it has; read how many it made at this size.
        await Expect(view).ToHaveAttributeAsync("data-page", "1", new() { Timeout = 20_000 });
        var pages = int.Parse(await view.GetAttributeAsync("data-pages") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        output.WriteLine($"{size}p: {pages} page(s)");
        Assert.InRange(pages, 1, Names.Length);
        for (var p = 1; p <= pages; p++)
        {
            await Expect(view).ToHaveAttributeAsync("data-page", p.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 20_000 });
            var rows = projector.Locator("#results tbody tr:visible");
            var count = await rows.CountAsync();
            Assert.True(count > 0, $"page {p} shows no row");
            for (var i = 0; i < count; i++)
            {
                await AssertInViewportAsync(projector, rows.Nth(i), $"row {i + 1} of page {p} at {size}p");
                await AssertInsideAsync(projector.Locator("#election .rows"), rows.Nth(i), $"row {i + 1} of page {p} at {size}p");
                seen.Add(await rows.Nth(i).Locator("td").Nth(1).InnerTextAsync());
            }
            await AssertInViewportAsync(projector, projector.Locator("#tie-statement"), $"the tie line on page {p} at {size}p");
            if (pages > 1) await Expect(projector.Locator("#results-page")).ToHaveTextAsync($"Trang {p}/{pages}");
            await AssertNoScrollAsync(projector);
            await ShotAsync(projector, $"projector-results-{size}-page{p}.png");
        }
        Assert.Equal(Names.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    private async Task<string[]> SeedHallAsync() =>
        (await hall.SeatAsync(Pin, 2, ("Nguyễn Văn Bảy", "B001"), ("Trần Thị Tám", "B002"), ("Lê Văn Chín", "B003"))).Select(d => d.Code).ToArray();

    /// <summary>A committee member at their own desk, signed in with their delegate code and PIN.</summary>
    private async Task<IPage> CommitteeAsync(string code)
    {
        var context = await hall.Browser.NewContextAsync(new() { BaseURL = hall.BaseUrl, ViewportSize = new() { Width = 1400, Height = 1000 } });
        var login = await context.APIRequest.PostAsync("/api/committee/signin", new() { DataObject = new { code, pin = Pin, passphrase = ElectionsBrowserFixture.MemberPassphrase } });
        Assert.True(login.Ok, await login.TextAsync());
        var page = await context.NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync("/committee");
        await Expect(page.Locator("#round-state")).ToBeVisibleAsync();
        return page;
    }

    private Task ShotAsync(IPage page, string file)
    {
        var path = Path.Combine(ElectionsBrowserFixture.ScreenshotFolder, file);
        output.WriteLine("screenshot: " + path);
        return page.ScreenshotAsync(new() { Path = path });
    }
}
