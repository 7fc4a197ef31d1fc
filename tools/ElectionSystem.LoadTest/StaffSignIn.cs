using System.Net;
using System.Text.Json;
using ElectionSystem.Server.Features.Admin;
using ElectionSystem.Server.Features.Auth;

namespace ElectionSystem.LoadTest;

/// <summary>Staff accounts for a run: made by the organiser, signed in, each temporary password replaced by the account's own (ADR 0010).</summary>
internal static class StaffSignIn
{
    /// <summary>
    /// Signs in; a temporary password (the first run's "admin", a new account: ADR 0010) is first
    /// replaced by the account's own, <see cref="OwnPassword"/> of it, which later runs try too.
    /// </summary>
    public static async Task<string> LoginAsync(HallApi api, string user, string password, CancellationToken ct)
    {
        var (status, body) = await api.SendAsync(HttpMethod.Post, "/api/auth/login", null, new LoginRequest(user, password), ct);
        if (status == HttpStatusCode.Unauthorized)
        {
            // Changed by an earlier run against this congress.
            password = OwnPassword(password);
            (status, body) = await api.SendAsync(HttpMethod.Post, "/api/auth/login", null, new LoginRequest(user, password), ct);
        }
        if (status != HttpStatusCode.OK)
        {
            throw new HallCallException($"POST /api/auth/login ({user}): {(int)status} {body}", status);
        }
        var login = JsonSerializer.Deserialize<LoginResponse>(body, HallApi.Json)!;
        if (!login.MustChangePassword)
        {
            return login.AccessToken;
        }
        return (await api.CallAsync<LoginResponse>(HttpMethod.Post, "/api/auth/password", login.AccessToken,
            new PasswordChangeRequest(password, OwnPassword(password)), ct)).AccessToken;
    }

    private static string OwnPassword(string temporary) => temporary + "-lt";

    /// <summary>
    /// A new account's password is chosen by the server and shown once; an account left by an earlier
    /// run against the same congress gets a new one by the organisers' reset.
    /// </summary>
    public static async Task<string> AccountAsync(HallApi api, string organiser, string user, string displayName, string role, CancellationToken ct)
    {
        var (status, body) = await api.SendAsync(HttpMethod.Post, "/api/accounts", organiser, new AccountCreate(user, displayName, role), ct);
        if (status == HttpStatusCode.OK)
        {
            return JsonSerializer.Deserialize<AccountCreated>(body, HallApi.Json)!.Password;
        }
        if (status != HttpStatusCode.Conflict)
        {
            throw new HallCallException($"POST /api/accounts ({user}): {(int)status} {body}", status);
        }
        var accounts = await api.CallAsync<List<AccountDto>>(HttpMethod.Get, "/api/accounts", organiser, null, ct);
        var existing = accounts.Single(a => a.UserName == user);
        if (existing.Role != role || existing.Disabled)
        {
            throw new InvalidOperationException($"account {user} exists as {existing.Role}{(existing.Disabled ? ", disabled" : "")}: not usable as {role}");
        }
        return (await api.CallAsync<AccountCreated>(HttpMethod.Post, $"/api/accounts/{existing.Id}/reset-password", organiser, null, ct)).Password;
    }
}
