using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ElectionSystem.Browser.Tests;

/// <summary>
/// ADR 0010, own passwords, in a real browser under the CSP: a desk account signed in with the
/// organiser's temporary password lands on /login's "Đổi mật khẩu" form, sets its own password there
/// and goes on to its desk; the temporary password then no longer signs in.
/// </summary>
public sealed class OwnPasswordBrowserTests : HallBrowserTest
{
    [Fact]
    public async Task A_temporary_password_is_changed_on_the_login_page_before_the_desk_opens()
    {
        const string temporary = "tam-thoi-1234";
        await using (var scope = Hall.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ElectionDbContext>();
            db.Accounts.Add(new Account
            {
                Id = Guid.NewGuid(), UserName = "ban-moi", DisplayName = "Bàn điểm danh mới", Role = Roles.CheckInStaff,
                PasswordHash = PasswordHasher.Hash(temporary), MustChangePassword = true, CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = Hall.BaseUrl });
        var problems = new List<string>();
        page.PageError += (_, e) => problems.Add("page error: " + e);
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) problems.Add("console: " + m.Text);
        };

        await page.GotoAsync("/login");
        await page.FillAsync("#userName", "ban-moi");
        await page.FillAsync("#password", temporary);
        await page.ClickAsync("#login-form button[type=submit]");
        await Assertions.Expect(page.Locator("#change-why.must-change")).ToContainTextAsync("mật khẩu tạm");
        Assert.Equal(403, (await page.APIRequest.GetAsync("/api/attendance")).Status);
        // A page while the password is temporary sends the person back to the form.
        await page.GotoAsync("/checkin");
        await page.WaitForURLAsync("**/login?doimatkhau=1");

        await page.FillAsync("#change-user", "ban-moi");
        await page.FillAsync("#change-current", temporary);
        await page.FillAsync("#change-new", "mat-khau-cua-toi");
        await page.FillAsync("#change-again", "mat-khau-cua-toi");
        await page.ClickAsync("#change-submit");
        await page.WaitForURLAsync("**/checkin");
        await Assertions.Expect(page.Locator("#scan-form")).ToBeVisibleAsync();

        // From a browser with no sign-in (a cookie-carrying POST without Origin would be refused as CSRF).
        var fresh = await Browser.NewContextAsync(new() { BaseURL = Hall.BaseUrl });
        var old = await fresh.APIRequest.PostAsync("/api/auth/login", new() { DataObject = new { userName = "ban-moi", password = temporary } });
        Assert.Equal(401, old.Status);
        Assert.True((await fresh.APIRequest.PostAsync("/api/auth/login", new() { DataObject = new { userName = "ban-moi", password = "mat-khau-cua-toi" } })).Ok);
        Assert.Empty(problems);
    }
}
