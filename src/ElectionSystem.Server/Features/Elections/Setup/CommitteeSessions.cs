using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>
/// Which committee member sessions still count: a member's token and cookie carry the stamp of their
/// row on the committee's list, and count only while that row exists with the same stamp. Sign-out,
/// a new activation code and a new list give the row a new stamp (or remove it), which ends every
/// token and cookie of that member at once. The stamps are cached like StaffSessions'
/// (<see cref="SessionStamps"/>): one query per member per change, not per request; <see cref="SessionStamps.Ended"/>
/// and <see cref="AllEnded"/> drop entries after the change is saved and close the member's open hub
/// connections, here and on the other hall server (<see cref="IHallBus"/>).
/// </summary>
public sealed class CommitteeSessions(IServiceScopeFactory scopes, IHallBus bus, SignedInConnections connections)
    : SessionStamps("committee-ended", scopes, connections, bus)
{
    private const string All = "all";

    /// <summary>Before the save: a new stamp for the member's row.</summary>
    public static void Revoke(CountingCommitteeMember member) => member.SecurityStamp = Account.NewStamp();

    /// <summary>After a new list is saved: forget every cached stamp and close every member's hub connections.</summary>
    public void AllEnded()
    {
        ForgetEveryone();
        Publish(All);
    }

    protected override void Received(string message)
    {
        if (message == All) ForgetEveryone();
        else base.Received(message);
    }

    private void ForgetEveryone()
    {
        ForgetAll();
        Connections.AbortMembers();
    }

    /// <summary>Whether the delegate is on the list with this stamp.</summary>
    public Task<bool> IsCurrentAsync(Guid delegateId, string? stamp, CancellationToken ct) => MatchesAsync(delegateId, stamp, ct);

    protected override Task<string?> LoadStampAsync(ElectionDbContext db, Guid id, CancellationToken ct) =>
        db.Set<CountingCommitteeMember>().AsNoTracking().Where(m => m.DelegateId == id).Select(m => m.SecurityStamp).FirstOrDefaultAsync(ct);

    protected override string ConnectionSubject(Guid id) => SignedInConnections.MemberSubject(id);
}
