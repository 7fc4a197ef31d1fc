using System.Net.Http.Json;
using ElectionSystem.Domain.Congress;
using ElectionSystem.Server.Features.Attendance;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Demo;
using ElectionSystem.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Tests.Demo;

/// <summary>--demo gives the reference congress a newcomer can walk through at once.</summary>
public class DemoCongressTests(DemoHallFactory hall) : IClassFixture<DemoHallFactory>
{
    [Fact]
    public async Task Demo_has_300_officials_in_61_delegations_with_vietnamese_names_and_three_days_of_sessions()
    {
        var (officials, exOfficio, alternates, delegations, days, names) = await hall.WithDbAsync(async db => (
            await db.Delegates.CountAsync(d => d.Category != DelegateCategory.Alternate),
            await db.Delegates.CountAsync(d => d.Category == DelegateCategory.ExOfficio && d.IsConveningCommitteeMember),
            await db.Delegates.CountAsync(d => d.Category == DelegateCategory.Alternate && d.ReplacesDelegateId == null),
            await db.Delegations.CountAsync(),
            (await db.Sessions.Select(s => s.Date).ToListAsync()).Distinct().Count(),
            await db.Delegates.Select(d => d.FullName).ToListAsync()));
        Assert.Equal((300, DemoSeeder.ExOfficio, DemoSeeder.Alternates, 61, 3), (officials, exOfficio, alternates, delegations, days));
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.True(names.Count(n => n.StartsWith("Nguyễn ", StringComparison.Ordinal)) > 20);
    }

    [Fact]
    public async Task Every_demo_account_in_the_credentials_file_signs_in_and_the_projector_key_works()
    {
        _ = hall.Services; // the server seeds on start
        var lines = await File.ReadAllLinesAsync(Path.Combine(hall.DataFolder, DemoSeeder.CredentialsFile));
        var accounts = lines.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length == 3 && Roles.AccountRoles.Contains(p[0])).ToList();
        // Every role has an account, and the counting committee two (two confirmations).
        Assert.Equal(Roles.AccountRoles.Order(), accounts.Select(p => p[0]).Distinct().Order());
        Assert.Equal(2, accounts.Count(p => p[0] == Roles.CountingCommittee));
        foreach (var parts in accounts)
        {
            Assert.NotEmpty(await hall.LoginAsync(parts[1], parts[2]));
        }
        var key = lines.Single(l => l.StartsWith("projector", StringComparison.Ordinal)).Split("key=")[1];
        using var client = hall.AnonymousClient();
        var state = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/projector/state?key={key}");
        Assert.Equal(300, state.GetProperty("attendance").GetProperty("summoned").GetInt32());
        Assert.Equal("Phiên trù bị", state.GetProperty("attendance").GetProperty("sessionTitle").GetString());
    }

    [Fact]
    public async Task Attendance_of_another_session_is_its_own()
    {
        using var client = await hall.ClientAsync(Roles.Organiser);
        var sessions = await hall.WithDbAsync(db => db.Sessions.OrderBy(s => s.Ordinal).Select(s => s.Id).ToListAsync());
        var later = await client.GetFromJsonAsync<AttendanceSnapshot>($"/api/attendance?sessionId={sessions[^1]}");
        Assert.Equal("Phiên bế mạc", later!.SessionTitle);
        Assert.Equal(0, later.Present);
        var missing = await client.GetAsync(new Uri($"/api/attendance?sessionId={Guid.NewGuid()}", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
    }
}
