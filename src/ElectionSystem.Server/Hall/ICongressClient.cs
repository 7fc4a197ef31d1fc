using ElectionSystem.Server.Features.Attendance;
using ElectionSystem.Server.Features.Duties;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.OpenVotes;
using ElectionSystem.Server.Features.Tablet;

namespace ElectionSystem.Server;

/// <summary>
/// Every message /hubs/congress sends: each capability declares its own (IAttendanceClient, …) and
/// sends them through the live layer's <see cref="Features.Live.ILiveChannel"/>; only the hall's
/// composition knows them all. A client that missed messages refetches over HTTP on (re)connect.
/// </summary>
public interface ICongressClient : IAttendanceClient, ITabletClient, IOpenVoteClient, IElectionClient, IDutyClient;
