namespace ElectionSystem.Server.Features.Tablet;

/// <summary>What the live channel sends to one tablet session.</summary>
public interface ITabletClient
{
    /// <summary>To one tablet session (group TabletClaims.TabletGroup): it was signed out, e.g. by a sign-in on another tablet.</summary>
    Task SignedOut(TabletSignedOut message);
}
