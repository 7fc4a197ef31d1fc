using System.Globalization;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.Shared;
using ElectionSystem.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Minutes;

/// <summary>
/// Biên bản kiểm phiếu of one round: every field of DOMAIN.md §5, in the words printed, built once
/// from the round's exported record (so its figures are the recount's) and rendered both as the
/// printable page and as the .docx.
/// </summary>
public sealed record MinutesModel(
    string BodyName,
    string CongressLine,
    string CommitteeLine,
    string PlaceAndDate,
    string Title,
    string Subtitle,
    string RoundLine,
    string CongressName,
    string HeldAt,
    string SeatsLine,
    IReadOnlyList<string> Members,
    IReadOnlyList<(string Label, string Value)> Attendance,
    IReadOnlyList<(string Label, string Value)> Ballots,
    IReadOnlyList<(string Label, string Value)> InvalidByReason,
    IReadOnlyList<MinutesCandidate> Candidates,
    IReadOnlyList<MinutesCandidate> Elected,
    string ElectedHeading,
    string? TieLine,
    string? VacancyLine,
    string Settings,
    string RecordLine,
    string AdoptedLine,
    string ChairName,
    IReadOnlyList<string> OtherMembers)
{
    public const string Party = "ĐẢNG CỘNG SẢN VIỆT NAM";
    public const string Heading = "BIÊN BẢN KIỂM PHIẾU";
    public const string ChairBlock = "T/M BAN KIỂM PHIẾU";
    public const string ChairTitle = "TRƯỞNG BAN";
    public const string MembersBlock = "CÁC THÀNH VIÊN";
}

public sealed record MinutesCandidate(int Number, string FullName, int Votes, string Percent);

