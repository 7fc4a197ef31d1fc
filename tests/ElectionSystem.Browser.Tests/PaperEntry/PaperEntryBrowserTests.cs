using System.Diagnostics;
using System.Net.Http.Json;
using ElectionSystem.Domain.Congress;
using ElectionSystem.Domain.Names;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Auth;
using Microsoft.EntityFrameworkCore;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.PaperEntry;
using ElectionSystem.Browser.Tests.Elections;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static ElectionSystem.Browser.Tests.BrowserApi;

namespace ElectionSystem.Browser.Tests.PaperEntry;

/// <summary>
/// An operator keys in a bundle of 10 paper ballots of a 50-name list at /entry in Chromium with the
/// keyboard alone (no click after sign-in), goes back once to correct, and finishes the bundle.
/// Prints the entry time per ballot and the keystrokes; keeps a screenshot.
/// </summary>
public class PaperEntryBrowserTests(ElectionsBrowserFixture hall, ITestOutputHelper output) : IClassFixture<ElectionsBrowserFixture>
{
    private static readonly string[] Family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"];
    private static readonly string[] Given = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Khánh", "Lan", "Linh", "Mai", "Nam", "Oanh", "Phong", "Quân", "Sơn", "Tâm", "Thảo", "Uyên", "Việt", "Xuân", "Yến", "Ánh", "Đạt"];

    [Fact]
    public async Task An_operator_enters_a_bundle_with_the_keyboard_alone()
    {
        var presidium = await hall.StaffAsync("chutich-giay", Roles.Presidium);
        var committee = await hall.StaffAsync("kiemphieu-giay", Roles.CountingCommittee);
        await hall.StaffAsync("nhapphieu1", Roles.EntryOperator);

        var (_, round) = await OpenRoundAsync(presidium,
            new CreateElectionRequest(ElectionKinds.ExecutiveCommittee, "Bầu Ban Chấp hành Đảng bộ khóa XVII, nhiệm kỳ 2025 – 2030", 45),
            Enumerable.Range(0, 50).Select(i => new AddCandidateRequest($"{Family[i % 10]} Văn {Given[(i * 7) % 25]} {Given[i % 25]}")));
        // Ten delegates present: paper is handed to delegates present, one each (issue 11).
        await hall.WithDbAsync(async db =>
        {
            var session = await db.Sessions.FirstOrDefaultAsync(x => x.IsCurrent);
            if (session is null)
            {
                session = new CongressSession { Id = Guid.NewGuid(), Ordinal = 1, Title = "Phiên thứ nhất", Date = new DateOnly(2025, 10, 15), IsCurrent = true };
                db.Sessions.Add(session);
            }
            var group = new Delegation { Id = Guid.NewGuid(), Name = "Đoàn phiếu giấy", SortOrder = 1 };
            db.Delegations.Add(group);
            for (var i = 1; i <= 10; i++)
            {
                var name = $"Đại biểu Giấy {Given[i]}";
                var d = new CongressDelegate
                {
                    Id = Guid.NewGuid(), Code = $"G{i:000}", FullName = VietnameseText.Normalize(name), SearchKey = VietnameseText.FoldForSearch(name),
                    DelegationId = group.Id, Category = DelegateCategory.Official,
                };
                db.Delegates.Add(d);
                db.CheckIns.Add(new CheckIn { Id = Guid.NewGuid(), SessionId = session.Id, DelegateId = d.Id, At = DateTime.UtcNow, By = "test" });
            }
            return await db.SaveChangesAsync();
        });
        await Ok<PaperStatusDto>(committee.PostAsJsonAsync($"/api/paper/rounds/{round.Id}/open", new OpenPaperRequest(10, true, 1, 10)));
        await Ok<CommitteeRoundDto>(committee.PostAsync($"/api/committee/rounds/{round.Id}/close", null));

        var context = await hall.Browser.NewContextAsync(new() { BaseURL = hall.BaseUrl, ViewportSize = new() { Width = 1280, Height = 1000 } });
        var login = await context.APIRequest.PostAsync("/api/auth/login", new() { DataObject = new { userName = "nhapphieu1", password = "browser-pass-1" } });
        Assert.True(login.Ok, await login.TextAsync());
        var page = await context.NewPageAsync();
        await page.GotoAsync("/entry");

        // Choose station 1 and bundle 1 (suggested) with the keyboard.
        await Expect(page.Locator("#station")).ToBeFocusedAsync();
        await Expect(page.Locator("#bundle")).ToHaveValueAsync("1");
        await page.Keyboard.TypeAsync("1");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("1");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#progress")).ToHaveTextAsync("Tập 1 — phiếu 1/10");
        await Expect(page.Locator("#text")).ToBeFocusedAsync();

        // Ten ballots: five names struck on eight, one with an identifying mark (F3), one struck out of range first.
        string[] typed = ["3 17 22 41 48", "1 2 3 4 5", "46 47 48 49 50", "7 14 21 28 35", "F3", "9 18 27 36 45", "5 10 15 20 25", "2 13 24 35 46", "11 12 13 14 15", "6 16 26 36 50"];
        var keystrokes = 0;
        var clock = Stopwatch.StartNew();
        foreach (var t in typed)
        {
            if (t.StartsWith('F'))
            {
                await page.Keyboard.PressAsync(t);
                keystrokes += 1;
                continue;
            }
            await page.Keyboard.TypeAsync(t);
            await page.Keyboard.PressAsync("Enter");
            keystrokes += t.Length + 1;
        }
        await Expect(page.Locator("#finish-prompt")).ToBeVisibleAsync();
        var elapsed = clock.Elapsed;
        await Expect(page.Locator("#progress")).ToHaveTextAsync("Tập 1 — đã nhập 10/10");
        output.WriteLine($"entry time per ballot (system, keys sent at machine speed): {elapsed.TotalMilliseconds / typed.Length:F0} ms; whole bundle {elapsed.TotalMilliseconds:F0} ms");
        output.WriteLine($"keystrokes: {keystrokes} for {typed.Length} ballots; '3 17 22 41 48⏎' = {"3 17 22 41 48".Length + 1}");
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"A bundle of 10 took {elapsed.TotalMilliseconds:F0} ms to save");
        await page.ScreenshotAsync(new() { Path = Shot("paper-entry.png"), FullPage = true });

