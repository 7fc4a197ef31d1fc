namespace ElectionSystem.Server.Features.Attendance;

/// <summary>What the live channel sends about attendance.</summary>
public interface IAttendanceClient
{
    /// <summary>Attendance changed (check-in, undo, absence, session switch). Coalesced, at most ~5 a second.</summary>
    Task AttendanceChanged(AttendanceSnapshot snapshot);
}
