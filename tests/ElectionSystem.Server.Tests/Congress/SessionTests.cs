using System.Net;
using System.Net.Http.Json;
using ElectionSystem.Server.Features.Attendance;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.CheckIn;
using ElectionSystem.Server.Features.CongressSetup;
using ElectionSystem.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Tests.Congress;

public class SessionTests(HallFactory hall) : IClassFixture<HallFactory>
{
    [Fact]
    public async Task Switching_the_current_session_starts_its_attendance_afresh_and_is_audited()
    {
        using var organiser = await hall.ClientAsync(Roles.Organiser);
        var first = await (await organiser.PostAsJsonAsync("/api/congress/sessions", new SessionCreate("Phiên trù bị", new DateOnly(2025, 10, 14), new TimeOnly(8, 0))))
            .Content.ReadFromJsonAsync<SessionDto>();
        var second = await (await organiser.PostAsJsonAsync("/api/congress/sessions", new SessionCreate("Phiên thứ nhất", new DateOnly(2025, 10, 14), new TimeOnly(14, 0))))
            .Content.ReadFromJsonAsync<SessionDto>();
        (await organiser.PostAsync(new Uri($"/api/congress/sessions/{first!.Id}/current", UriKind.Relative), null)).EnsureSuccessStatusCode();
        var d = await hall.AddDelegateAsync("Nguyễn Thị Hạnh");
        await hall.ScanInAsync(d); // the desk (the organiser is not one: ADR 0010)
        Assert.Equal(1, (await organiser.GetFromJsonAsync<AttendanceSnapshot>("/api/attendance"))!.Present);

        (await organiser.PostAsync(new Uri($"/api/congress/sessions/{second!.Id}/current", UriKind.Relative), null)).EnsureSuccessStatusCode();

        var now = (await organiser.GetFromJsonAsync<AttendanceSnapshot>("/api/attendance"))!;
        Assert.Equal(("Phiên thứ nhất", 0), (now.SessionTitle, now.Present));
        var sessions = await organiser.GetFromJsonAsync<List<SessionDto>>("/api/congress/sessions");
        Assert.Equal([second.Id], sessions!.Where(s => s.IsCurrent).Select(s => s.Id));
        Assert.True(await hall.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "session.made-current" && e.Subject == $"session:{second.Id}")));
    }

    [Fact]
    public async Task Congress_particulars_are_validated_in_vietnamese()
    {
        using var organiser = await hall.ClientAsync(Roles.Organiser);
        var response = await organiser.PutAsJsonAsync("/api/congress",
            new CongressUpdate("Đại hội", "", "", "", "", new DateOnly(2025, 10, 16), new DateOnly(2025, 10, 14), false));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Contains("endDate", problem!.Detail, StringComparison.Ordinal);
    }
}
