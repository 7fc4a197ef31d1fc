using System.Net.Http.Json;
using ElectionSystem.Domain.Congress;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.Tablet;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static ElectionSystem.Browser.Tests.BrowserApi;

namespace ElectionSystem.Browser.Tests.Tls;

/// <summary>
/// TLS in the hall, end to end: the server on HTTPS only with a certificate from deploy/hall-ca.sh;
/// a Chromium that trusts the hall CA through its NSS database (as the README sets up a desk PC),
/// never told to ignore certificate errors, signs a delegate in on /tablet and casts a ballot.
/// </summary>
public class HttpsTabletTests(HttpsHallFixture hall) : IClassFixture<HttpsHallFixture>
{
    private const string Pin = "864209";

    [Fact]
    public async Task A_browser_that_trusts_the_hall_CA_votes_on_the_tablet_over_https_in_a_secure_context()
    {
        var roundId = await OpenRoundAsync();
        await using var browser = await hall.LaunchChromiumAsync(hall.Trust.TrustingHome);
        var context = await browser.NewContextAsync(new() { BaseURL = hall.BaseUrl, ViewportSize = new() { Width = 1024, Height = 1366 }, HasTouch = true });
        var tablet = await context.NewPageAsync();

        var response = await tablet.GotoAsync("/tablet");

        Assert.NotNull(response);
        Assert.True(response.Ok, $"/tablet answered {response.Status}");
        Assert.Equal("https:", await tablet.EvaluateAsync<string>("location.protocol"));
        Assert.Equal(HallTrust.HostName, await tablet.EvaluateAsync<string>("location.hostname"));
        Assert.True(await tablet.EvaluateAsync<bool>("window.isSecureContext"), "the tablet page is not a secure context");
        Assert.StartsWith("max-age=", (await response.AllHeadersAsync())["strict-transport-security"], StringComparison.Ordinal);

        await tablet.FillAsync("#code", "T001");
        await tablet.ClickAsync("#code-next");
        await tablet.Keyboard.TypeAsync(Pin);
        await tablet.Keyboard.PressAsync("Enter");
        await Expect(tablet.Locator("#ballot-count")).ToHaveTextAsync("Số lượng cần bầu: 5 — Giữ lại: 6/5");
        await tablet.Locator(".ballot-name", new() { HasText = "Quách Văn Nam" }).ClickAsync();
        await Expect(tablet.Locator("#ballot-count")).ToHaveTextAsync("Số lượng cần bầu: 5 — Giữ lại: 5/5");
        await tablet.ClickAsync("#ballot-review");
        await tablet.ClickAsync("#ballot-send");
        await tablet.ClickAsync("#ballot-confirm");
        await Expect(tablet.Locator("#ballot-receipt")).ToContainTextAsync("Phiếu của đồng chí đã được ghi nhận");
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}$", await tablet.Locator("#receipt-code").InnerTextAsync());

        // The ballot reached the server: one collected in the round.
        var collected = await hall.WithDbAsync(db => Task.FromResult(db.Set<Participation>().Count(p => p.RoundId == roundId)));
        Assert.Equal(1, collected);
    }

    [Fact]
    public async Task A_browser_that_does_not_trust_the_hall_CA_refuses_the_server()
    {
        // The counter-proof: the trusting browser above passes because of the hall CA in its NSS
        // database, not because certificate errors are ignored somewhere.
        await using var browser = await hall.LaunchChromiumAsync(hall.Trust.UntrustingHome);
        var page = await browser.NewPageAsync();

        var failure = await Assert.ThrowsAsync<PlaywrightException>(() => page.GotoAsync(hall.BaseUrl + "/tablet"));

        Assert.Contains("ERR_CERT_AUTHORITY_INVALID", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>One checked-in delegate with a PIN, and an open round of 6 candidates for 5 seats, made over HTTPS.</summary>
    private async Task<Guid> OpenRoundAsync()
    {
        await hall.WithDbAsync(async db =>
        {
            var session = new CongressSession { Id = Guid.NewGuid(), Ordinal = 1, Title = "Phiên thứ nhất", Date = new DateOnly(2025, 10, 15), IsCurrent = true };
            var group = new Delegation { Id = Guid.NewGuid(), Name = "Đoàn Thành phố", SortOrder = 1 };
            var d = new CongressDelegate { Id = Guid.NewGuid(), Code = "T001", FullName = "Nguyễn Văn Bảy", SearchKey = "nguyen van bay", DelegationId = group.Id, Category = DelegateCategory.Official };
            db.Sessions.Add(session);
            db.Delegations.Add(group);
            db.Delegates.Add(d);
            db.Set<DelegateCredential>().Add(new DelegateCredential { DelegateId = d.Id, PinHash = PinHasher.Hash(Pin) });
            db.CheckIns.Add(new CheckIn { Id = Guid.NewGuid(), SessionId = session.Id, DelegateId = d.Id, At = DateTime.UtcNow, By = "test" });
            db.Set<CountingCommitteeMember>().Add(new CountingCommitteeMember { Id = Guid.NewGuid(), Order = 0, FullName = "Hoàng Thị Lan", IsChair = true });
            return await db.SaveChangesAsync();
        });
        using var presidium = await hall.StaffAsync("chutich", Roles.Presidium);
        var (_, round) = await BrowserApi.OpenRoundAsync(presidium,
            new CreateElectionRequest(ElectionKinds.ExecutiveCommittee, "Bầu Ban Chấp hành Đảng bộ khóa mới", 5),
            new[] { "Vũ Văn Hải", "Đào Thị Hoa", "Lương Văn Kiên", "Mạc Thị Liên", "Quách Văn Nam", "Tôn Thị Oanh" }.Select(n => new AddCandidateRequest(n)));
        return round.Id;
    }
}
