namespace ElectionSystem.Server.Features.Live;

/// <summary>
/// The hall's live channel (/hubs/congress) as a capability sees it: send a message, by name, to
/// groups of connections. Each capability declares the messages it sends in its own client
/// interface (e.g. <c>IElectionClient</c>) and names them with <c>nameof</c>; the hub itself belongs
/// to the composition root, which implements this channel. The live layer knows no capability.
/// Messages carry the whole new state, never a delta (ADR 0004).
/// </summary>
public interface ILiveChannel
{
    Task SendAsync(IReadOnlyList<string> groups, string method, object message);

    Task SendAsync(string group, string method, object message);
}
