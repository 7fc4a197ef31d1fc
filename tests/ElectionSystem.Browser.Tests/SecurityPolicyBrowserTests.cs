using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ElectionSystem.Browser.Tests;

/// <summary>
/// Issue 13 part A in a real browser: under the Content-Security-Policy (no inline script) the staff
/// pages run without a single policy violation, the badge sheet's print-page behaviours (moved out of
/// inline handlers into print.js) still work, and signing out from the page (a cookie POST that the
/// CSRF check must let through, since it comes from our own origin) ends the session.
/// </summary>
public sealed class SecurityPolicyBrowserTests : HallBrowserTest
{
    [Fact]
    public async Task Staff_pages_run_under_the_policy_and_sign_out_ends_the_cookie()
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = Hall.BaseUrl });
        var problems = new List<string>();
        page.PageError += (_, e) => problems.Add("page error: " + e);
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) problems.Add("console: " + m.Text);
        };

        await page.GotoAsync("/login");
        await page.FillAsync("#userName", Hall.OrganiserUser);
        await page.FillAsync("#password", Hall.OrganiserPassword);
        await page.ClickAsync("#login-form button[type=submit]");
        await page.WaitForURLAsync("**/admin");
        await Assertions.Expect(page.Locator("#delegate-rows tr").First).ToBeVisibleAsync(new() { Timeout = 15_000 });

        // The badge sheet: choosing a delegation submits the form (print.js, not an onchange attribute).
        await page.GotoAsync("/admin/badges");
        var select = page.Locator("select[name=delegation]");
        var second = await select.Locator("option").Nth(1).GetAttributeAsync("value");
        await select.SelectOptionAsync(second!);
        await page.WaitForURLAsync(new Regex("delegation=" + Regex.Escape(second!)));
        await Assertions.Expect(page.Locator("button[data-print]")).ToBeVisibleAsync();

        // The check-in desk is the desk staff's page, not the organiser's (ADR 0010): its own browser.
        var desk = await Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = Hall.BaseUrl });
        desk.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) problems.Add("console: " + m.Text);
        };
        await desk.GotoAsync("/login");
        await desk.FillAsync("#userName", Hall.CheckInUser);
        await desk.FillAsync("#password", Hall.CheckInPassword);
        await desk.ClickAsync("#login-form button[type=submit]");
        await desk.WaitForURLAsync("**/checkin");
        await Assertions.Expect(desk.Locator("#scan-form")).ToBeVisibleAsync();
        await page.GotoAsync($"/projector?key={Hall.ProjectorKey}");
        await Assertions.Expect(page.Locator("#present")).Not.ToHaveTextAsync("–", new() { Timeout = 15_000 });

        // Sign out from the page: the same cookie then opens nothing.
        await page.GotoAsync("/admin");
        await page.ClickAsync("a[href='/login?logout=1']");
        await page.WaitForURLAsync(new Regex("/login$"));
        var me = await page.APIRequest.GetAsync("/api/auth/me");
        Assert.Equal(401, me.Status);
        await page.GotoAsync("/admin");
        await page.WaitForURLAsync(new Regex("/login"));

        Assert.Empty(problems);
    }
}
