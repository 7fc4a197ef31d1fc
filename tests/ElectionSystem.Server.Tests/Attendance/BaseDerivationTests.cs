using System.Net.Http.Json;
using ElectionSystem.Domain.Congress;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Attendance;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Delegates;
using ElectionSystem.Server.Tests.Infrastructure;

namespace ElectionSystem.Server.Tests.Attendance;

/// <summary>DOMAIN.md §2 through the API, on a registry of its own (a fresh server per class).</summary>
public class BaseDerivationTests(HallFactory hall) : IClassFixture<HallFactory>
{
    [Fact]
    public async Task Base_follows_absences_and_a_summoned_alternate()
    {
        // Exact numbers: a registry of its own.
        await using var own = new HallFactory();
        var hall = own;
        await hall.EnsureCurrentSessionAsync();
        var officials = new List<CongressDelegate>();
        for (var i = 0; i < 8; i++)
        {
            officials.Add(await hall.AddDelegateAsync($"Đại biểu Số {i}"));
        }
        var committeeAbsent = await hall.AddDelegateAsync("Trương Văn Long", DelegateCategory.ExOfficio, committee: true);
        var replaced = await hall.AddDelegateAsync("Mai Thị Hà");
        var unreplaced = await hall.AddDelegateAsync("Cao Văn Nam");
        var alternate = await hall.AddDelegateAsync("Tạ Thị Thảo", DelegateCategory.Alternate);
        await hall.AddDelegateAsync("Đinh Văn Bình", DelegateCategory.Alternate); // not summoned

        using var organiser = await hall.ClientAsync(Roles.Organiser);
        foreach (var id in new[] { committeeAbsent.Id, replaced.Id, unreplaced.Id })
        {
            (await organiser.PutAsJsonAsync($"/api/delegates/{id}/absence", new AbsenceRequest(true))).EnsureSuccessStatusCode();
        }
        (await organiser.PutAsJsonAsync($"/api/delegates/{alternate.Id}/replacement", new ReplacementRequest(replaced.Id))).EnsureSuccessStatusCode();

        var s = (await organiser.GetFromJsonAsync<AttendanceSnapshot>("/api/attendance"))!;
        // Summoned: 8 + 3 officials + 1 summoned alternate = 12; minus 1 committee member absent,
        // minus 1 absent without alternate (the replaced one is covered) = 10.
        Assert.Equal(new BaseDerivation(12, 1, 1, 10), s.Base);
        Assert.Equal(10, s.BaseValue);
        Assert.Equal("12 đại biểu được triệu tập − 1 ủy viên cấp ủy triệu tập vắng mặt cả đại hội − 1 đại biểu vắng mặt cả đại hội không có dự khuyết thay thế = 10", s.BaseExplanation);
        var replacement = Assert.Single(s.Replacements);
        Assert.Equal(("Tạ Thị Thảo", "Mai Thị Hà"), (replacement.AlternateName, replacement.ReplacesName));
        Assert.Contains(AttendanceService.NotMajorityWarning, s.Warnings);

        // Six present (5 officials + the alternate) of Base 10: more than half, not two thirds.
        foreach (var d in officials.Take(5).Append(alternate))
        {
            await hall.ScanInAsync(d); // the desk (the organiser is not one: ADR 0010)
        }
        s = (await organiser.GetFromJsonAsync<AttendanceSnapshot>("/api/attendance"))!;
        Assert.Equal(6, s.Present);
        Assert.DoesNotContain(AttendanceService.NotMajorityWarning, s.Warnings);
        Assert.Contains(s.Warnings, w => w.StartsWith(AttendanceService.NotTwoThirdsWarning, StringComparison.Ordinal));
        Assert.True(s.Replacements.Single().AlternatePresent);
    }

    [Fact]
    public async Task Summoning_an_alternate_for_someone_not_absent_is_refused()
    {
        var present = await hall.AddDelegateAsync("Hoàng Văn Trung");
        var alternate = await hall.AddDelegateAsync("Lương Thị Nga", DelegateCategory.Alternate);
        using var organiser = await hall.ClientAsync(Roles.Organiser);
        var response = await organiser.PutAsJsonAsync($"/api/delegates/{alternate.Id}/replacement", new ReplacementRequest(present.Id));
        Assert.Equal(System.Net.HttpStatusCode.Conflict, response.StatusCode);
    }
}
