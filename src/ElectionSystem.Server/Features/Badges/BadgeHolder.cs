using ElectionSystem.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Badges;

public enum BadgeHolderStatus
{
    /// <summary>Not a genuine badge of this congress (malformed or forged).</summary>
    NotGenuine,

    /// <summary>Genuine, but no delegate has the code it names.</summary>
    Unknown,

    /// <summary>Genuine, but the delegate's badge has been re-issued since (“Thẻ đã bị thu hồi”).</summary>
    Revoked,

    /// <summary>The delegate's current badge.</summary>
    Current,
}

/// <summary>Who a scanned badge names. <see cref="Delegate"/> is set when Revoked or Current.</summary>
public readonly record struct BadgeHolder(BadgeHolderStatus Status, BadgeTokenCheck Check, CongressDelegate? Delegate);

/// <summary>
/// The one answer to "whose badge is this?", for the check-in desk and the tablet sign-in alike:
/// each words (and audits) the refusal its own way.
/// </summary>
public static class BadgeHolders
{
    public static async Task<BadgeHolder> IdentifyAsync(this BadgeSigning badges, ElectionDbContext db, string scanned, CancellationToken ct)
    {
        var check = badges.Tokens.Verify(scanned);
        if (check.Status != BadgeTokenStatus.Valid || check.DelegateCode is null)
        {
            return new BadgeHolder(BadgeHolderStatus.NotGenuine, check, null);
        }
        var d = await db.Delegates.Include(x => x.Delegation).FirstOrDefaultAsync(x => x.Code == check.DelegateCode, ct);
        if (d is null)
        {
            return new BadgeHolder(BadgeHolderStatus.Unknown, check, null);
        }
        return new BadgeHolder(BadgeTokens.IsRevoked(check, d.BadgeVersion) ? BadgeHolderStatus.Revoked : BadgeHolderStatus.Current, check, d);
    }
}
