using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ElectionSystem.Server.Features.Minutes;

/// <summary>
/// The minutes as a Word document (A4, Times New Roman 13 pt), laid out as Party documents are:
/// the body top left, "ĐẢNG CỘNG SẢN VIỆT NAM" top right underlined with the place and date in
/// italics, the bold centred title, the figures, the tables, the signature block.
/// </summary>
public static class MinutesDocx
{
    private const string Font = "Times New Roman";
    private const string Size = "26"; // half-points: 13 pt

    public static byte[] Write(MinutesModel m)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);

            body.Append(TwoColumns(
                [P(m.BodyName, center: true), P(m.CongressLine, center: true), P(m.CommitteeLine, center: true, bold: true), P("*", center: true)],
                [P(MinutesModel.Party, center: true, bold: true, underline: true), P(m.PlaceAndDate, center: true, italic: true)]));
            body.Append(P(""));
            body.Append(P(m.Title, center: true, bold: true, size: "30"));
            body.Append(P(m.Subtitle, center: true, bold: true));
            body.Append(P(m.RoundLine, center: true, italic: true));
            body.Append(P(""));
            body.Append(P(m.CongressName));
            body.Append(P(m.HeldAt));
            body.Append(P(m.SeatsLine));
            body.Append(P("Ban Kiểm phiếu gồm các đồng chí:", bold: true));
            foreach (var member in m.Members) body.Append(P("– " + member));
            body.Append(P("I. Đại biểu", bold: true));
            foreach (var (label, value) in m.Attendance) body.Append(P($"{label}: {value}"));
            body.Append(P("II. Kết quả kiểm phiếu", bold: true));
            foreach (var (label, value) in m.Ballots) body.Append(P($"{label}: {value}"));
            foreach (var (label, value) in m.InvalidByReason) body.Append(P($"{label}: {value}"));
            body.Append(P("III. Số phiếu bầu cho từng người (theo thứ tự trong danh sách bầu cử)", bold: true));
            body.Append(Table(["STT", "Họ và tên", "Số phiếu", "Tỷ lệ"], m.Candidates));
            body.Append(P("IV. " + m.ElectedHeading, bold: true));
            if (m.Elected.Count == 0) body.Append(P("Không có ai."));
            else body.Append(Table(["TT", "Họ và tên", "Số phiếu", "Tỷ lệ"], m.Elected));
            if (m.TieLine is not null) body.Append(P(m.TieLine, bold: true));
            if (m.VacancyLine is not null) body.Append(P(m.VacancyLine, bold: true));
            body.Append(P(m.Settings, italic: true));
            body.Append(P(m.RecordLine, italic: true));
            body.Append(P(m.AdoptedLine));
            body.Append(P(""));
            body.Append(TwoColumns(
                [P(MinutesModel.MembersBlock, center: true, bold: true), P(""), P(""), .. m.OtherMembers.Select(n => P(n, center: true))],
                [P(MinutesModel.ChairBlock, center: true, bold: true), P(MinutesModel.ChairTitle, center: true, bold: true), P(""), P(""), P(m.ChairName, center: true)]));

            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1701U, Right = 1134U, Header = 720U, Footer = 720U, Gutter = 0U }));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    internal static Paragraph P(string text, bool center = false, bool bold = false, bool italic = false, bool underline = false, string size = Size)
    {
        var props = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font }, new FontSize { Val = size });
        if (bold) props.Append(new Bold());
        if (italic) props.Append(new Italic());
        if (underline) props.Append(new Underline { Val = UnderlineValues.Single });
        var paragraph = new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "60" }, new Justification { Val = center ? JustificationValues.Center : JustificationValues.Both }));
        paragraph.Append(new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    internal static Table TwoColumns(IEnumerable<Paragraph> left, IEnumerable<Paragraph> right)
    {
        var table = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }));
        var row = new TableRow();
        var l = new TableCell(new TableCellProperties(new TableCellWidth { Width = "2400", Type = TableWidthUnitValues.Pct }));
        l.Append(left);
        var r = new TableCell(new TableCellProperties(new TableCellWidth { Width = "2600", Type = TableWidthUnitValues.Pct }));
        r.Append(right);
        row.Append(l, r);
        table.Append(row);
        return table;
    }

    internal static Table Table(string[] headings, IReadOnlyList<MinutesCandidate> rows)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, border));
        table.Append(new TableRow(headings.Select(h => new TableCell(P(h, center: true, bold: true)))));
        foreach (var c in rows)
        {
            table.Append(new TableRow(
                new TableCell(P(c.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), center: true)),
                new TableCell(P(c.FullName)),
                new TableCell(P(MinutesBuilder.N(c.Votes), center: true)),
                new TableCell(P(c.Percent, center: true))));
        }
        return table;
    }
}
