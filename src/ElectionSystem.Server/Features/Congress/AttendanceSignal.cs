using ElectionSystem.Server.Features.Live;

namespace ElectionSystem.Server.Features.CongressSetup;

/// <summary>
/// "Attendance and Base are stale": attendance is derived from what setup owns (the current
/// session, the registry, absences and replacements), and the features that change those come
/// before Attendance in the dependency order. So the live topic's name and the call that marks it
/// live here; Attendance's topic takes its name from this one and publishes the snapshot.
/// </summary>
public static class AttendanceSignal
{
    public const string TopicName = "attendance";

    /// <summary>Call after a committed change that affects attendance or Base.</summary>
    public static void AttendanceChanged(this LiveUpdates live) => live.MarkDirty(TopicName);
}
