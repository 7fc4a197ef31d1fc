using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.Live;
using ElectionSystem.Server.Features.Tablet;

namespace ElectionSystem.Server.Features.Duties;

/// <summary>Hub messages of the duties: "the list changed, refetch" (to the committee and whoever asks).</summary>
public interface IDutyClient
{
    Task DutiesChanged(DutiesChanged message);
}

public sealed record DutiesChanged(DateTime At);

/// <summary>Tells the committee's screen, the organisers and the desks that a request was made or decided (the presidium collects its own with "Nhận").</summary>
public sealed class DutyNotices(ILiveChannel channel, TimeProvider time)
{
    private static readonly IReadOnlyList<string> Audience = [HubGroups.Committee, HubGroups.Organisers, HubGroups.CheckIn];

    public Task ChangedAsync() => channel.SendAsync(Audience, nameof(IDutyClient.DutiesChanged), new DutiesChanged(time.GetUtcNow().UtcDateTime));
}

/// <summary>What an approved request hands once to the one who asked: a PIN slip, an account's temporary password, or a member's activation slip.</summary>
public sealed record KeptForRequester(PinSlips? Slips, string? Password, ActivationSlipDto? Activation = null);
