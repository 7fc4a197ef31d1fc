using System.Security.Claims;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.Shared;

namespace ElectionSystem.Server.Features.PaperEntry;

/// <summary>
/// Who does what at the committee's paper desk (ADR 0010, "The paper desk is the members'"). A ruling
/// on a disputed or disagreeing ballot changes the count, and completion puts the paper into it: both
/// are the decision of Ban Kiểm phiếu's members — delegates the congress elected, each in their own
/// member session (the test <see cref="TallyAccess"/> uses: the <see cref="CommitteeMemberClaims"/>
/// claim, and the delegate still on the list). A staff account with the counting-committee role is
/// the organiser's making: it may open the paper entry, record the paper ballots handed out, add
/// bundles and follow the stations' progress (counts of ballots, agreed and disagreeing), but before
/// the announcement it reads no ballot's contents and decides nothing (403 <see cref="MembersOnly"/>).
/// </summary>
public static class PaperDeskAccess
{
    public const string MembersOnly =
        "Chỉ thành viên Ban Kiểm phiếu (đăng nhập bằng thẻ đại biểu, mã PIN và mật khẩu Ban Kiểm phiếu) mới được xem nội dung phiếu chênh lệch, "
        + "kết luận phiếu và hoàn tất nhập phiếu giấy. Tài khoản Ban Kiểm phiếu chỉ mở nhập phiếu giấy, ghi số phiếu phát ra, thêm tập phiếu và theo dõi tiến độ nhập.";

    /// <summary>The member who decides, as the round's confirmations name them ("Họ tên (mã)"); 403 for anyone else.</summary>
    public static async Task<ProblemOr<string>> DecidingMemberAsync(ElectionDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
        await CountingCommitteeMembers.DecidingMemberAsync(db, user, ct) is { } member ? member : Problems.Forbidden(MembersOnly);

    /// <summary>
    /// The status as this reader may see it: a member sees everything and may decide; after the
    /// announcement everyone allowed the desk reads the contents; before it a staff account gets the
    /// progress without the disagreements' and overrides' contents.
    /// </summary>
    public static PaperStatusDto For(PaperStatusDto status, ClaimsPrincipal user)
    {
        if (TallyAccess.IsMemberSession(user)) return status with { ContentsShown = true, MayDecide = true };
        return TallyAccess.MaySee(status.RoundState, user)
            ? status with { ContentsShown = true, MayDecide = false }
            : status with { Disagreements = [], Overrides = [], ContentsShown = false, MayDecide = false };
    }

    public static ProblemOr<PaperStatusDto> For(ProblemOr<PaperStatusDto> status, ClaimsPrincipal user) =>
        status.Value is { } v ? For(v, user) : status;
}