public sealed class MinutesBuilder(ElectionDbContext db, HallClock clock, RoundCounts counts)
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public const string NotCounted = "Biên bản kiểm phiếu có sau khi đóng lần bầu (hoặc không có lần bầu này).";

    public static string N(int n) => n.ToString("#,0", Vi);

    /// <summary>The minutes of a counted round; before its announcement, for the counting committee only (<see cref="TallyAccess"/>).</summary>
    public async Task<ProblemOr<MinutesModel>> BuildAsync(Guid roundId, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        var round = await db.Set<ElectionRoundRow>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round?.RecordJson is null) return Problems.NotFound(NotCounted);
        if (!TallyAccess.MaySee(round.State, user)) return TallyAccess.NotAnnounced();
        var election = await db.Set<Election>().AsNoTracking().FirstAsync(e => e.Id == round.ElectionId, ct);
        var congress = await db.Congresses.AsNoTracking().FirstOrDefaultAsync(ct) ?? new Congress();
        var members = await db.Set<CountingCommitteeMember>().AsNoTracking().OrderBy(m => m.Order).ToListAsync(ct);
        var counted = counts.Read(round);
        var (record, result) = (counted.Record, counted.Result);
        var dto = ResultView.From(round, election, counted);
        var poll = record.Election.Kind == ElectionKind.NominationPoll;
        var rules = record.Rules;

        var held = clock.ToHall(round.ClosedAt ?? clock.UtcNow);
        var opened = clock.ToHall(round.OpenedAt ?? round.ClosedAt ?? clock.UtcNow);
        var place = string.IsNullOrWhiteSpace(congress.Place) ? "……" : congress.Place;
        var dateLine = $"{place}, ngày {held.Day:00} tháng {held.Month:00} năm {held.Year}";
        var body = string.IsNullOrWhiteSpace(congress.BodyName) ? "ĐẢNG BỘ ……" : congress.BodyName.ToUpper(Vi);
        var congressLine = CongressHeading.Line(congress.Ordinal);

        var absent = record.Congress.Summoned - round.Present;
        var attendance = new List<(string, string)>
        {
            ("Số đại biểu chính thức được triệu tập", N(record.Congress.Summoned)),
            ("Số đại biểu có mặt khi bỏ phiếu", N(round.Present)),
            ("Số đại biểu vắng mặt", N(Math.Max(0, absent))),
            ("Ủy viên cấp ủy triệu tập vắng mặt cả đại hội (không tính)", N(record.Congress.AbsentCommitteeMembers)),
            ("Đại biểu vắng mặt cả đại hội không có dự khuyết thay thế (không tính)", N(record.Congress.AbsentWithoutAlternate)),
            (poll ? "Căn cứ tính tỷ lệ: số đại biểu có mặt" : "Tổng số đại biểu (làm căn cứ tính tỷ lệ)", N(poll ? round.Present : result.Base)),
        };
        var ballots = new List<(string, string)>
        {
            ("Số phiếu phát ra", N(result.Issued)),
            ("Số phiếu thu vào", N(result.Collected)),
            ("Số phiếu hợp lệ", N(result.Valid)),
            ("Số phiếu không hợp lệ", N(result.InvalidTotal)),
        };
        var invalid = dto.InvalidByReason.Select(i => ("– " + i.LabelVi, N(i.Count))).ToList();
        var candidates = dto.Candidates.Select(c => new MinutesCandidate(c.Stt, c.FullName, c.Votes, c.PercentVi)).ToList();
        var elected = dto.Elected.Select(e => new MinutesCandidate(e.Rank, e.FullName, e.Votes, e.PercentVi)).ToList();
        var electedHeading = poll
            ? "Những người được quá 30% số đại biểu có mặt đồng ý đưa vào danh sách bầu cử (theo thứ tự số phiếu):"
            : "Những người trúng cử (theo thứ tự số phiếu, được quá một nửa tổng số đại biểu):";
        var settings = $"Quy định áp dụng: tỷ lệ phần trăm tính trên {(poll ? "số đại biểu có mặt" : "tổng số đại biểu")}, lấy {rules.PercentDecimals} chữ số thập phân, "
            + (rules.PercentRounding == PercentRounding.HalfUp ? "làm tròn lên từ 5" : "làm tròn về số chẵn")
            + "; bằng phiếu ở chỗ cuối: bầu lại trong số những người bằng phiếu"
            + "; người trùng họ tên xếp theo ngày sinh " + (rules.BirthDateOrder == Domain.Names.BirthDateOrder.EarlierFirst ? "sớm hơn trước" : "muộn hơn trước") + ".";
        var adopted = round.SecondConfirmedAt is { } at
            ? $"Biên bản được Ban Kiểm phiếu thông qua lúc {clock.ToHall(at):HH:mm} ngày {clock.ToHall(at):dd/MM/yyyy}."
            : "Biên bản chưa được Ban Kiểm phiếu thông qua (chưa đủ hai thành viên xác nhận).";
        var chair = members.FirstOrDefault(m => m.IsChair)?.FullName ?? "";
        var seatsLine = poll
            ? "Lấy phiếu xin ý kiến giới thiệu người ứng cử (được đưa vào danh sách khi quá 30% số đại biểu có mặt đồng ý)."
            : $"Số lượng cần bầu: {N(round.Seats)}" + (election.SeatsSetByVote is { } v && round.Number == 1 && round.Purpose == RoundPurposes.Main
                ? $" (do đại hội biểu quyết: {v})" : round.Purpose == RoundPurposes.Main ? "" : " (số còn lại)") + ".";
        return new MinutesModel(
            body, congressLine, "BAN KIỂM PHIẾU", dateLine, MinutesModel.Heading, election.Title,
            RoundWords.Label(round),
            congress.Name,
            $"Bỏ phiếu từ {opened:HH:mm} đến {held:HH:mm} ngày {held:dd/MM/yyyy}.",
            seatsLine,
            members.Select(m => m.FullName + (m.IsChair ? " — Trưởng ban" : "")).ToList(),
            attendance, ballots, invalid, candidates, elected, electedHeading,
            dto.TieStatementVi is null ? null : dto.TieStatementVi + ".",
            dto.VacancyStatementVi is null ? null : dto.VacancyStatementVi + ".",
            settings,
            $"Biên bản điện tử (election-record/1), SHA-256: {round.RecordSha256}",
            adopted, chair, members.Where(m => !m.IsChair).Select(m => m.FullName).ToList());
    }
}
