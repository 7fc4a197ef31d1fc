using ElectionSystem.Server.Features.Auth;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Tests.Hall;

/// <summary>
/// Two hall servers started at the same moment on an empty PostgreSQL database (issue 15): the
/// migration and the first congress run under a database lock, so there is one congress and one admin.
/// </summary>
public sealed class TwoNodesFirstStartTests
{
    [Fact]
    public async Task Two_nodes_starting_together_on_an_empty_database_make_one_congress_and_one_admin()
    {
        await using var a = new TwoNodesHall();
        await using var b = a.SecondNode();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Each factory starts its server on first use of Services: both at once, on two threads.
        var starts = new[] { a, b }.Select(node => Task.Run(async () =>
        {
            await go.Task;
            _ = node.Services;
        })).ToList();
        go.SetResult();
        await Task.WhenAll(starts);

        Assert.Equal(1, await a.WithDbAsync(db => db.Congresses.CountAsync()));
        Assert.Equal(1, await b.WithDbAsync(db => db.Accounts.CountAsync(x => x.UserName == "admin")));
        Assert.Equal(1, await a.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "congress.created")));
        // The first password is written once, by the node that made the account.
        Assert.Single(new[] { a.DataFolder, b.DataFolder },
            folder => File.Exists(Path.Combine(folder, ElectionSystem.Server.CongressBootstrap.InitialPasswordFile)));
    }
}
