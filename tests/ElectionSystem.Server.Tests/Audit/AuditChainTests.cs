using System.Net.Http.Json;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Tests.Audit;

/// <summary>Each test gets its own server: they tamper with the chain.</summary>
public sealed class AuditChainTests : IAsyncLifetime
{
    private readonly HallFactory _hall = new();

    public async Task InitializeAsync()
    {
        // Sign-ins are audited: a few entries to tamper with.
        foreach (var role in Roles.AccountRoles)
        {
            await _hall.TokenAsync(role);
        }
    }

    public async Task DisposeAsync() => await _hall.DisposeAsync();

    private Task<AuditVerification> VerifyAsync() => _hall.WithDbAsync(db => AuditEndpoints.VerifyAsync(db, default));

    private Task<int> SqlAsync(string sql) => _hall.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql));

    [Fact]
    public async Task Untouched_chain_verifies_through_the_organiser_endpoint()
    {
        using var client = await _hall.ClientAsync(Roles.Organiser);
        var result = await client.GetFromJsonAsync<AuditVerifyResponse>("/api/audit/verify");
        Assert.True(result!.Ok, result.Reason);
        Assert.True(result.Entries >= 5);
        Assert.Equal(result.Entries, result.HeadSequence);
    }

    [Fact]
    public async Task Edited_entry_is_detected_at_its_sequence()
    {
        await SqlAsync("""UPDATE "AuditEntries" SET "DataJson" = 'tampered' WHERE "Sequence" = 3""");
        var result = await VerifyAsync();
        Assert.False(result.Ok);
        Assert.Equal(3, result.BrokenAt);
    }

    [Fact]
    public async Task Edited_entry_with_its_hash_recomputed_breaks_the_next_link()
    {
        await _hall.WithDbAsync(async db =>
        {
            var e = await db.AuditEntries.SingleAsync(x => x.Sequence == 2);
            e.Actor = "someone else";
            e.Hash = AuditHash.Compute(e);
            await db.SaveChangesAsync();
        });
        var result = await VerifyAsync();
        Assert.False(result.Ok);
        Assert.Equal(3, result.BrokenAt);
    }

    [Fact]
    public async Task Deleted_middle_entry_is_detected()
    {
        await SqlAsync("""DELETE FROM "AuditEntries" WHERE "Sequence" = 2""");
        var result = await VerifyAsync();
        Assert.False(result.Ok);
        Assert.Equal(2, result.BrokenAt);
    }

    [Fact]
    public async Task Deleted_last_entry_is_detected_by_the_chain_head()
    {
        await SqlAsync("""DELETE FROM "AuditEntries" WHERE "Sequence" = (SELECT MAX("Sequence") FROM "AuditEntries")""");
        var result = await VerifyAsync();
        Assert.False(result.Ok);
        Assert.Contains("xóa", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Appends_from_many_requests_at_once_keep_one_chain()
    {
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _hall.LoginAsync("test-organiser", HallFactory.TestPassword)));
        var result = await VerifyAsync();
        Assert.True(result.Ok, result.Reason);
    }
}
