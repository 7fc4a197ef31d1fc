using Microsoft.AspNetCore.SignalR;

namespace ElectionSystem.Server.Features.Tablet;

/// <summary>Hub hook: a tablet connection also joins the group of its own tablet session.</summary>
public static class TabletHub
{
    public static Task JoinAsync(HubCallerContext context, IGroupManager groups) =>
        context.User?.FindTabletSession() is { } session
            ? groups.AddToGroupAsync(context.ConnectionId, TabletClaims.TabletGroup(session))
            : Task.CompletedTask;
}
