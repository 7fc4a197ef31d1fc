using System.Net;
using System.Net.Http.Json;
using ElectionSystem.Domain.Congress;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Attendance;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Badges;
using ElectionSystem.Server.Features.CheckIn;
using ElectionSystem.Server.Features.Delegates;
using ElectionSystem.Server.Features.Live;
using ElectionSystem.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionSystem.Server.Tests.CheckInDesk;

/// <summary>The desk's outcomes through HTTP, each as the desk would show it.</summary>
public class CheckInTests(HallFactory hall) : IClassFixture<HallFactory>
{
    private BadgeTokens Tokens => hall.Services.GetRequiredService<BadgeSigning>().Tokens;

    private async Task<CheckInResult> ScanAsync(string token, string role = Roles.CheckInStaff)
    {
        using var client = await hall.ClientAsync(role);
        var response = await client.PostAsJsonAsync("/api/checkin/scan", new ScanRequest(token));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CheckInResult>())!;
    }

    private async Task<AttendanceSnapshot> AttendanceAsync()
    {
        using var client = await hall.ClientAsync(Roles.CheckInStaff);
        return (await client.GetFromJsonAsync<AttendanceSnapshot>("/api/attendance"))!;
    }

    [Fact]
    public async Task Scan_checks_in_and_a_display_on_the_hub_sees_the_new_count()
    {
        await hall.EnsureCurrentSessionAsync();
        var d = await hall.AddDelegateAsync("Trần Thị Hương");
        var before = await AttendanceAsync();

        await using var display = hall.HubConnection(await hall.DisplayKeyAsync());
        var seen = new TaskCompletionSource<AttendanceSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        display.On<AttendanceSnapshot>(nameof(ICongressClient.AttendanceChanged), s =>
        {
            if (s.Present == before.Present + 1)
            {
                seen.TrySetResult(s);
            }
        });
        await display.StartAsync();

        var result = await ScanAsync(Tokens.Issue(d.Code, d.BadgeVersion));

        Assert.Equal(CheckInStatus.CheckedIn, result.Status);
        Assert.Equal("Đã điểm danh", result.Message);
        Assert.Equal("Trần Thị Hương", result.FullName);
        Assert.Equal("Đại biểu chính thức", result.Category);
        Assert.Equal(before.Present + 1, result.Present);
        var snapshot = await seen.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(before.Summoned, snapshot.Summoned);
    }

    [Fact]
    public async Task Second_scan_says_already_checked_in_with_the_time()
    {
        await hall.EnsureCurrentSessionAsync();
        var d = await hall.AddDelegateAsync("Lê Văn Cường");
        var token = Tokens.Issue(d.Code, d.BadgeVersion);
        var first = await ScanAsync(token);
        var second = await ScanAsync(token);
        Assert.Equal(CheckInStatus.Already, second.Status);
        Assert.Matches(@"^Đại biểu đã điểm danh lúc \d\d:\d\d$", second.Message);
        Assert.Equal(first.Present, second.Present);
    }

    [Fact]
    public async Task Altered_token_is_refused_as_invalid_badge()
    {
        var d = await hall.AddDelegateAsync("Phạm Minh Tuấn");
        var token = Tokens.Issue(d.Code, d.BadgeVersion);
        var altered = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        var result = await ScanAsync(altered);
        Assert.Equal(CheckInStatus.Forged, result.Status);
        Assert.Equal("Thẻ không hợp lệ", result.Message);
        Assert.Null(result.FullName);
    }

    [Fact]
    public async Task Something_that_is_not_a_badge_is_refused_as_invalid_badge()
    {
        var result = await ScanAsync("https://example.org/not-a-badge");
        Assert.Equal(CheckInStatus.Forged, result.Status);
    }

    [Fact]
    public async Task Token_signed_by_another_congress_is_refused()
    {
        var d = await hall.AddDelegateAsync("Võ Thanh Sơn");
        var otherCongress = new BadgeTokens(new byte[32]);
        var result = await ScanAsync(otherCongress.Issue(d.Code, d.BadgeVersion));
        Assert.Equal(CheckInStatus.Forged, result.Status);
    }

    [Fact]
    public async Task Reissued_badge_revokes_the_old_one_and_the_new_one_works()
    {
        await hall.EnsureCurrentSessionAsync();
        var d = await hall.AddDelegateAsync("Đặng Quốc Việt");
        var oldToken = Tokens.Issue(d.Code, d.BadgeVersion);
        using var organiser = await hall.ClientAsync(Roles.Organiser);
        // In session, the reissue waits for a committee member's approval (ADR 0010).
        await hall.ApproveAsync(await organiser.PostAsync(new Uri($"/api/badges/{d.Code}/reissue", UriKind.Relative), null));
        var reissued = (await (await organiser.GetAsync(new Uri("/api/badges", UriKind.Relative))).Content.ReadFromJsonAsync<List<BadgeDto>>())!
            .Single(b => b.Code == d.Code);

        var refused = await ScanAsync(oldToken);
        Assert.Equal(CheckInStatus.Revoked, refused.Status);
        Assert.Equal("Thẻ đã bị thu hồi", refused.Message);
        Assert.Equal(CheckInStatus.CheckedIn, (await ScanAsync(reissued!.Token)).Status);
    }

    [Fact]
    public async Task Validly_signed_code_not_on_the_list_is_unknown()
    {
        var result = await ScanAsync(Tokens.Issue("ZZ999", 1));
        Assert.Equal(CheckInStatus.Unknown, result.Status);
        Assert.Equal("Không có tên trong danh sách triệu tập", result.Message);
    }

    [Fact]
    public async Task Alternate_not_summoned_is_refused_and_told_why()
    {
        var d = await hall.AddDelegateAsync("Bùi Thị Lan", DelegateCategory.Alternate);
        var result = await ScanAsync(Tokens.Issue(d.Code, d.BadgeVersion));
        Assert.Equal(CheckInStatus.NotSummoned, result.Status);
        Assert.Contains("dự khuyết chưa được triệu tập", result.Message, StringComparison.Ordinal);
        Assert.Equal("Bùi Thị Lan", result.FullName);
    }

    [Fact]
    public async Task Delegate_absent_for_the_whole_congress_is_refused_and_told_why()
    {
        var d = await hall.AddDelegateAsync("Hồ Đức Hải", absent: true);
        var result = await ScanAsync(Tokens.Issue(d.Code, d.BadgeVersion));
        Assert.Equal(CheckInStatus.NotSummoned, result.Status);
        Assert.Contains("vắng mặt cả đại hội", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_without_diacritics_finds_the_delegate_and_manual_check_in_works()
    {
        await hall.EnsureCurrentSessionAsync();
        var d = await hall.AddDelegateAsync("Nguyễn Văn An");
        using var client = await hall.ClientAsync(Roles.CheckInStaff);
        var found = await client.GetFromJsonAsync<List<DelegateDto>>("/api/delegates/search?q=nguyen%20van%20an");
        var match = Assert.Single(found!, x => x.Id == d.Id);
        Assert.Equal("Nguyễn Văn An", match.FullName);
        Assert.False(match.CheckedIn);

        // Without the badge, in session: the desk asks, a committee member approves (ADR 0010).
        var response = await client.PostAsJsonAsync("/api/checkin/manual", new ManualCheckInRequest(d.Id));
        Assert.False((await client.GetFromJsonAsync<List<DelegateDto>>("/api/delegates/search?q=nguyen%20van%20an"))!.Single(x => x.Id == d.Id).CheckedIn);
        var approved = await hall.ApproveAsync(response);
        Assert.Equal("Đã điểm danh", approved.Request.Outcome);
        var again = await client.GetFromJsonAsync<List<DelegateDto>>("/api/delegates/search?q=NGUYEN%20VAN%20AN");
        Assert.True(again!.Single(x => x.Id == d.Id).CheckedIn);
    }

    [Fact]
    public async Task A_badge_code_typed_in_any_case_is_a_check_in_without_the_badge_not_a_forgery()
    {
        await hall.EnsureCurrentSessionAsync();
        var d = await hall.AddDelegateAsync("Lê Văn Gõ Mã");
        using var client = await hall.ClientAsync(Roles.CheckInStaff);

        var response = await client.PostAsJsonAsync("/api/checkin/scan", new ScanRequest("  " + d.Code.ToLowerInvariant() + " "));

        // Held for a committee member (ADR 0010), with the waiting message, never "Thẻ không hợp lệ".
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var held = (await response.Content.ReadFromJsonAsync<PendingDuty>())!;
        Assert.Equal(d.Code, held.DelegateCode);
        Assert.Contains("chờ một thành viên Ban Kiểm phiếu duyệt", held.Detail, StringComparison.Ordinal);
        Assert.False(await hall.WithDbAsync(db => db.CheckIns.AnyAsync(c => c.DelegateId == d.Id && c.UndoneAt == null)));
        var approved = await hall.ApproveAsync(held.RequestId);
        Assert.Equal("Đã điểm danh", approved.Request.Outcome);
    }

    [Fact]
    public async Task Undo_takes_the_check_in_back_once()
    {
        await hall.EnsureCurrentSessionAsync();
        var d = await hall.AddDelegateAsync("Ngô Thị Yến");
        var checkedIn = await ScanAsync(Tokens.Issue(d.Code, d.BadgeVersion));
        using var client = await hall.ClientAsync(Roles.CheckInStaff);

        var undo = await client.PostAsync(new Uri($"/api/checkin/{checkedIn.CheckInId}/undo", UriKind.Relative), null);
        var undone = await undo.Content.ReadFromJsonAsync<UndoResult>();
        Assert.Equal(checkedIn.Present - 1, undone!.Present);

        var twice = await client.PostAsync(new Uri($"/api/checkin/{checkedIn.CheckInId}/undo", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var problem = await twice.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Contains("đã được hủy", problem!.Detail, StringComparison.Ordinal);

        // And the delegate can be checked in again afterwards.
        Assert.Equal(CheckInStatus.CheckedIn, (await ScanAsync(Tokens.Issue(d.Code, d.BadgeVersion))).Status);
    }

    [Fact]
    public async Task Two_desks_scanning_the_same_badge_at_once_record_one_check_in()
    {
        await hall.EnsureCurrentSessionAsync();
        var d = await hall.AddDelegateAsync("Dương Minh Quân");
        var token = Tokens.Issue(d.Code, d.BadgeVersion);
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => ScanAsync(token)));
        Assert.Single(results, r => r.Status == CheckInStatus.CheckedIn);
        Assert.All(results, r => Assert.Contains(r.Status, new[] { CheckInStatus.CheckedIn, CheckInStatus.Already }));
        var active = await hall.WithDbAsync(db => Task.FromResult(db.CheckIns.Count(c => c.DelegateId == d.Id && c.UndoneAt == null)));
        Assert.Equal(1, active);
    }

    [Fact]
    public async Task Every_check_in_is_in_the_audit_log()
    {
        await hall.EnsureCurrentSessionAsync();
        var d = await hall.AddDelegateAsync("Lý Thị Mai");
        await ScanAsync(Tokens.Issue(d.Code, d.BadgeVersion));
        var logged = await hall.WithDbAsync(db => Task.FromResult(
            db.AuditEntries.Any(e => e.Action == "checkin.recorded" && e.Subject == "delegate:" + d.Code)));
        Assert.True(logged);
    }
}
