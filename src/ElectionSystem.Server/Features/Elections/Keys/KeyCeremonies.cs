using System.Security.Claims;
using System.Text.Json;
using ElectionSystem.Crypto;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Audit;
using ElectionSystem.Server.Features.Auth;
using ElectionSystem.Server.Features.Shared;
using ElectionSystem.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Elections;

/// <summary>
/// The key ceremony's steps (docs/verifiable-ballot.md, "Key ceremony API"): the presidium starts it
/// over the committee's list with k; each member, from their own member session, posts a box key,
/// then a dealing (k commitments, n sealed shares), fetches the shares sealed to them and posts its
/// verification. All verified without complaint → ready: pk and every K_j computed from the
/// commitments and stored. A complaint → failed (the complaint round of Pedersen's protocol, in
/// which the dealer would reveal the share, is left out: a new ceremony is started instead).
/// Every step runs under the rounds' gate, so a ceremony cannot change while a round is being opened.
/// </summary>
public sealed class KeyCeremonies(ElectionDbContext db, AuditLog audit, HallClock clock, RoundTransitions transitions)
{
    public const string NotAMember = "Chỉ thành viên Ban Kiểm phiếu có tên trong lễ tạo khóa, đăng nhập bằng mã đại biểu và mã PIN của chính mình tại /committee, làm bước này.";
    public const string NoCeremony = "Chưa có lễ tạo khóa: Đoàn Chủ tịch bắt đầu lễ tạo khóa trước.";

    public async Task<ProblemOr<CeremonyDto>> StartAsync(StartCeremonyRequest r, ClaimsPrincipal user, CancellationToken ct)
    {
        KeyCeremony ceremony;
        await using (await transitions.EnterAsync(db, ct))
        {
            if (await db.Set<EncryptedRound>().AnyAsync(ct))
                return Problems.Conflict("Đã mở lần bầu mã hóa bằng khóa của Ban Kiểm phiếu: không tạo khóa mới được nữa.");
            var members = await (from m in db.Set<CountingCommitteeMember>().AsNoTracking()
                                 join d in db.Delegates.AsNoTracking() on m.DelegateId equals d.Id
                                 orderby m.Order
                                 select new { d.Id, d.Code, d.FullName }).ToListAsync(ct);
            if (members.Count < 2)
                return Problems.Conflict("Ban Kiểm phiếu cần ít nhất 2 thành viên là đại biểu để tạo khóa chung.");
            if (r.K > members.Count)
                return Problems.BadRequest($"k: không thể cần {r.K} thành viên khi Ban Kiểm phiếu có {members.Count} thành viên (2 ≤ k ≤ {members.Count}).");
            var number = (await db.Set<KeyCeremony>().MaxAsync(c => (int?)c.Number, ct) ?? 0) + 1;
            ceremony = new KeyCeremony
            {
                Id = Guid.NewGuid(), Number = number, Threshold = r.K, Members = members.Count,
                StartedAt = clock.UtcNow, StartedBy = user.ActorName(),
            };
            db.Add(ceremony);
            for (var i = 0; i < members.Count; i++)
            {
                db.Add(new CeremonyMember { CeremonyId = ceremony.Id, Index = i + 1, DelegateId = members[i].Id, Code = members[i].Code, FullName = members[i].FullName });
            }
            await audit.AppendAsync(user, "ceremony.started", $"ceremony:{ceremony.Id}", new { k = r.K, n = members.Count, members = members.Select(m => m.Code) });
            await db.SaveChangesAsync(ct);
        }
        await transitions.CeremonyChangedAsync(ceremony.Id, ceremony.State);
        return await ViewAsync(user, ct);
    }

