using ElectionSystem.Browser.Tests.Elections;
using ElectionSystem.Domain.Congress;
using ElectionSystem.Domain.Names;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Auth;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ElectionSystem.Browser.Tests.Presidium;

/// <summary>
/// The presidium sets up an election on /presidium alone: creates it, adds candidates (two found by
/// a search without diacritics, one typed), sees the list in ballot order with the server's surplus
/// verdict, creates and opens the first round; the projector then shows the turnout. Screenshots
/// of both screens go to bin/…/artifacts/screenshots.
/// </summary>
public class PresidiumElectionBrowserTests(ElectionsBrowserFixture hall) : IClassFixture<ElectionsBrowserFixture>
{
    private const string Title = "Bầu Ban Chấp hành Đảng bộ khóa mới, nhiệm kỳ 2025–2030";

    [Fact]
    public async Task The_presidium_creates_an_election_lists_candidates_and_opens_the_first_round_and_the_projector_shows_turnout()
    {
        await hall.WithDbAsync(async db =>
        {
            var session = new CongressSession { Id = Guid.NewGuid(), Ordinal = 1, Title = "Phiên thứ nhất", Date = new DateOnly(2025, 10, 15), IsCurrent = true };
            db.Sessions.Add(session);
            var group = new Delegation { Id = Guid.NewGuid(), Name = "Đoàn Thành phố", SortOrder = 1 };
            db.Delegations.Add(group);
            foreach (var (name, code) in new[] { ("Nguyễn Văn An", "P001"), ("Trần Thị Bình", "P002"), ("Lê Văn Cường", "P003") })
            {
                var d = new CongressDelegate
                {
                    Id = Guid.NewGuid(), Code = code, FullName = VietnameseText.Normalize(name), SearchKey = VietnameseText.FoldForSearch(name),
                    DelegationId = group.Id, Category = DelegateCategory.Official,
                };
                db.Delegates.Add(d);
                db.CheckIns.Add(new CheckIn { Id = Guid.NewGuid(), SessionId = session.Id, DelegateId = d.Id, At = DateTime.UtcNow, By = "test" });
            }
            db.DisplayKeys.Add(new DisplayKey { Id = Guid.NewGuid(), Name = "projector", KeyHash = DisplayKeys.HashKey(DisplayKey), CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        await hall.StaffAsync("doanchutich", Roles.Presidium);

        var context = await hall.Browser.NewContextAsync(new() { BaseURL = hall.BaseUrl, ViewportSize = new() { Width = 1400, Height = 1000 } });
        var login = await context.APIRequest.PostAsync("/api/auth/login", new() { DataObject = new { userName = "doanchutich", password = "browser-pass-1" } });
        Assert.True(login.Ok, await login.TextAsync());
        var page = await context.NewPageAsync();
        await page.GotoAsync("/presidium");
        await Expect(page.Locator("#present")).ToHaveTextAsync("3");
        await Expect(page.Locator("a[href='/committee']").First).ToBeVisibleAsync();

        // Create: an executive committee of 2 (a surplus of exactly one is allowed).
        await page.Locator("#election-kind").SelectOptionAsync("executive-committee");
        await page.Locator("#election-title").FillAsync(Title);
        await page.Locator("#election-seats").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo cuộc bầu cử" }).ClickAsync();
        var card = page.Locator("article.election", new() { HasText = Title });
        await Expect(card).ToContainTextAsync("Ban Chấp hành · Số lượng cần bầu: 2");
        await Expect(card.Locator(".step")).ToContainTextAsync("Bầu lần thứ nhất: 0 người");

        // Two delegates found by typing without diacritics.
        foreach (var (query, name) in new[] { ("tran thi binh", "Trần Thị Bình"), ("nguyen van an", "Nguyễn Văn An") })
        {
            await card.Locator("input.search").FillAsync(query);
            await card.Locator(".found button", new() { HasText = name }).ClickAsync();
            await Expect(card.Locator("table.names")).ToContainTextAsync(name);
        }
        // Two for two seats: the server's verdict says the list lacks a surplus.
        await Expect(card.Locator(".verdict.bad")).ToContainTextAsync("phải có số dư");

        // A third, typed in (not a delegate of this congress).
        await card.Locator("input.typed").FillAsync("Phạm Văn Dũng");
        await card.GetByRole(AriaRole.Button, new() { Name = "Thêm vào danh sách" }).ClickAsync();
        await Expect(card.Locator(".verdict.ok")).ToContainTextAsync("đúng quy định");
        // Ballot order (by given name: An, Bình, Dũng), not the order they were added.
        await Expect(card.Locator("table.names tbody tr td:nth-child(2)")).ToHaveTextAsync(["Nguyễn Văn An", "Trần Thị Bình", "Phạm Văn Dũng"]);

        // The projector is on before the round opens; it follows the hub.
        var projectorContext = await hall.Browser.NewContextAsync(new() { BaseURL = hall.BaseUrl, ViewportSize = new() { Width = 1600, Height = 900 } });
        var projector = await projectorContext.NewPageAsync();
        await projector.GotoAsync("/projector?key=" + Uri.EscapeDataString(DisplayKey));
        await Expect(projector.Locator("body")).ToContainTextAsync("3");

        await card.GetByRole(AriaRole.Button, new() { Name = "Tạo lần bầu thứ nhất" }).ClickAsync();
        var round = card.Locator("table.rounds tr[data-round]", new() { HasText = "Bầu lần thứ nhất" });
        await Expect(round).ToContainTextAsync("Chuẩn bị");
        await round.GetByRole(AriaRole.Button, new() { Name = "Mở lần bầu" }).ClickAsync();
        await Expect(round).ToContainTextAsync("Đang bỏ phiếu");
        await Expect(round.Locator(".turnout")).ToHaveTextAsync("Đã bỏ phiếu 0/3");
        await Expect(card.Locator("input.search")).ToBeHiddenAsync();

        await Expect(projector.Locator("#turnout")).ToContainTextAsync("Đã bỏ phiếu");
        await Expect(projector.Locator("#turnout")).ToContainTextAsync("0/3");
        await Expect(projector.Locator("body")).ToContainTextAsync(Title);

        await page.ScreenshotAsync(new() { Path = Path.Combine(ElectionsBrowserFixture.ScreenshotFolder, "presidium-election.png"), FullPage = true });
        await projector.ScreenshotAsync(new() { Path = Path.Combine(ElectionsBrowserFixture.ScreenshotFolder, "projector-presidium-round.png") });
        await projectorContext.CloseAsync();
        await context.CloseAsync();
    }

    private static readonly string DisplayKey = DisplayKeys.NewKey();
}
