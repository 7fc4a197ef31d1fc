using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Attendance;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.CongressSetup;
using ElectionSystem.Server.Features.Live;
using ElectionSystem.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ElectionSystem.Server.Tests.Attendance;

public class LiveAttendanceTests(HallFactory hall) : IClassFixture<HallFactory>
{
    [Fact]
    public async Task Display_connection_receives_the_whole_snapshot_when_attendance_is_marked_changed()
    {
        var session = await hall.EnsureCurrentSessionAsync();
        var d = await hall.AddDelegateAsync("Nguyễn Văn Hùng");
        await using var connection = hall.HubConnection(await hall.DisplayKeyAsync());
        var received = new TaskCompletionSource<AttendanceSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<AttendanceSnapshot>(nameof(ICongressClient.AttendanceChanged), s =>
        {
            if (s.Present >= 1)
            {
                received.TrySetResult(s);
            }
        });
        await connection.StartAsync();

        await hall.WithDbAsync(async db =>
        {
            db.CheckIns.Add(new CheckIn { Id = Guid.NewGuid(), SessionId = session, DelegateId = d.Id, At = DateTime.UtcNow, By = "test" });
            await db.SaveChangesAsync();
        });
        hall.Services.GetRequiredService<LiveUpdates>().AttendanceChanged();

        var snapshot = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, snapshot.Present);
        Assert.Equal("Phiên trù bị", snapshot.SessionTitle);
    }

    [Fact]
    public async Task Hub_method_refuses_a_role_not_allowed()
    {
        await using var connection = hall.HubConnection(await hall.TokenAsync(Roles.Delegate));
        await connection.StartAsync();
        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<AttendanceSnapshot>(nameof(CongressHub.GetAttendance)));
    }
}