    public async Task<ProblemOr<CeremonyDto>> ViewAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (await CurrentAsync(db, ct) is not { } c) return Problems.NotFound(NoCeremony);
        var members = await MembersAsync(c.Id, ct);
        var me = CommitteeMemberClaims.MemberId(user) is { } id ? members.FirstOrDefault(m => m.DelegateId == id)?.Index : null;
        return new CeremonyDto(c.Id, c.State, c.Threshold, c.Members, c.PublicKey, c.Failure, me, members.Select(m => new CeremonyMemberDto(
            m.Index, m.Code, m.FullName, m.BoxKey, m.BoxKey is not null, m.Commitments is not null, m.Complaints is not null,
            m.VerificationKey, m.Complaints is null ? null : Ints(m.Complaints))).ToList());
    }

    public Task<ProblemOr<CeremonyDto>> PostBoxKeyAsync(BoxKeyRequest r, ClaimsPrincipal user, CancellationToken ct) =>
        StepAsync(user, CeremonyStates.Keys, "ceremony.box-key", ct, (c, me, all) =>
        {
            if (me.BoxKey is not null) return Refusal.Conflict("Đồng chí đã gửi khóa công khai cho lễ tạo khóa này.");
            me.BoxKey = r.PublicKey;
            if (all.All(m => m.BoxKey is not null)) c.State = CeremonyStates.Dealing;
            return null;
        });

    public Task<ProblemOr<CeremonyDto>> PostDealingAsync(DealingRequest r, ClaimsPrincipal user, CancellationToken ct) =>
        StepAsync(user, CeremonyStates.Dealing, "ceremony.dealt", ct, (c, me, all) =>
        {
            if (me.Commitments is not null) return Refusal.Conflict("Đồng chí đã chia khóa trong lễ tạo khóa này.");
            if (r.Commitments.Count != c.Threshold) return Refusal.Bad($"commitments: cần đúng k = {c.Threshold} cam kết, không phải {r.Commitments.Count}.");
            for (var l = 0; l < r.Commitments.Count; l++)
            {
                try { Group.DecodeElement(r.Commitments[l]); }
                catch (FormatException e) { return Refusal.Bad($"commitments[{l}]: không phải phần tử của nhóm ristretto255 ({e.Message})"); }
            }
            var to = r.Shares.Select(s => s.To).Order().ToList();
            if (!to.SequenceEqual(Enumerable.Range(1, c.Members)))
                return Refusal.Bad($"shares: cần đúng một phần khóa cho mỗi thành viên 1…{c.Members}.");
            me.Commitments = JsonSerializer.Serialize(r.Commitments);
            me.SealedShares = JsonSerializer.Serialize(r.Shares.OrderBy(s => s.To).Select(s => s.Sealed));
            if (all.All(m => m.Commitments is not null)) c.State = CeremonyStates.Verifying;
            return null;
        });

    public Task<ProblemOr<CeremonyDto>> PostVerificationAsync(VerificationRequest r, ClaimsPrincipal user, CancellationToken ct) =>
        StepAsync(user, CeremonyStates.Verifying, "ceremony.verified", ct, (c, me, all) =>
        {
            if (me.Complaints is not null) return Refusal.Conflict("Đồng chí đã gửi kết quả kiểm tra phần khóa.");
            var complaints = r.Complaints.Distinct().Order().ToList();
            if (complaints.Where(i => i < 1 || i > c.Members || i == me.Index).Select(i => (int?)i).FirstOrDefault() is { } bad)
                return Refusal.Bad($"complaints: {bad} không phải người chia khóa nào khác (1…{c.Members}).");
            me.Complaints = JsonSerializer.Serialize(complaints);
            if (complaints.Count > 0)
            {
                c.State = CeremonyStates.Failed;
                c.Failure = $"Thành viên {me.Index} ({me.FullName}) báo phần khóa sai từ: " +
                    string.Join(", ", complaints.Select(i => $"{i} ({all.First(m => m.Index == i).FullName})")) +
                    ". Đoàn Chủ tịch cần bắt đầu lễ tạo khóa mới.";
            }
            else if (all.All(m => m.Complaints is not null))
            {
                var commitments = all.OrderBy(m => m.Index).Select(m => Strings(m.Commitments!).Select(Group.DecodeElement).ToList()).ToList();
                c.PublicKey = Group.EncodeElement(ThresholdKey.JointPublicKey(commitments));
                foreach (var m in all) m.VerificationKey = Group.EncodeElement(ThresholdKey.VerificationKey(commitments, m.Index));
                c.State = CeremonyStates.Ready;
            }
            return null;
        });

    /// <summary>The shares sealed to the calling member, each with its dealer's commitments.</summary>
    public async Task<ProblemOr<SharesForMemberDto>> SharesAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (await CurrentAsync(db, ct) is not { } c) return Problems.NotFound(NoCeremony);
        var members = await MembersAsync(c.Id, ct);
        if (Me(user, members) is not { } me) return Problems.Forbidden(NotAMember);
        if (c.State is CeremonyStates.Keys or CeremonyStates.Dealing)
            return Problems.Conflict("Chưa đủ các thành viên chia khóa: nhận phần khóa sau khi mọi thành viên đã chia.");
        return new SharesForMemberDto(me.Index, c.Threshold, members.OrderBy(m => m.Index)
            .Select(m => new ShareForMember(m.Index, Strings(m.Commitments!), Strings(m.SealedShares!)[me.Index - 1])).ToList());
    }

    /// <summary>The latest ceremony (the current one), or null.</summary>
    public static Task<KeyCeremony?> CurrentAsync(ElectionDbContext db, CancellationToken ct) =>
        db.Set<KeyCeremony>().AsNoTracking().OrderByDescending(c => c.Number).FirstOrDefaultAsync(ct);

    private Task<List<CeremonyMember>> MembersAsync(Guid ceremonyId, CancellationToken ct) =>
        db.Set<CeremonyMember>().AsNoTracking().Where(m => m.CeremonyId == ceremonyId).OrderBy(m => m.Index).ToListAsync(ct);

    private static CeremonyMember? Me(ClaimsPrincipal user, IEnumerable<CeremonyMember> members) =>
        CommitteeMemberClaims.MemberId(user) is { } id ? members.FirstOrDefault(m => m.DelegateId == id) : null;

    /// <summary>One member's step in state <paramref name="state"/>: change (or a refusal in words), audit, one save.</summary>
    private async Task<ProblemOr<CeremonyDto>> StepAsync(ClaimsPrincipal user, string state, string action, CancellationToken ct,
        Func<KeyCeremony, CeremonyMember, List<CeremonyMember>, Refusal?> change)
    {
        KeyCeremony c;
        await using (await transitions.EnterAsync(db, ct))
        {
            var current = await CurrentAsync(db, ct);
            if (current is null) return Problems.NotFound(NoCeremony);
            c = await db.Set<KeyCeremony>().FirstAsync(x => x.Id == current.Id, ct);
            var all = await db.Set<CeremonyMember>().Where(m => m.CeremonyId == c.Id).ToListAsync(ct);
            if (Me(user, all) is not { } me) return Problems.Forbidden(NotAMember);
            if (c.State != state) return Problems.Conflict(StateProblem(c.State));
            if (change(c, me, all) is { } refused)
                return refused.BadInput ? Problems.BadRequest(refused.Detail) : Problems.Conflict(refused.Detail);
            await audit.AppendAsync(user, action, $"ceremony:{c.Id}", new { member = me.Index, state = c.State, c.PublicKey, c.Failure });
            await db.SaveChangesAsync(ct);
        }
        await transitions.CeremonyChangedAsync(c.Id, c.State);
        return await ViewAsync(user, ct);
    }

    private static string StateProblem(string state) => state switch
    {
        CeremonyStates.Keys => "Lễ tạo khóa đang chờ các thành viên gửi khóa công khai.",
        CeremonyStates.Dealing => "Lễ tạo khóa đang ở bước chia khóa.",
        CeremonyStates.Verifying => "Lễ tạo khóa đang ở bước kiểm tra phần khóa.",
        CeremonyStates.Ready => "Lễ tạo khóa đã hoàn tất.",
        _ => "Lễ tạo khóa này đã thất bại: Đoàn Chủ tịch cần bắt đầu lễ tạo khóa mới.",
    };

    internal static List<string> Strings(string json) => JsonSerializer.Deserialize<List<string>>(json)!;

    /// <summary>Why a step is refused: bad input (400) or a conflict with what is stored (409).</summary>
    private sealed record Refusal(string Detail, bool BadInput)
    {
        public static Refusal Bad(string detail) => new(detail, true);

        public static Refusal Conflict(string detail) => new(detail, false);
    }

    private static List<int> Ints(string json) => JsonSerializer.Deserialize<List<int>>(json)!;
}
