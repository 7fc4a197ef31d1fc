using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ElectionSystem.Domain.Congress;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.Tablet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static ElectionSystem.Browser.Tests.BrowserApi;

namespace ElectionSystem.Browser.Tests.Elections;

/// <summary>
/// One tablet handed from delegate to delegate: DB-A's ballot fails to send (the server answers
/// 503), DB-A signs out, DB-B signs in on the same page. DB-B's tablet must not send DB-A's
/// pending ballot, nothing of DB-A's stays in the tablet's storage, and the only ballot recorded
/// for DB-B is the one DB-B marks.
/// </summary>
public class SharedTabletBrowserTests(ElectionsBrowserFixture hall) : IClassFixture<ElectionsBrowserFixture>
{
    private const string Pin = "531864";

    [Fact]
    public async Task After_a_failed_send_and_a_sign_out_the_next_delegate_never_sends_the_previous_delegates_ballot()
    {
        var (a, b) = await hall.WithDbAsync(async db =>
        {
            var session = new CongressSession { Id = Guid.NewGuid(), Ordinal = 1, Title = "Phiên thứ nhất", Date = new DateOnly(2025, 10, 15), IsCurrent = true };
            db.Sessions.Add(session);
            var group = new Delegation { Id = Guid.NewGuid(), Name = "Đoàn Phường", SortOrder = 1 };
            db.Delegations.Add(group);
            var hash = PinHasher.Hash(Pin);
            var list = new List<CongressDelegate>();
            foreach (var (name, code) in new[] { ("Nguyễn Văn Mười", "DB010"), ("Trần Thị Mười Một", "DB011") })
            {
                var d = new CongressDelegate { Id = Guid.NewGuid(), Code = code, FullName = name, SearchKey = name, DelegationId = group.Id, Category = DelegateCategory.Official };
                db.Delegates.Add(d);
                db.Set<DelegateCredential>().Add(new DelegateCredential { DelegateId = d.Id, PinHash = hash });
                db.CheckIns.Add(new CheckIn { Id = Guid.NewGuid(), SessionId = session.Id, DelegateId = d.Id, At = DateTime.UtcNow, By = "test" });
                list.Add(d);
            }
            await db.SaveChangesAsync();
            return (list[0], list[1]);
        });
        var presidium = await hall.StaffAsync("chutich-tablet", Roles.Presidium);
        var (_, round) = await OpenRoundAsync(presidium,
            new CreateElectionRequest(ElectionKinds.ExecutiveCommittee, "Bầu Ban Chấp hành Đảng bộ phường, nhiệm kỳ 2025 – 2030", 2),
            new[] { "Vũ Văn An", "Đào Thị Bích", "Lương Văn Cảnh" }.Select(n => new AddCandidateRequest(n)));

        // Every cast the page sends is recorded; while `failing`, the server "answers" 503.
        var context = await hall.Browser.NewContextAsync(new() { BaseURL = hall.BaseUrl, ViewportSize = new() { Width = 1024, Height = 1366 }, HasTouch = true });
        var tablet = await context.NewPageAsync();
        var casts = new ConcurrentQueue<string>();
        var failing = true;
        var firstFailure = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await tablet.RouteAsync(new Regex("/api/elections/rounds/[0-9a-f-]+/ballot$"), async route =>
        {
            if (route.Request.Method != "POST")
            {
                await route.ContinueAsync();
                return;
            }
            casts.Enqueue(JsonDocument.Parse(route.Request.PostData!).RootElement.GetProperty("key").GetString()!);
            if (Volatile.Read(ref failing))
            {
                await route.FulfillAsync(new() { Status = 503, ContentType = "application/problem+json", Body = """{"status":503,"detail":"Máy chủ bận."}""" });
                firstFailure.TrySetResult();
                return;
            }
            await route.ContinueAsync();
        });

        // DB-A strikes Vũ Văn An and sends; the send fails and the tablet keeps retrying.
        await tablet.GotoAsync("/tablet");
        await SignInAsync(tablet, "DB010");
        await Expect(tablet.Locator("#ballot-count")).ToHaveTextAsync("Số lượng cần bầu: 2 — Giữ lại: 3/2");
        await tablet.Locator(".ballot-name", new() { HasText = "Vũ Văn An" }).ClickAsync();
        await tablet.ClickAsync("#ballot-review");
        await tablet.ClickAsync("#ballot-send");
        await tablet.ClickAsync("#ballot-confirm");
        await firstFailure.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Expect(tablet.Locator("#feature")).ToContainTextAsync("Đang gửi phiếu");
        Assert.True(casts.TryPeek(out var keyOfA));
        Assert.NotEmpty(await StoredAsync(tablet)); // the pending ballot, under DB-A's id

        // DB-A signs out: nothing of DB-A's stays on the tablet.
        // Sign-out asks first (issue 11): "Ở lại" keeps the session; older delegates may zoom.
        Assert.DoesNotContain("user-scalable=no", await tablet.Locator("meta[name=viewport]").GetAttributeAsync("content") ?? "", StringComparison.Ordinal);
        await tablet.ClickAsync("#signout");
        await Expect(tablet.Locator("#signout-ask")).ToBeVisibleAsync();
        await tablet.ClickAsync("#signout-no");
        await Expect(tablet.Locator("#signout-ask")).ToBeHiddenAsync();
        await Expect(tablet.Locator("#signedout")).ToBeHiddenAsync();
        await tablet.ClickAsync("#signout");
        await tablet.ClickAsync("#signout-yes");
        await Expect(tablet.Locator("#signedout")).ToBeVisibleAsync();
        Assert.Empty(await StoredAsync(tablet));

        // DB-B signs in on the same page, with the server answering again: a clean ballot, not DB-A's.
        Volatile.Write(ref failing, false);
        var sentBeforeB = casts.Count;
        await tablet.ClickAsync("#signin-again");
        await SignInAsync(tablet, "DB011");
        await Expect(tablet.Locator("#who")).ToContainTextAsync("DB011");
        await Expect(tablet.Locator("#ballot-count")).ToHaveTextAsync("Số lượng cần bầu: 2 — Giữ lại: 3/2");
        await Expect(tablet.Locator(".ballot-name.struck")).ToHaveCountAsync(0);

        // DB-B marks and sends their own ballot (Lương Văn Cảnh struck) and gets its receipt.
        await tablet.Locator(".ballot-name", new() { HasText = "Lương Văn Cảnh" }).ClickAsync();
        await tablet.ClickAsync("#ballot-review");
        await tablet.ClickAsync("#ballot-send");
        await tablet.ClickAsync("#ballot-confirm");
        await Expect(tablet.Locator("#ballot-receipt")).ToContainTextAsync("Phiếu của đồng chí đã được ghi nhận");

        // Under DB-B's sign-in the tablet sent one key, DB-B's own, never DB-A's.
        var sentUnderB = casts.Skip(sentBeforeB).ToList();
        Assert.DoesNotContain(keyOfA, sentUnderB);
        var keyOfB = Assert.Single(sentUnderB.Distinct());
        var participations = await hall.WithDbAsync(db => db.Set<Participation>().Where(p => p.RoundId == round.Id).ToListAsync());
        var recorded = Assert.Single(participations);
        Assert.Equal(b.Id, recorded.DelegateId);
        Assert.Equal(ReceiptCodes.KeyHash(keyOfB), recorded.KeyHash);
        Assert.NotEqual(ReceiptCodes.KeyHash(keyOfA!), recorded.KeyHash);
        Assert.Equal(1, await hall.WithDbAsync(db => db.Set<StoredBallot>().CountAsync(x => x.RoundId == round.Id)));
        _ = a;
    }

    private static async Task SignInAsync(IPage tablet, string code)
    {
        await tablet.FillAsync("#code", code);
        await tablet.ClickAsync("#code-next");
        await tablet.Keyboard.TypeAsync(Pin);
        await tablet.Keyboard.PressAsync("Enter");
    }

    /// <summary>The ballot module's keys in the tablet's localStorage.</summary>
    private static Task<string[]> StoredAsync(IPage tablet) =>
        tablet.EvaluateAsync<string[]>("() => Object.keys(localStorage).filter((k) => k.startsWith('es.ballot.'))");
}
