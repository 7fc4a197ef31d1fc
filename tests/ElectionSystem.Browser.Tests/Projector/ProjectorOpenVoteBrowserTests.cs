using System.Net.Http.Json;
using System.Text.Json;
using ElectionSystem.Browser.Tests.OpenVotes;
using ElectionSystem.Server.Features.Tablet;
using Microsoft.Playwright;
using static ElectionSystem.Browser.Tests.Projector.ProjectorScreen;
using static Microsoft.Playwright.Assertions;

namespace ElectionSystem.Browser.Tests.Projector;

/// <summary>
/// The projector during an open vote (issue 11): with live counts off (the default) it shows the
/// turnout only, no count in the page at all; after the close a two-line question still leaves the
/// decision inside the screen, at 1920×1080 and 1280×720; body text at least 40 px at 1080p.
/// Screenshots under bin/…/screenshots/projector-openvote-*.png.
/// </summary>
public sealed class ProjectorOpenVoteBrowserTests(OpenVotesBrowserFixture hall) : IClassFixture<OpenVotesBrowserFixture>
{
    private const string Question =
        "Thông qua Nghị quyết Đại hội đại biểu Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh lần thứ XX, nhiệm kỳ 2025 – 2030, và Chương trình hành động";

    /// <summary>A change as the presidium's page sends it: from the hall server's own origin.</summary>
    private APIRequestContextOptions Same(object? data) =>
        new() { DataObject = data, Headers = new Dictionary<string, string> { ["Origin"] = hall.BaseUrl.TrimEnd('/') } };

    private Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(hall.ScreenshotFolder, name + ".png") });

    [Fact]
    public async Task Without_live_counts_the_projector_shows_turnout_only_and_after_the_close_the_decision_fits_the_screen()
    {
        var presidium = await hall.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = hall.BaseUrl });
        var login = await presidium.APIRequest.PostAsync("/api/auth/login", new() { DataObject = new { userName = "chutich", password = OpenVotesBrowserFixture.Password } });
        Assert.True(login.Ok, await login.TextAsync());

        var projectorContext = await hall.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = hall.BaseUrl, ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });
        var projector = await projectorContext.NewPageAsync();
        await projector.GotoAsync("/projector?key=" + Uri.EscapeDataString(hall.DisplayKey));
        await Expect(projector.Locator("#present")).ToHaveTextAsync("2");
        await AssertReadableAsync(projector.Locator("#session"), "the session");
        await AssertReadableAsync(projector.Locator(".base"), "the Base line");
        await ShotAsync(projector, "projector-openvote-1-idle-1080");

        // The presidium adds the vote as the form does by default: no live counts.
        var created = await presidium.APIRequest.PostAsync("/api/openvotes", Same(new { title = Question, anonymous = false }));
        Assert.True(created.Ok, await created.TextAsync());
        var voteId = (await created.JsonAsync())!.Value.GetProperty("id").GetString();
        Assert.False((await created.JsonAsync())!.Value.GetProperty("liveCounts").GetBoolean());
        var opened = await presidium.APIRequest.PostAsync($"/api/openvotes/{voteId}/open", Same(null));
        Assert.True(opened.Ok, await opened.TextAsync());
        await Expect(projector.Locator("#vote-turnout")).ToContainTextAsync("0/2");

        using (var tablet = new HttpClient { BaseAddress = new Uri(hall.BaseUrl) })
        {
            var signIn = await tablet.PostAsJsonAsync("/api/tablet/signin", new TabletSignInRequest(null, "B001", OpenVotesBrowserFixture.Pin));
            signIn.EnsureSuccessStatusCode();
            tablet.DefaultRequestHeaders.Authorization = new("Bearer", (await signIn.Content.ReadFromJsonAsync<TabletSignInResponse>())!.AccessToken);
            (await tablet.PostAsJsonAsync($"/api/tablet/openvotes/{voteId}/choice", new { choice = "For" })).EnsureSuccessStatusCode();
        }

        // Turnout only: "Đã biểu quyết 1/2", and no count anywhere in the page.
        await Expect(projector.Locator("#vote-turnout strong")).ToHaveTextAsync("1/2");
        await Expect(projector.Locator("#vote-turnout span")).ToHaveTextAsync("Đã biểu quyết");
        await Expect(projector.Locator("#openvote [data-n=for], #openvote [data-n=against], #openvote [data-n=abstain], #openvote .pv-counts, #openvote .pv-bar")).ToHaveCountAsync(0);
        await Expect(projector.Locator("#openvote")).Not.ToContainTextAsync("Tán thành");
        await AssertReadableAsync(projector.Locator("#vote-turnout span"), "Đã biểu quyết");
        await AssertReadableAsync(projector.Locator(".pv-label"), "the vote's label");
        await AssertReadableAsync(projector.Locator(".pv-base"), "the Base line");
        await AssertReadableAsync(projector.Locator("header .congress"), "the congress's name");
        await AssertReadableAsync(projector.Locator("main .label"), "Đại biểu có mặt");
        await AssertInViewportAsync(projector, projector.Locator("#vote-turnout"), "the turnout");
        await ShotAsync(projector, "projector-openvote-2-turnout-1080");

        var closed = await presidium.APIRequest.PostAsync($"/api/openvotes/{voteId}/close", Same(null));
        Assert.True(closed.Ok, await closed.TextAsync());
        var decision = projector.Locator(".pv-decision");
        await Expect(decision).ToHaveTextAsync("Tán thành 1/3 (33,33%) — Không thông qua");
        await Expect(projector.Locator("[data-n=for]")).ToHaveTextAsync("1");

        // The question takes two lines, and the decision is still inside the screen.
        var question = projector.Locator(".pv-question");
        var lineHeight = await question.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).lineHeight)");
        Assert.True((await question.BoundingBoxAsync())!.Height > 1.5 * lineHeight, "The question was meant to take two lines.");
        foreach (var (w, h) in new[] { (1920, 1080), (1280, 720) })
        {
            await projector.SetViewportSizeAsync(w, h);
            await AssertInViewportAsync(projector, decision, $"the decision at {w}×{h}");
            await AssertInViewportAsync(projector, projector.Locator(".pv-base"), $"the Base line at {w}×{h}");
            await AssertInViewportAsync(projector, projector.Locator(".pv-counts"), $"the figures at {w}×{h}");
            await AssertNoScrollAsync(projector);
            if (w == 1920)
            {
                await AssertReadableAsync(projector.Locator(".pv-counts span").First, "the figures' labels");
                await AssertReadableAsync(decision, "the decision");
            }
            await ShotAsync(projector, $"projector-openvote-3-decision-{h}");
        }
    }
}
