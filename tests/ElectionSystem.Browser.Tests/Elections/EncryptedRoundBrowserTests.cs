using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Elections;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static ElectionSystem.Browser.Tests.BrowserApi;

namespace ElectionSystem.Browser.Tests.Elections;

/// <summary>
/// Issue 14 end to end in Chromium: the presidium starts a 3-of-3 key ceremony on /presidium; the
/// three members run it on /committee, each in their own browser context, and each saves their share
/// file under a passphrase; the first member's printed sheet holds the sealed file as a QR code that
/// jsQR reads back to the downloaded file's exact text; a round opened then is encrypted; two delegates vote on /tablet (one
/// valid ballot, one deliberately invalid after the layout's confirmation), each ballot encrypted in
/// the page, and each gets its tracker; the round is closed; all three members decrypt from their own
/// contexts with their share files (a wrong passphrase first refused; 2 of 3 confirm nothing); the announced result equals
/// the two ballots the test cast, and the first delegate finds the tracker on the round's board.
/// axe finds no violation on the ceremony panel, the decryption panel and the board lookup.
/// </summary>
public class EncryptedRoundBrowserTests(ElectionsBrowserFixture hall, ITestOutputHelper output) : IClassFixture<ElectionsBrowserFixture>
{
    private const string Pin = "720461";
    private const string Password = "browser-pass-1";
    private static readonly string[] Members = ["K001", "K002", "K003"];
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = 60_000 };
    private static readonly LocatorAssertionsToContainTextOptions Contains = new() { Timeout = 60_000 };

    [Fact]
    public async Task Members_make_the_key_print_it_as_a_QR_sheet_a_delegate_votes_encrypted_and_three_members_decrypt_the_result()
    {
        await hall.SeatAsync(Pin, 3, ("Phạm Văn Một", "K001"), ("Đỗ Thị Hai", "K002"), ("Ngô Văn Ba", "K003"),
            ("Nguyễn Văn Bốn", "D001"), ("Trần Thị Năm", "D002"));
        var presidium = await hall.StaffAsync("keys-presidium", Roles.Presidium, Password);
        var files = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "es-keys-" + Guid.NewGuid().ToString("N"))).FullName;

        // The members' own desks are open before the ceremony starts: the panel follows it live.
        var desks = new List<IPage>();
        foreach (var code in Members) desks.Add(await CommitteeAsync(code));
        await Expect(desks[0].Locator("#ceremony")).ToContainTextAsync("Chưa có lễ tạo khóa");

        // The presidium starts it: all 3 members are needed to decrypt.
        var console = await hall.Browser.NewContextAsync(new() { BaseURL = hall.BaseUrl, ViewportSize = new() { Width = 1366, Height = 900 } });
        Assert.True((await console.APIRequest.PostAsync("/api/auth/login", new() { DataObject = new { userName = "keys-presidium", password = Password } })).Ok);
        var chair = await console.NewPageAsync();
        chair.Dialog += (_, d) => d.AcceptAsync();
        await chair.GotoAsync("/presidium");
        await Expect(chair.Locator("#ceremony-status")).ToContainTextAsync("Chưa có lễ tạo khóa");
        await chair.Locator("#ceremony-k").FillAsync("3");
        await chair.Locator("#ceremony-start").ClickAsync();
        await Expect(chair.Locator("#ceremony-state")).ToContainTextAsync("chờ các thành viên gửi khóa công khai");

        // Each member presses "Tạo khóa"; the pages deal and verify by themselves as the others catch up.
        foreach (var desk in desks)
        {
            await desk.Locator("#ceremony-start").ClickAsync(new() { Timeout = 30_000 });
        }
        var shareFiles = new List<string>();
        for (var i = 0; i < desks.Count; i++)
        {
            var desk = desks[i];
            await Expect(desk.Locator("#share-form")).ToBeVisibleAsync(Visible);
            await desk.Locator("#share-pass").FillAsync(Passphrase(i));
            await desk.Locator("#share-pass-again").FillAsync(Passphrase(i));
            var download = await desk.RunAndWaitForDownloadAsync(() => desk.Locator("#share-save").ClickAsync(), new() { Timeout = 60_000 });
            Assert.Equal($"khoa-ban-kiem-phieu-{Members[i]}.json", download.SuggestedFilename);
            var path = Path.Combine(files, download.SuggestedFilename);
            await download.SaveAsAsync(path);
            shareFiles.Add(path);
            await Expect(desk.Locator("#share-saved")).ToBeVisibleAsync();
        }
        foreach (var desk in desks) await Expect(desk.Locator("#ceremony-state")).ToHaveTextAsync("Đã tạo xong khóa chung", new() { Timeout = 30_000 });
        await Expect(desks[2].Locator("#ceremony-members tbody tr")).ToHaveCountAsync(3);
        await Expect(desks[2].Locator("#ceremony-members td.tick", new() { HasText = "—" })).ToHaveCountAsync(0);
        await Expect(chair.Locator("#ceremony-state")).ToContainTextAsync("đã có khóa chung");
        var pk = await desks[0].Locator("#ceremony-pk").InnerTextAsync();

        // A share file keeps the share sealed: its public parts are readable, the scalar is not.
        using (var doc = JsonDocument.Parse(await File.ReadAllTextAsync(shareFiles[0])))
        {
            var root = doc.RootElement;
            Assert.Equal("ElectionSystem/v2/share-file", root.GetProperty("format").GetString());
            Assert.Equal(pk, root.GetProperty("publicKey").GetString());
            Assert.Equal(1, root.GetProperty("index").GetInt32());
            Assert.False(root.TryGetProperty("share", out _));
        }
        await AxeAsync(desks[2], "axe-committee-ceremony.png");
        await QrSheetAsync(desks[0], await File.ReadAllTextAsync(shareFiles[0]), "Phạm Văn Một (K001)", pk);

        // A round opened now is encrypted: 3 names for 2 seats.
        string[] names = ["Vũ Văn Hải", "Đào Thị Hoa", "Lương Văn Kiên"];
        var (_, round) = await OpenRoundAsync(presidium,
            new CreateElectionRequest(ElectionKinds.ExecutiveCommittee, "Bầu Ban Chấp hành Đảng bộ khóa mới, nhiệm kỳ 2025 – 2030", 2),
            names.Select(n => new AddCandidateRequest(n)));

        // D001 strikes Lương Văn Kiên: a valid ballot, encrypted in the page; the receipt is its tracker.
        var first = await TabletAsync("D001");
        await first.Locator(".ballot-name", new() { HasText = "Lương Văn Kiên" }).ClickAsync();
        // The review encrypts and posts the ciphertexts (only them) to the round's check; the server checks the proofs then.
        var precheck = await first.RunAndWaitForRequestAsync(() => first.ClickAsync("#ballot-review"),
            r => r.Method == "POST" && r.Url.EndsWith($"/api/elections/rounds/{round.Id}/ballot/check", StringComparison.Ordinal), new() { Timeout = 30_000 });
        await Expect(first.Locator("#ballot-invalid")).ToHaveCountAsync(0);
        Assert.Equal(["encrypted"], JsonDocument.Parse(precheck.PostData!).RootElement.EnumerateObject().Select(p => p.Name));
        var precheckAnswer = await precheck.ResponseAsync();
        Assert.Equal(200, precheckAnswer!.Status);
        var prechecked = JsonDocument.Parse(await precheckAnswer.TextAsync()).RootElement.GetProperty("tracker").GetString();
        await first.ClickAsync("#ballot-send");
        await Expect(first.Locator(".ballot-dialog")).ToContainTextAsync("Đồng chí xác nhận gửi phiếu?");
        await first.ClickAsync("#ballot-confirm");
        await Expect(first.Locator("#ballot-receipt")).ToContainTextAsync("Mã theo dõi phiếu", Contains);
        var tracker = await first.Locator("#receipt-code").InnerTextAsync();
        Assert.Matches("^[0-9a-f]{64}$", tracker);
        Assert.Equal(prechecked, tracker); // the ballot encrypted at the review is the one sent: no second encryption
        await first.ScreenshotAsync(new() { Path = Shot("tablet-encrypted-receipt.png"), FullPage = true });

        // D002 keeps all three names: the layout says why that is invalid, and the delegate sends it anyway.
        var second = await TabletAsync("D002");
        await second.ClickAsync("#ballot-review");
        await Expect(second.Locator("#ballot-invalid")).ToHaveTextAsync(
            "Phiếu này không hợp lệ vì giữ lại nhiều hơn số lượng cần bầu (2 người): đồng chí vẫn gửi?");
        await second.ClickAsync("#ballot-send");
        await Expect(second.Locator("#ballot-confirm")).ToHaveTextAsync("Vẫn gửi phiếu");
        await second.ClickAsync("#ballot-confirm");
        await Expect(second.Locator("#ballot-receipt")).ToContainTextAsync("Mã theo dõi phiếu", Contains);
        var otherTracker = await second.Locator("#receipt-code").InnerTextAsync();
        Assert.Matches("^[0-9a-f]{64}$", otherTracker);
        Assert.NotEqual(tracker, otherTracker);

        // The close: nothing is counted; the decryption panel waits for all 3.
        await Expect(desks[0].Locator("#collected")).ToHaveTextAsync("2", new() { Timeout = 15_000 });
        await desks[0].ClickAsync("#close");
        await desks[0].ClickAsync("#close-confirm");
        foreach (var desk in desks) await Expect(desk.Locator("#decrypted-count")).ToHaveTextAsync("0/3 thành viên đã giải mã", new() { Timeout = 15_000 });
        await Expect(desks[0].Locator("#tally")).ToHaveCountAsync(0);
        await AxeAsync(desks[2], "axe-committee-decryption.png");

        // Member 1 decrypts; the others see 1/3 live.
        await DecryptAsync(desks[0], shareFiles[0], Passphrase(0));
        await Expect(desks[0].Locator("#decryption-mine")).ToBeVisibleAsync(Visible);
        await Expect(desks[2].Locator("#decrypted-count")).ToHaveTextAsync("1/3 thành viên đã giải mã", new() { Timeout = 15_000 });
        await Expect(desks[2].Locator("#round-state")).ToHaveTextAsync("Đã đóng — chờ xác nhận");

        // Member 2: a wrong passphrase opens nothing; the right one adds the second part, which is not yet enough.
        await DecryptAsync(desks[1], shareFiles[1], "không phải cụm này");
        await Expect(desks[1].Locator("#decryption .problem")).ToContainTextAsync("Cụm mật khẩu không đúng", Contains);
        await DecryptAsync(desks[1], shareFiles[1], Passphrase(1));
        await Expect(desks[1].Locator("#decryption-mine")).ToBeVisibleAsync(Visible);
        await Expect(desks[2].Locator("#decrypted-count")).ToHaveTextAsync("2/3 thành viên đã giải mã", new() { Timeout = 15_000 });
        await Expect(desks[2].Locator("#round-state")).ToHaveTextAsync("Đã đóng — chờ xác nhận");
        await Expect(desks[2].Locator("#tally")).ToHaveCountAsync(0);

        // Member 3, from the third context, completes the decryption.
        await DecryptAsync(desks[2], shareFiles[2], Passphrase(2));
        await Expect(desks[2].Locator("#round-state")).ToHaveTextAsync("Đã xác nhận", new() { Timeout = 60_000 });
        await Expect(desks[2].Locator("#tally")).ToBeVisibleAsync();
        await Expect(desks[0].Locator("#decrypted-count")).ToHaveTextAsync("3/3 thành viên đã giải mã", new() { Timeout = 15_000 });
        await desks[2].ClickAsync("#announce");
        await Expect(desks[2].Locator("#round-state")).ToHaveTextAsync("Đã công bố");
        await desks[2].ScreenshotAsync(new() { Path = Shot("committee-decrypted.png"), FullPage = true });

        // The announced result is the two ballots cast above: one valid (Hải, Hoa kept), one invalid (too many kept).
        var result = await Ok<RoundResultDto>(presidium.GetAsync($"/api/elections/rounds/{round.Id}/results"));
        Assert.Equal(2, result.Collected);
        Assert.Equal(1, result.Valid);
        Assert.Equal(1, result.Invalid);
        Assert.Equal(1, Assert.Single(result.InvalidByReason).Count);
        Assert.Equal(new Dictionary<string, int> { ["Vũ Văn Hải"] = 1, ["Đào Thị Hoa"] = 1, ["Lương Văn Kiên"] = 0 },
            result.Candidates.ToDictionary(c => c.FullName, c => c.Votes));

        // The delegate finds the tracker on the round's board, from the tablet.
        await Expect(first.Locator("#board-lookup")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(first.Locator("#board-tracker")).ToHaveValueAsync(tracker);
        await first.ClickAsync("#board-find");
        await Expect(first.Locator("#board-answer")).ToContainTextAsync("Có trên bảng phiếu mã hóa của lần bầu: phiếu thứ");
        await first.Locator("#board-tracker").FillAsync(new string('0', 64));
        await first.ClickAsync("#board-find");
        await Expect(first.Locator("#board-answer")).ToContainTextAsync("Không có mã này trên bảng phiếu");
        await first.Locator("#board-tracker").FillAsync(tracker);
        await AxeAsync(first, "axe-tablet-board.png");
        var board = await presidium.GetStringAsync($"/api/elections/rounds/{round.Id}/board");
        Assert.Contains(tracker, board, StringComparison.Ordinal);
        Assert.Contains(otherTracker, board, StringComparison.Ordinal);
        output.WriteLine($"tracker {tracker}; board {board.Length} bytes");

        foreach (var desk in desks) await desk.Context.CloseAsync();
        await first.Context.CloseAsync();
        await second.Context.CloseAsync();
        await console.CloseAsync();
        Directory.Delete(files, recursive: true);
    }

    private static string Passphrase(int member) => $"tệp khóa của thành viên {member + 1}";

    /// <summary>
    /// "In tệp khóa" fills the print sheet (window.print stubbed, so the test sees it was called): the
    /// member and the public key in words, and SVG QR code(s) that jsQR (the project's /lib/jsQR.js),
    /// reading the SVG drawn on a canvas, decodes to exactly the downloaded file's text.
    /// </summary>
    private async Task QrSheetAsync(IPage desk, string fileText, string member, string pk)
    {
        await desk.EvaluateAsync("() => { window.__printed = 0; window.print = () => { window.__printed++; }; }");
        await desk.Locator("#share-print").ClickAsync();
        var sheet = desk.Locator("#share-sheet");
        await Expect(sheet.Locator("svg.share-qr")).ToHaveCountAsync(1);
        Assert.Equal(1, await desk.EvaluateAsync<int>("() => window.__printed"));
        await Expect(sheet).ToContainTextAsync(member);
        await Expect(sheet).ToContainTextAsync(pk);
        await desk.AddScriptTagAsync(new() { Url = "/lib/jsQR.js" });
        var decoded = await desk.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('#share-sheet svg.share-qr')].map((svg) => {
              const size = svg.viewBox.baseVal.width, scale = 6;
              const canvas = document.createElement('canvas');
              canvas.width = canvas.height = size * scale;
              const g = canvas.getContext('2d');
              g.fillStyle = '#fff'; g.fillRect(0, 0, canvas.width, canvas.height);
              g.scale(scale, scale); g.fillStyle = '#000';
              g.fill(new Path2D(svg.querySelector('path').getAttribute('d')));
              const found = jsQR(g.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height);
              return found ? found.data : '';
            })
            """);
        Assert.Equal(fileText, string.Concat(decoded));
        await desk.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(sheet).ToBeVisibleAsync();
        await Expect(desk.Locator("#ceremony")).ToBeHiddenAsync();
        await desk.ScreenshotAsync(new() { Path = Shot("committee-share-sheet-print.png"), FullPage = true });
        await desk.EmulateMediaAsync(new() { Media = Media.Screen });
        output.WriteLine($"share file {fileText.Length} chars in {decoded.Length} QR code(s)");
    }

    private static async Task DecryptAsync(IPage desk, string file, string passphrase)
    {
        await Expect(desk.Locator("#decryption-form")).ToBeVisibleAsync(Visible);
        await desk.Locator("#share-file").SetInputFilesAsync(file);
        await desk.Locator("#share-file-pass").FillAsync(passphrase);
        await desk.Locator("#decrypt").ClickAsync();
    }

    private async Task AxeAsync(IPage page, string shot)
    {
        var results = await page.RunAxe();
        await page.ScreenshotAsync(new() { Path = Shot(shot), FullPage = true });
        var found = results.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — " + string.Join(" | ", v.Nodes.Select(n => $"{n.Target} {n.Html}"))).ToList();
        foreach (var f in found) output.WriteLine(f);
        Assert.True(found.Count == 0, $"axe on {page.Url}:\n" + string.Join("\n", found));
    }

    /// <summary>A member at their own desk, signed in with code, PIN and their committee passphrase.</summary>
    private async Task<IPage> CommitteeAsync(string code)
    {
        var context = await hall.Browser.NewContextAsync(new() { BaseURL = hall.BaseUrl, ViewportSize = new() { Width = 1400, Height = 1000 }, AcceptDownloads = true });
        var login = await context.APIRequest.PostAsync("/api/committee/signin", new() { DataObject = new { code, pin = Pin, passphrase = ElectionsBrowserFixture.MemberPassphrase } });
        Assert.True(login.Ok, await login.TextAsync());
        var page = await context.NewPageAsync();
        await page.GotoAsync("/committee");
        await Expect(page.Locator("#ceremony h2")).ToBeVisibleAsync();
        return page;
    }

    private async Task<IPage> TabletAsync(string code)
    {
        var context = await hall.Browser.NewContextAsync(new() { BaseURL = hall.BaseUrl, ViewportSize = new() { Width = 1024, Height = 1366 }, HasTouch = true });
        var tablet = await context.NewPageAsync();
        await tablet.GotoAsync("/tablet");
        await tablet.FillAsync("#code", code);
        await tablet.ClickAsync("#code-next");
        await tablet.Keyboard.TypeAsync(Pin);
        await tablet.Keyboard.PressAsync("Enter");
        await Expect(tablet.Locator("#ballot-count")).ToHaveTextAsync("Số lượng cần bầu: 2 — Giữ lại: 3/2");
        return tablet;
    }

    private string Shot(string file)
    {
        var path = Path.Combine(ElectionsBrowserFixture.ScreenshotFolder, file);
        output.WriteLine("screenshot: " + path);
        return path;
    }
}
