using System.Security.Claims;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>
/// The presidium's side of a member's own credential (issue 13): each member of the list the
/// presidium records gets a one-time activation code, shown once on the presidium's slip; with it
/// and their PIN the member sets their own committee passphrase at the first sign-in. No organiser
/// ever holds it (the organiser prints the PIN slips, not these). A new code for one member also
/// clears their passphrase and ends their sessions. Every code issued is audited
/// (<c>committee.activation-issued</c>) and listed on the committee's duty board.
/// </summary>
public sealed class CommitteeActivation(ElectionDbContext db, AuditLog audit, TimeProvider time, IOptions<CommitteeOptions> options, CommitteeSessions sessions)
{
    public const string Action = "committee.activation-issued";
    public const string NotAMember = "Đại biểu này không có tên trong Ban Kiểm phiếu: chỉ thành viên mới được cấp mã kích hoạt.";

    /// <summary>
    /// Before the save: a fresh code for the member (its hash and expiry on the row), their
    /// passphrase and wrong-attempt count cleared, a new stamp; audited. Returns the slip.
    /// </summary>
    public async Task<ActivationSlipDto> IssueAsync(CountingCommitteeMember member, string? code, ClaimsPrincipal user, bool reissued, object? approval = null)
    {
        var activation = ActivationCodes.New();
        var expires = time.GetUtcNow().UtcDateTime.AddHours(options.Value.ActivationHours);
        member.ActivationHash = ActivationCodes.Hash(activation);
        member.ActivationExpiresAt = expires;
        member.PassphraseHash = null;
        member.FailedSecretAttempts = 0;
        member.SecretBackOffUntil = null;
        CommitteeSessions.Revoke(member);
        await audit.AppendAsync(user, Action, $"delegate:{code ?? member.FullName}",
            approval is null ? new { expiresAt = expires, reissued } : new { expiresAt = expires, reissued, approval });
        return new ActivationSlipDto(member.FullName, member.IsChair, member.DelegateId, code, activation, expires);
    }

    /// <summary>Whether the delegate is on the committee's list (a new code is asked only for a member).</summary>
    public Task<bool> IsMemberAsync(Guid delegateId, CancellationToken ct) => CountingCommitteeMembers.IsMemberAsync(db, delegateId, ct);

    /// <summary>
    /// A new code for one member ("Cấp mã kích hoạt mới"): their passphrase and every session of theirs
    /// end. During the congress the endpoint first holds it for two members (IDutyGate); their
    /// approval runs this as the second member, with <paramref name="approval"/> on the audit entry.
    /// </summary>
    public async Task<ProblemOr<ActivationSlipDto>> ReissueAsync(Guid delegateId, ClaimsPrincipal user, CancellationToken ct, object? approval = null)
    {
        var member = await db.Set<CountingCommitteeMember>().FirstOrDefaultAsync(m => m.DelegateId == delegateId, ct);
        if (member is null)
        {
            return Problems.NotFound(NotAMember);
        }
        var code = await db.Delegates.Where(d => d.Id == delegateId).Select(d => d.Code).FirstOrDefaultAsync(ct);
        var slip = await IssueAsync(member, code, user, reissued: true, approval);
        await db.SaveChangesAsync(ct);
        sessions.Ended(delegateId);
        return slip;
    }

    /// <summary>After a new list is saved: no member keeps a session of the old one.</summary>
    public void ListReplaced() => sessions.AllEnded();
}
