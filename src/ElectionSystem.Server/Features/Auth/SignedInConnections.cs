using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;

namespace ElectionSystem.Server.Features.Auth;

/// <summary>
/// The open hub connections of each staff account, each committee member and each display key. A hub connection is
/// authenticated once, when it opens, and may then last all day: revoking the credential must also
/// close the connections it opened (<see cref="Abort"/>), or a revoked screen keeps its live data.
/// </summary>
public sealed class SignedInConnections
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, HubCallerContext>> _bySubject = new();
    private readonly ConcurrentDictionary<string, bool> _revoked = new();

    public static string AccountSubject(Guid accountId) => "account:" + accountId.ToString("N");

    public static string DisplaySubject(Guid displayKeyId) => "display:" + displayKeyId.ToString("N");

    private const string MemberPrefix = "member:";

    /// <summary>A committee member's own session (ADR 0010): by the member's delegate id, not an account.</summary>
    public static string MemberSubject(Guid delegateId) => MemberPrefix + delegateId.ToString("N");

    /// <summary>Whose credential opened the connection: a staff account, a committee member or a display key (tablets have their own sessions).</summary>
    public static string? SubjectOf(ClaimsPrincipal? user)
    {
        if (user is not null && CommitteeMemberClaims.MemberId(user) is { } member)
        {
            return MemberSubject(member);
        }
        if (user is null || !Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            return null;
        }
        if (StaffSessions.IsStaff(user))
        {
            return AccountSubject(id);
        }
        return user.IsInRole(Roles.Display) ? DisplaySubject(id) : null;
    }

    /// <summary>
    /// Registers an opened connection; false when its display key was revoked meanwhile (between
    /// the key's check and this call), and the caller closes it.
    /// </summary>
    public bool Add(HubCallerContext connection)
    {
        if (SubjectOf(connection.User) is not { } subject)
        {
            return true;
        }
        _bySubject.GetOrAdd(subject, _ => new())[connection.ConnectionId] = connection;
        return !_revoked.ContainsKey(subject);
    }

    public void Remove(HubCallerContext connection)
    {
        if (SubjectOf(connection.User) is { } subject && _bySubject.TryGetValue(subject, out var open))
        {
            open.TryRemove(connection.ConnectionId, out _);
        }
    }

    /// <summary>A display key is revoked for good: its connections are closed, and one that registers later is refused.</summary>
    public int Revoke(string subject)
    {
        _revoked[subject] = true;
        return Abort(subject);
    }

    /// <summary>A new committee list: every member's connection is closed (a member still on the list reconnects with their new sign-in).</summary>
    public int AbortMembers() =>
        _bySubject.Keys.Where(k => k.StartsWith(MemberPrefix, StringComparison.Ordinal)).ToList().Sum(Abort);

    /// <summary>Closes every open connection of the subject; returns how many.</summary>
    public int Abort(string subject)
    {
        if (!_bySubject.TryRemove(subject, out var open))
        {
            return 0;
        }
        foreach (var connection in open.Values)
        {
            connection.Abort();
        }
        return open.Count;
    }
}