        // A number not on the ballot is refused at once; Backspace on the empty field goes back to correct ballot 10.
        await page.Keyboard.PressAsync("Backspace");
        await Expect(page.Locator("#progress")).ToHaveTextAsync("Tập 1 — phiếu 10/10");
        await Expect(page.Locator("#text")).ToHaveValueAsync("6 16 26 36 50");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("6 16 26 36 51");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#message")).ToContainTextAsync("Số 51 không có trên phiếu");
        await Expect(page.Locator("#text")).ToHaveValueAsync("6 16 26 36 51");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("6 16 26 37 50");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#finish-prompt")).ToBeVisibleAsync();
        await Expect(page.Locator("#recent li").First).ToContainTextAsync("6 16 26 37 50");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#done")).ToContainTextAsync("Tập 1 đã kết thúc: 10 phiếu ở trạm 1");

        // What the station saved is what was typed (normalised), ballot by ballot.
        var mine = await context.APIRequest.GetAsync($"/api/entry/rounds/{round.Id}/bundles/1");
        var entries = System.Text.Json.JsonSerializer.Deserialize<MyBundleEntriesDto>(await mine.TextAsync(), Json)!;
        Assert.True(entries.Finished);
        string[] expected = ["3 17 22 41 48", "1 2 3 4 5", "46 47 48 49 50", "7 14 21 28 35", "/d", "9 18 27 36 45", "5 10 15 20 25", "2 13 24 35 46", "11 12 13 14 15", "6 16 26 37 50"];
        Assert.Equal(expected, entries.Entries.Select(e => e.Text));
    }

    private string Shot(string file)
    {
        var path = Path.Combine(ElectionsBrowserFixture.ScreenshotFolder, file);
        output.WriteLine("screenshot: " + path);
        return path;
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);
}
