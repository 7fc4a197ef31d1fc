using System.Net.Http.Json;
using ElectionSystem.Domain.Congress;
using ElectionSystem.Server.Features.Attendance;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Demo;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.Tablet;
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

    [Fact]
    public async Task Demo_first_session_has_the_agenda_of_open_votes_in_draft()
    {
        using var client = await hall.ClientAsync(Roles.Presidium);
        var agenda = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/openvotes");
        Assert.Equal("Phiên trù bị", agenda.GetProperty("sessionTitle").GetString());
        var votes = agenda.GetProperty("votes").EnumerateArray().ToList();
        Assert.Equal(
        [
            "Thông qua chương trình Đại hội",
            "Thông qua Quy chế làm việc của Đại hội",
            "Thông qua Quy chế bầu cử",
            "Thông qua số lượng Ban Chấp hành Đảng bộ tỉnh khóa XVI: 9 đồng chí",
        ], votes.Select(v => v.GetProperty("title").GetString()!));
        Assert.Equal([1, 2, 3, 4], votes.Select(v => v.GetProperty("ordinal").GetInt32()));
        Assert.All(votes, v => Assert.Equal("Draft", v.GetProperty("state").GetString()));
        // Made through the service as the organiser "system", so the audit log says who.
        var audited = await hall.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "openvote.created" && a.Actor.StartsWith("system")));
        Assert.Equal(4, audited);
    }

    [Fact]
    public async Task Demo_has_a_draft_executive_committee_election_whose_list_passes_the_surplus_rule()
    {
        using var client = await hall.ClientAsync(Roles.Presidium);
        var elections = await client.GetFromJsonAsync<List<ElectionDto>>("/api/elections");
        var e = Assert.Single(elections!);
        Assert.Equal((ElectionKinds.ExecutiveCommittee, "Bầu Ban Chấp hành Đảng bộ tỉnh Sơn Hà khóa XVI, nhiệm kỳ 2025–2030", 9),
            (e.Kind, e.Title, e.Seats));
        Assert.Equal(11, e.Candidates.Count);
        Assert.Empty(e.Rounds);
        // The list as the ballot prints it, and the server's surplus verdict (what /presidium shows).
        Assert.True(e.List!.SurplusAllowed, e.List.MessageVi);
        Assert.Equal(Enumerable.Range(1, 11), e.List.InBallotOrder.Select(n => n.Stt));
        // Delegates of the congress, chosen the same way every run.
        var codes = await hall.WithDbAsync(db => db.Delegates.Where(d => e.Candidates.Select(c => c.FullName).Contains(d.FullName))
            .OrderBy(d => d.Code).Select(d => d.Code).ToListAsync());
        Assert.Equal(Enumerable.Range(0, 11).Select(i => $"DB{1 + (4 * i):000}"), codes);

        // The rule is the server's: the first round takes all 11 and opens (the open refuses a list outside the surplus rule).
        var next = await client.GetFromJsonAsync<NextStepDto>($"/api/elections/{e.Id}/next-step");
        Assert.Equal(("first-round", 11, 9), (next!.Step, next.Candidates.Count, next.Seats));
        var round = await (await client.PostAsJsonAsync($"/api/elections/{e.Id}/rounds", new CreateRoundRequest())).Content.ReadFromJsonAsync<RoundSummaryDto>();
        var opened = await client.PostAsync(new Uri($"/api/elections/rounds/{round!.Id}/open", UriKind.Relative), null);
        Assert.True(opened.IsSuccessStatusCode, await opened.Content.ReadAsStringAsync());
    }

    // The README's walk signs in with the printed passwords and goes straight to work: the seeder set
    // them as the accounts' own, not as temporary ones (ADR 0010).
    [Fact]
    public async Task Demo_accounts_have_their_own_passwords_and_work_at_once()
    {
        _ = hall.Services;
        var lines = await File.ReadAllLinesAsync(Path.Combine(hall.DataFolder, DemoSeeder.CredentialsFile));
        var desk = lines.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).First(p => p.Length == 3 && p[0] == Roles.CheckInStaff);
        using var anon = hall.AnonymousClient();
        var login = await (await anon.PostAsJsonAsync("/api/auth/login", new LoginRequest(desk[1], desk[2]))).Content.ReadFromJsonAsync<LoginResponse>();
        Assert.False(login!.MustChangePassword);
        using var client = hall.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", login.AccessToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/attendance", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_delegate_pins_printed_by_the_demo_sign_in_on_a_tablet()
    {
        _ = hall.Services;
        var lines = await File.ReadAllLinesAsync(Path.Combine(hall.DataFolder, DemoSeeder.CredentialsFile));
        var pins = lines.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length == 3 && p[0] == Roles.Delegate).ToList();
        Assert.Equal(["DB046", "DB047", "DB048", "DB049", "DB050"], pins.Select(p => p[1]));
        Assert.Contains(lines, l => l.Contains("/tablet/pins", StringComparison.Ordinal));
        using var anon = hall.AnonymousClient();
        foreach (var p in pins)
        {
            var response = await anon.PostAsJsonAsync("/api/tablet/signin", new TabletSignInRequest(null, p[1], p[2]));
            Assert.True(response.IsSuccessStatusCode, $"{p[1]}: {await response.Content.ReadAsStringAsync()}");
            var signedIn = await response.Content.ReadFromJsonAsync<TabletSignInResponse>();
            Assert.NotEmpty(signedIn!.AccessToken);
        }
        // Only those five have a PIN: the rest are printed from /tablet/pins.
        Assert.Equal(5, await hall.WithDbAsync(db => db.DelegateCredentials.CountAsync(c => c.PinHash != null)));
    }

    [Fact]
    public async Task The_demo_committee_members_sign_in_with_code_PIN_and_the_passphrase_printed_for_them_and_not_with_the_PIN_alone()
    {
        _ = hall.Services; // the server seeds on start
        var lines = (await File.ReadAllLinesAsync(Path.Combine(hall.DataFolder, DemoSeeder.CredentialsFile)))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length == 3).ToList();
        var pins = lines.Where(p => p[0] == "delegate").ToDictionary(p => p[1], p => p[2]);
        var members = lines.Where(p => p[0] == "committee-member").ToList();
        Assert.Equal(2, members.Count);
        foreach (var p in members)
        {
            using var anon = hall.AnonymousClient();
            var alone = await anon.PostAsJsonAsync("/api/committee/signin", new Server.Features.Duties.CommitteeSignInRequest(null, p[1], pins[p[1]]));
            Assert.True(alone.StatusCode == System.Net.HttpStatusCode.Unauthorized, await alone.Content.ReadAsStringAsync());
            var signedIn = await anon.PostAsJsonAsync("/api/committee/signin", new Server.Features.Duties.CommitteeSignInRequest(null, p[1], pins[p[1]], p[2]));
            Assert.True(signedIn.IsSuccessStatusCode, await signedIn.Content.ReadAsStringAsync());
        }
    }
}
