using System.Collections.Concurrent;
using ElectionSystem.Server.Features.Live;
using ElectionSystem.Server.Features.Tablet;

namespace ElectionSystem.Server.Features.Duties;

/// <summary>Hub messages of the duties: "the list changed, refetch" (to the committee and whoever asks).</summary>
public interface IDutyClient
{
    Task DutiesChanged(DutiesChanged message);
}

public sealed record DutiesChanged(DateTime At);

/// <summary>Tells the committee's screen, the organisers and the desks that a request was made or decided.</summary>
public sealed class DutyNotices(ILiveChannel channel, TimeProvider time)
{
    private static readonly IReadOnlyList<string> Audience = [HubGroups.Committee, HubGroups.Organisers, HubGroups.CheckIn];

    public Task ChangedAsync() => channel.SendAsync(Audience, nameof(IDutyClient.DutiesChanged), new DutiesChanged(time.GetUtcNow().UtcDateTime));
}

/// <summary>
/// The PIN slip of an approved reset, kept in memory only until the organiser who asked collects it
/// (once): the clear PIN is never written to disk. Lost at a restart; the organiser then asks again.
/// </summary>
public sealed class DutySlips
{
    private readonly ConcurrentDictionary<Guid, (Guid? Account, PinSlips Slips)> _slips = new();

    public void Keep(Guid requestId, Guid? account, PinSlips slips) => _slips[requestId] = (account, slips);

    public PinSlips? Take(Guid requestId, Guid? account) =>
        account is not null && _slips.TryGetValue(requestId, out var kept) && kept.Account == account
            && _slips.TryRemove(requestId, out var taken) ? taken.Slips : null;
}
