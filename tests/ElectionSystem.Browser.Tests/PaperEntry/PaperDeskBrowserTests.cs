using System.Net.Http.Json;
using ElectionSystem.Browser.Tests.Elections;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.PaperEntry;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static ElectionSystem.Browser.Tests.BrowserApi;

namespace ElectionSystem.Browser.Tests.PaperEntry;

/// <summary>
/// /entry/committee in Chromium after three stations keyed a bundle with one disagreement (ADR 0010,
/// "The paper desk is the members'"): a counting-committee staff account sees the progress, what it may
/// do and the Vietnamese line saying only a member reads, rules and completes — no contents, no ruling
/// form, no completion, no log link; the member DB… signed in with code, PIN and committee passphrase
/// sees the three entries, rules with "Kết luận" and completes. Keeps a screenshot of each.
/// </summary>
public class PaperDeskBrowserTests(ElectionsBrowserFixture hall, ITestOutputHelper output) : IClassFixture<ElectionsBrowserFixture>
{
    private const string Pin = "531864";

    [Fact]
    public async Task A_staff_account_follows_the_progress_and_the_member_rules_and_completes()
    {
        await hall.SeatAsync(Pin, 1, ("Hoàng Thị Lan", "K001"), ("Đại biểu Giấy Một", "P001"), ("Đại biểu Giấy Hai", "P002"), ("Đại biểu Giấy Ba", "P003"));
        var presidium = await hall.StaffAsync("chutich-ban", Roles.Presidium);
        var staff = await hall.StaffAsync("kiemphieu-tk", Roles.CountingCommittee);
        var (_, round) = await OpenRoundAsync(presidium,
            new CreateElectionRequest(ElectionKinds.ExecutiveCommittee, "Bầu Ban Chấp hành có phiếu giấy", 2),
            new[] { "Vũ Văn Hải", "Đào Thị Hoa", "Lương Văn Kiên" }.Select(n => new AddCandidateRequest(n)));
        // The account opens the paper entry and closes the round: both still its own.
        await Ok<PaperStatusDto>(staff.PostAsJsonAsync($"/api/paper/rounds/{round.Id}/open", new OpenPaperRequest(3, false, 1, 3)));
        await Ok<CommitteeRoundDto>(staff.PostAsync($"/api/committee/rounds/{round.Id}/close", null));
        for (var station = 1; station <= PaperRounds.Stations; station++)
        {
            var op = await hall.StaffAsync($"nhap-ban-{station}", Roles.EntryOperator);
            string[] typed = ["1", station == 3 ? "1 2" : "2", "3"];
            await Ok<MyBundleEntriesDto>(op.PostAsJsonAsync($"/api/entry/rounds/{round.Id}/bundles/1/start", new StartBundleRequest(station)));
            for (var i = 0; i < typed.Length; i++)
            {
                await Ok<EnteredDto>(op.PutAsJsonAsync($"/api/entry/rounds/{round.Id}/bundles/1/ballots/{i + 1}", new EnterRequest(typed[i])));
            }
            await Ok<MyBundleEntriesDto>(op.PostAsync($"/api/entry/rounds/{round.Id}/bundles/1/finish", null));
        }

        // The staff account: progress and what needs a member.
        var desk = await PageAsync(ctx => ctx.APIRequest.PostAsync("/api/auth/login", new() { DataObject = new { userName = "kiemphieu-tk", password = "browser-pass-1" } }));
        await desk.GotoAsync($"/entry/committee?round={round.Id}");
        await Expect(desk.Locator("#staff-note")).ToContainTextAsync(
            "Chỉ thành viên Ban Kiểm phiếu (đăng nhập bằng thẻ đại biểu, mã PIN và mật khẩu Ban Kiểm phiếu) mới xem được nội dung phiếu chênh lệch");
        await Expect(desk.Locator("#staff-note")).ToContainTextAsync("Tài khoản này được: mở nhập phiếu giấy");
        await Expect(desk.Locator("#contents-withheld")).ToContainTextAsync("1 phiếu chênh lệch");
        await Expect(desk.Locator("#complete-members-only")).ToBeVisibleAsync();
        await Expect(desk.Locator(".figures")).ToContainTextAsync("Khớp 2");
        await Expect(desk.Locator("#disagreements")).ToHaveCountAsync(0);
        await Expect(desk.Locator("#complete")).ToHaveCountAsync(0);
        await Expect(desk.GetByRole(AriaRole.Link, new() { Name = "Nhật ký nhập phiếu" })).ToHaveCountAsync(0);
        await Expect(desk.Locator("#paper")).Not.ToContainTextAsync("Gạch 2 tên");
        await desk.ScreenshotAsync(new() { Path = Shot("paper-desk-staff.png"), FullPage = true });

        // The member: the three entries side by side, the ruling, the completion.
        var member = await PageAsync(ctx => ctx.APIRequest.PostAsync("/api/committee/signin",
            new() { DataObject = new { code = "K001", pin = Pin, passphrase = ElectionsBrowserFixture.MemberPassphrase } }));
        await member.GotoAsync($"/entry/committee?round={round.Id}");
        await Expect(member.Locator("#disagreements tbody tr")).ToHaveCountAsync(1);
        await Expect(member.Locator("#staff-note")).ToHaveCountAsync(0);
        var row = member.Locator("#disagreements tbody tr");
        await Expect(row).ToContainTextAsync("Gạch 2 tên");
        await row.GetByPlaceholder("nội dung phiếu (vd. 3 17 22, /t, /x)").FillAsync("2");
        await row.GetByPlaceholder("lý do").FillAsync("Đọc lại phiếu gốc");
        await row.GetByRole(AriaRole.Button, new() { Name = "Kết luận" }).ClickAsync();
        await Expect(member.Locator("#complete")).ToBeEnabledAsync();
        await member.ScreenshotAsync(new() { Path = Shot("paper-desk-member.png"), FullPage = true });
        await member.Locator("#complete").ClickAsync();
        await Expect(member.Locator("#paper")).ToContainTextAsync("Đã hoàn tất: 3 phiếu giấy đưa vào kiểm phiếu.");
    }

    private async Task<IPage> PageAsync(Func<IBrowserContext, Task<IAPIResponse>> signIn)
    {
        var context = await hall.Browser.NewContextAsync(new() { BaseURL = hall.BaseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
        var response = await signIn(context);
        Assert.True(response.Ok, await response.TextAsync());
        return await context.NewPageAsync();
    }

    private string Shot(string file)
    {
        var path = Path.Combine(ElectionsBrowserFixture.ScreenshotFolder, file);
        output.WriteLine("screenshot: " + path);
        return path;
    }
}
