using System.Net.Http.Headers;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Tests.Security;

/// <summary>A hall in session with a counting committee of three members (A, B, C).</summary>
public sealed class StaffAccountsHall : HallFactory
{
    private readonly Lazy<Task> _ready;

    public StaffAccountsHall() => _ready = new(async () =>
    {
        await EnsureCurrentSessionAsync();
        await SetCommitteeAsync(("Thành viên A", true), ("Thành viên B", false), ("Thành viên C", false));
    });

    public Task ReadyAsync() => _ready.Value;

    /// <summary>Member 0, 1 or 2 of the committee, signed in with their own code and PIN.</summary>
    public async Task<HttpClient> MemberAsync(int index)
    {
        await ReadyAsync();
        var client = AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await MemberTokenAsync(CommitteeCodes[index]));
        return client;
    }

    public Task<Guid> DelegateIdAsync(string code) => WithDbAsync(db => db.Delegates.Where(d => d.Code == code).Select(d => d.Id).SingleAsync());

    /// <summary>An account written straight to the database with <see cref="HallFactory.TestPassword"/> (its own password, not a temporary one).</summary>
    public Task<Account> AccountAsync(string role) => WithDbAsync(async db =>
    {
        var userName = Unique("tk-");
        var account = new Account
        {
            Id = Guid.NewGuid(), UserName = userName, DisplayName = userName, Role = role,
            PasswordHash = PasswordHasher.Hash(TestPassword), CreatedAt = DateTime.UtcNow,
        };
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        return account;
    });
}
