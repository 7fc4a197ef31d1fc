using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ElectionSystem.Server.Data;
using ElectionSystem.Server.Features.Elections;
using ElectionSystem.Server.Features.Shared;
using ElectionSystem.Server.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ElectionSystem.Server.Features.Minutes;

/// <summary>
/// Kết quả bầu cử: the combined result of an election across its announced rounds (issue 11) — who
/// was elected in which round, the rounds, the seats left vacant — printed and as .docx, from
/// <see cref="ElectionOutcome"/> (each round's stored count, never a recount).
/// </summary>
public sealed record OutcomeModel(
    string BodyName, string CongressLine, string PlaceAndDate, string Title, string Subtitle, string CongressName,
    string SeatsLine, IReadOnlyList<OutcomeElectedRow> Elected, IReadOnlyList<string> RoundLines, string? VacancyLine, string? PendingLine)
{
    public const string Heading = "KẾT QUẢ BẦU CỬ";
}

public sealed record OutcomeElectedRow(int Number, string FullName, string RoundLabel, int Votes, string Percent);

public sealed class OutcomeBuilder(ElectionDbContext db, HallClock clock, ElectionOutcome outcome)
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public async Task<ProblemOr<OutcomeModel>> BuildAsync(Guid electionId, CancellationToken ct)
    {
        var built = await outcome.ForElectionAsync(electionId, ct);
        if (built.Problem is { } problem) return problem;
        var o = built.Value!;
        var congress = await db.Congresses.AsNoTracking().FirstOrDefaultAsync(ct) ?? new Congress();
        var now = clock.ToHall(clock.UtcNow);
        var place = string.IsNullOrWhiteSpace(congress.Place) ? "……" : congress.Place;
        var body = string.IsNullOrWhiteSpace(congress.BodyName) ? "ĐẢNG BỘ ……" : congress.BodyName.ToUpper(Vi);
        var seats = $"Số lượng cần bầu: {MinutesBuilder.N(o.Seats)}" + (o.AlternateSeats > 0 ? $"; dự khuyết: {MinutesBuilder.N(o.AlternateSeats)}" : "") + ".";
        var rounds = o.Rounds.Select(r => $"{r.RoundLabel} ({MinutesBuilder.N(r.Seats)} chỗ): trúng cử {MinutesBuilder.N(r.ElectedCount)}"
            + (r.TieStatementVi is null ? "" : "; " + r.TieStatementVi)
            + (r.Vacant > 0 ? $"; còn thiếu {MinutesBuilder.N(r.Vacant)}" : "") + ".").ToList();
        var elected = o.Elected.Select(e => new OutcomeElectedRow(e.Rank, e.FullName, e.RoundLabel, e.Votes, e.PercentVi)).ToList();
        return new OutcomeModel(body, CongressHeading.Line(congress.Ordinal), $"{place}, ngày {now.Day:00} tháng {now.Month:00} năm {now.Year}",
            OutcomeModel.Heading, o.ElectionTitle, congress.Name, seats, elected, rounds,
            o.VacancyStatementVi is null ? null : o.VacancyStatementVi + ".",
            o.Pending || o.TieSeatsPending > 0 ? "Cuộc bầu cử còn lần bầu chưa công bố kết quả." : null);
    }

    public static byte[] Docx(OutcomeModel m)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            body.Append(MinutesDocx.TwoColumns(
                [MinutesDocx.P(m.BodyName, center: true), MinutesDocx.P(m.CongressLine, center: true), MinutesDocx.P("*", center: true)],
                [MinutesDocx.P(MinutesModel.Party, center: true, bold: true, underline: true), MinutesDocx.P(m.PlaceAndDate, center: true, italic: true)]));
            body.Append(MinutesDocx.P(""));
            body.Append(MinutesDocx.P(m.Title, center: true, bold: true, size: "30"));
            body.Append(MinutesDocx.P(m.Subtitle, center: true, bold: true));
            body.Append(MinutesDocx.P(m.CongressName));
            body.Append(MinutesDocx.P(m.SeatsLine));
            body.Append(MinutesDocx.P("Các lần bầu:", bold: true));
            foreach (var line in m.RoundLines) body.Append(MinutesDocx.P("– " + line));
            body.Append(MinutesDocx.P("Những người trúng cử:", bold: true));
            var rows = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
            rows.Append(new TableRow(new[] { "TT", "Họ và tên", "Lần bầu", "Số phiếu", "Tỷ lệ" }.Select(h => new TableCell(MinutesDocx.P(h, center: true, bold: true)))));
            foreach (var e in m.Elected)
            {
                rows.Append(new TableRow(
                    new TableCell(MinutesDocx.P(e.Number.ToString(CultureInfo.InvariantCulture), center: true)), new TableCell(MinutesDocx.P(e.FullName)),
                    new TableCell(MinutesDocx.P(e.RoundLabel)), new TableCell(MinutesDocx.P(MinutesBuilder.N(e.Votes), center: true)),
                    new TableCell(MinutesDocx.P(e.Percent, center: true))));
            }
            body.Append(rows);
            if (m.VacancyLine is not null) body.Append(MinutesDocx.P(m.VacancyLine, bold: true));
            if (m.PendingLine is not null) body.Append(MinutesDocx.P(m.PendingLine, italic: true));
            body.Append(new SectionProperties(new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 1134U, Header = 720U, Footer = 720U, Gutter = 0U }));
            main.Document.Save();
        }
        return stream.ToArray();
    }
}
