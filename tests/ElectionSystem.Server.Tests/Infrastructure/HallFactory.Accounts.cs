using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ElectionSystem.Server.Features.Admin;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Duties;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Tests.Infrastructure;

/// <summary>
/// Staff accounts made the way a hall makes them: the organiser creates the account (during the
/// congress a committee member approves it, ADR 0010), the server's password is temporary, and the
/// person signs in once with it to set their own before anything else works.
/// </summary>
public partial class HallFactory
{
    /// <summary>The password a test's account sets for itself.</summary>
    public const string OwnPassword = "own-password-1";

    /// <summary>Signs in with the temporary password and sets <paramref name="own"/>; returns the new sign-in's token.</summary>
    public async Task<string> SetOwnPasswordAsync(string userName, string temporary, string own = OwnPassword)
    {
        using var client = AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LoginAsync(userName, temporary));
        var changed = await client.PostAsJsonAsync("/api/auth/password", new PasswordChangeRequest(temporary, own));
        Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync());
        return (await changed.Content.ReadFromJsonAsync<LoginResponse>())!.AccessToken;
    }

    /// <summary>
    /// The organiser creates the account (if the congress is in session a member approves it, two
    /// members for a counting-committee account, and the organiser collects the temporary password),
    /// and the account sets <see cref="OwnPassword"/>.
    /// Returns a client signed in with its own password.
    /// </summary>
    public async Task<HttpClient> NewStaffAccountAsync(HttpClient organiser, string userName, string role)
    {
        var response = await organiser.PostAsJsonAsync("/api/accounts", new AccountCreate(userName, "Tài khoản " + userName, role));
        string temporary;
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            var approved = await ApproveAsync(response);
            if (approved.Request.State == DutyStates.Pending)
            {
                // A presidium or counting-committee account needs a second, different member (ADR 0010).
                approved = await ApproveAsync(approved.Request.Id, await SecondCounterAsync());
            }
            var result = await organiser.GetFromJsonAsync<DutyResultDto>($"/api/duties/{approved.Request.Id}");
            temporary = result!.TemporaryPassword!;
        }
        else
        {
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            temporary = (await response.Content.ReadFromJsonAsync<AccountCreated>())!.Password;
        }
        var client = AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SetOwnPasswordAsync(userName, temporary));
        return client;
    }

    /// <summary>Runs <paramref name="setUp"/> as before the congress opened (no current session), then puts the current session back.</summary>
    public async Task BeforeTheCongressAsync(Func<Task> setUp)
    {
        var current = await WithDbAsync(db => db.Sessions.Where(s => s.IsCurrent).Select(s => (Guid?)s.Id).FirstOrDefaultAsync());
        await WithDbAsync(db => db.Sessions.Where(s => s.IsCurrent).ExecuteUpdateAsync(u => u.SetProperty(s => s.IsCurrent, false)));
        try
        {
            await setUp();
        }
        finally
        {
            if (current is { } id)
            {
                await WithDbAsync(db => db.Sessions.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.IsCurrent, true)));
            }
        }
    }
}
