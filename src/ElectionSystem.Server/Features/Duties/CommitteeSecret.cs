using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ElectionSystem.Server.Features.Duties;

/// <summary>
/// What a committee member knows besides the PIN the organiser printed (issue 13): the first time,
/// the one-time activation code the presidium handed them, with which they set their own committee
/// passphrase; every later time, that passphrase. Wrong codes and passphrases back off like wrong
/// PINs (<see cref="MemberSecretThrottle"/>); while a wait runs nothing is even looked at.
/// </summary>
public sealed class CommitteeSecret(MemberSecretThrottle throttle, SignInBackOff backOff, HallClock clock, AuditLog audit, ElectionDbContext db)
{
    public const string NotActivated = "Đồng chí chưa kích hoạt đăng nhập Ban Kiểm phiếu. Lần đầu: nhập mã kích hoạt trên phiếu Đoàn Chủ tịch trao và tự đặt mật khẩu Ban Kiểm phiếu.";
    public const string NoActivationCode = "Đồng chí chưa được cấp mã kích hoạt hoặc mã đã được dùng. Xin Đoàn Chủ tịch cấp mã kích hoạt mới.";
    public const string PassphraseNeeded = "Xin nhập mật khẩu Ban Kiểm phiếu của đồng chí: mã đại biểu và mã PIN thôi chưa đủ.";
    public const string AlreadyActivated = "Đồng chí đã kích hoạt rồi (mã kích hoạt chỉ dùng được một lần): đăng nhập bằng mật khẩu Ban Kiểm phiếu đã đặt.";
    public const string WrongActivation = "Mã kích hoạt không đúng. Xin kiểm tra phiếu kích hoạt và nhập lại.";
    public const string WrongPassphrase = "Mật khẩu Ban Kiểm phiếu không đúng.";
    public const string ContainsCode = "Mật khẩu Ban Kiểm phiếu không được chứa mã đại biểu.";

    /// <summary>
    /// Null: the member may sign in (and, the first time, their passphrase is now set). <paramref name="now"/>
    /// is the registered TimeProvider's, as for the PIN (the HallClock only shows times in the hall's zone).
    /// </summary>
    public async Task<ProblemHttpResult?> CheckAsync(CountingCommitteeMember member, CongressDelegate d, CommitteeSignInRequest request, DateTime now, CancellationToken ct)
    {
        if (member.SecretBackOffUntil is { } waiting && waiting > now)
        {
            return Waiting(waiting, now);
        }
        if (!string.IsNullOrWhiteSpace(request.ActivationCode))
        {
            return await ActivateAsync(member, d, request, now, ct);
        }
        if (member.PassphraseHash is null)
        {
            return member.ActivationHash is null ? Problems(NoActivationCode, false) : Problems(NotActivated, true);
        }
        if (string.IsNullOrEmpty(request.Passphrase))
        {
            return Problems(PassphraseNeeded, false);
        }
        if (!PasswordHasher.Verify(request.Passphrase, member.PassphraseHash))
        {
            return await WrongAsync(member, d, WrongPassphrase, now, ct);
        }
        return await throttle.SucceededAsync(member.Id, now, ct) ? null : Waiting(await throttle.WaitingUntilAsync(member.Id, now, ct), now);
    }

    private async Task<ProblemHttpResult?> ActivateAsync(CountingCommitteeMember member, CongressDelegate d, CommitteeSignInRequest request, DateTime now, CancellationToken ct)
    {
        if (member.PassphraseHash is not null)
        {
            return Problems(AlreadyActivated, false);
        }
        if (member.ActivationHash is not { } hash)
        {
            return Problems(NoActivationCode, false);
        }
        if (member.ActivationExpiresAt is { } expires && expires <= now)
        {
            return Problems($"Mã kích hoạt đã hết hạn lúc {clock.ShortTime(expires)}. Xin Đoàn Chủ tịch cấp mã kích hoạt mới.", false);
        }
        if (!ActivationCodes.Matches(request.ActivationCode!, hash))
        {
            return await WrongAsync(member, d, WrongActivation, now, ct);
        }
        // The PIN and the six-digit and length rules are the validator's; the code is known only now for a badge.
        if (request.NewPassphrase!.Contains(d.Code, StringComparison.OrdinalIgnoreCase))
        {
            return ElectionSystem.Server.Features.Shared.Problems.BadRequest(ContainsCode);
        }
        if (!await throttle.ActivateAsync(member.Id, hash, PasswordHasher.Hash(request.NewPassphrase), now, ct))
        {
            return Problems(NoActivationCode, false);
        }
        await audit.AppendAsync($"{d.Code} (committee member)", "committee.activated", $"delegate:{d.Code}");
        await db.SaveChangesAsync(ct);
        return null;
    }

    private async Task<ProblemHttpResult> WrongAsync(CountingCommitteeMember member, CongressDelegate d, string wrong, DateTime now, CancellationToken ct)
    {
        var counted = await throttle.FailedAsync(member.Id, now, ct);
        if (counted is null)
        {
            return Waiting(await throttle.WaitingUntilAsync(member.Id, now, ct), now);
        }
        if (counted.Until is { } until)
        {
            await audit.AppendAsync($"{d.Code} (committee member)", "committee.back-off", $"delegate:{d.Code}", new { failures = counted.Failures, until });
            await db.SaveChangesAsync(ct);
            return SignInBackOff.Wrong($"{wrong} Đã sai {counted.Failures} lần liên tiếp. {backOff.TryAgain(until, now)}", until);
        }
        return Problems(wrong, false);
    }

    private ProblemHttpResult Waiting(DateTime until, DateTime now) => SignInBackOff.Waiting(
        $"Đã nhập sai mật khẩu hoặc mã kích hoạt Ban Kiểm phiếu nhiều lần liên tiếp, đăng nhập đang phải chờ. {backOff.TryAgain(until, now)}", until);

    /// <summary>401; <c>activation</c>: true when the member should use the first-time form.</summary>
    private static ProblemHttpResult Problems(string detail, bool activation) => TypedResults.Problem(
        detail, statusCode: StatusCodes.Status401Unauthorized, title: "Chưa đăng nhập",
        extensions: new Dictionary<string, object?> { ["activation"] = activation });
}
