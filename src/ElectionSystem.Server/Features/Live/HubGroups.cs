using ElectionSystem.Server.Features.Auth;

namespace ElectionSystem.Server.Features.Live;

/// <summary>SignalR groups by audience; a connection joins the group of its role on connect.</summary>
public static class HubGroups
{
    public const string Projector = "projector";
    public const string CheckIn = "checkin";
    public const string Presidium = "presidium";
    public const string Committee = "committee";
    public const string Organisers = "organisers";
    public const string Delegates = "delegates";

    /// <summary>Everyone who watches attendance (all but delegate tablets).</summary>
    public static readonly IReadOnlyList<string> AttendanceAudience = [Projector, CheckIn, Presidium, Committee, Organisers];

    public static string? ForRole(string role) => role switch
    {
        Roles.Display => Projector,
        Roles.CheckInStaff => CheckIn,
        Roles.Presidium => Presidium,
        Roles.CountingCommittee => Committee,
        Roles.Organiser => Organisers,
        Roles.Delegate => Delegates,
        _ => null,
    };
}
