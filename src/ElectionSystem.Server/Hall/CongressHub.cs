using System.Security.Claims;
using ElectionSystem.Server.Features.Attendance;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.Live;
using ElectionSystem.Server.Features.Tablet;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace ElectionSystem.Server;

/// <summary>
/// /hubs/congress: the one live channel. Anonymous callers are refused at connect; each connection
/// joins its role's group. Hub methods carry their own [Authorize(Roles=…)] (the security test
/// reflects over them). Mostly the server talks and clients listen; state is read over HTTP.
/// Each staff, committee member or display connection is registered by its credential, so revoking
/// the credential (sign-out, reset, disable, role change, a member's new code or new list, display
/// key revoked) closes it.
/// </summary>
[Authorize]
public sealed class CongressHub(AttendanceService attendance, SignedInConnections connections, StaffSessions sessions, CommitteeSessions members)
    : Hub<ICongressClient>
{
    public const string Path = "/hubs/congress";

    public override async Task OnConnectedAsync()
    {
        // Registered first, then checked again: a revocation between the connect's authentication
        // and here would otherwise miss this connection.
        var user = Context.User ?? new ClaimsPrincipal();
        if (!connections.Add(Context) || (StaffSessions.IsStaff(user) && !await sessions.IsCurrentAsync(user, Context.ConnectionAborted))
            || (CommitteeMemberClaims.MemberId(user) is { } member
                && !await members.IsCurrentAsync(member, user.FindFirstValue(StaffSessions.StampClaim), Context.ConnectionAborted)))
        {
            Context.Abort();
            return;
        }
        foreach (var role in Context.User?.FindAll(ClaimTypes.Role).Select(c => c.Value) ?? [])
        {
            if (HubGroups.ForRole(role) is { } group)
            {
                await Groups.AddToGroupAsync(Context.ConnectionId, group);
            }
        }
        await TabletHub.JoinAsync(Context, Groups);
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>The current attendance, for a client that prefers asking over the hub to HTTP.</summary>
    [Authorize(Roles = Roles.StaffAndDisplays)]
    public Task<AttendanceSnapshot> GetAttendance() => attendance.SnapshotAsync(Context.ConnectionAborted);
}

/// <summary>
/// The live channel the capabilities send through, on this process's hub: messages to groups. A message is a hint to refetch, sent after the change has committed: when it
/// cannot be sent (two hall servers and Redis away: the backplane throws after its timeout) the change
/// still stands, so this logs and returns instead of failing the request that made it; a screen
/// refetches its whole state when it reconnects (ADR 0004).
/// </summary>
public sealed class HubLiveChannel(IHubContext<CongressHub> hub, ILogger<HubLiveChannel> logger) : ILiveChannel
{
    public Task SendAsync(IReadOnlyList<string> groups, string method, object message) =>
        Guarded(hub.Clients.Groups(groups).SendAsync(method, message), method);

    public Task SendAsync(string group, string method, object message) =>
        Guarded(hub.Clients.Group(group).SendAsync(method, message), method);

    private async Task Guarded(Task send, string method)
    {
        try
        {
            await send;
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            logger.LogWarning("Hub message {Method} not sent (the backplane is away: {Error}); screens refetch on reconnect", method, e.Message);
        }
    }
}
