using System.Globalization;
using ElectionSystem.Domain.Elections;

namespace ElectionSystem.Server.Features.PaperEntry;

/// <summary>
/// What an operator types for one paper ballot, and back. Numbers are the STT printed on the
/// ballot (Domain's ballot order, 1-based), so operators never see an id.
/// <list type="bullet">
/// <item>List with surplus: the numbers of the struck names, e.g. <c>3 17 22 41 48</c>; <c>0</c> = nothing struck.</item>
/// <item>List without surplus (and one candidate): the numbers of rows marked "không đồng ý";
/// <c>-5</c> row 5 left blank, <c>*5</c> both boxes marked; every other row is "đồng ý"; <c>0</c> = all "đồng ý".</item>
/// <item>Invalid for a reason the marks do not show: <c>/t</c> ghi thêm tên, <c>/d</c> đánh dấu,
/// <c>/k</c> không có dấu Ban Kiểm phiếu (keys F2, F3, F4 on the station); <c>/x</c> other — the committee only.</item>
/// </list>
/// Separators: space, comma, dot or plus (all on a numeric keypad). Order and repeats do not
/// matter: entries are compared in their canonical form.
/// </summary>
public static class EntryText
{
    public const string AddedName = "/t";
    public const string IdentifyingMark = "/d";
    public const string NotIssued = "/k";
    public const string Other = "/x";

    private static readonly char[] Separators = [' ', ',', '.', '+', '\t'];

    public sealed record Parsed(BallotContent? Content, string? Error);

    public static Parsed Parse(string? text, ElectionRound round, bool committee = false)
    {
        var t = (text ?? "").Trim().ToLowerInvariant();
        if (t.Length == 0)
        {
            return Fail(round.ListKind.UsesStrikeOut()
                ? "Chưa gõ gì: gõ số thứ tự các tên bị gạch rồi Enter; phiếu không gạch tên nào thì gõ 0."
                : "Chưa gõ gì: gõ số thứ tự các dòng \"không đồng ý\" rồi Enter; đồng ý tất cả thì gõ 0.");
        }
        if (t.StartsWith('/'))
        {
            return t switch
            {
                AddedName => new(new BallotContent.PaperInvalid(InvalidReason.AddedName), null),
                IdentifyingMark => new(new BallotContent.PaperInvalid(InvalidReason.IdentifyingMark), null),
                NotIssued => new(new BallotContent.PaperInvalid(InvalidReason.NotIssued), null),
                Other when committee => new(new BallotContent.PaperInvalid(InvalidReason.Other), null),
                _ => Fail($"Mã \"{t}\" không có: /t ghi thêm tên (F2), /d đánh dấu (F3), /k không có dấu Ban Kiểm phiếu (F4)"
                    + (committee ? ", /x lý do khác." : ".")),
            };
        }

        var n = round.InBallotOrder.Count;
        var strike = round.ListKind.UsesStrikeOut();
        var rows = new Dictionary<int, Mark>();
        var zero = false;
        foreach (var token in t.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var prefix = token[0] is '-' or '*' ? token[0] : '\0';
            var digits = prefix == '\0' ? token : token[1..];
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var stt))
            {
                return Fail($"\"{token}\" không phải số thứ tự trên phiếu.");
            }
            if (stt == 0 && prefix == '\0')
            {
                zero = true;
                continue;
            }
            if (stt < 1 || stt > n)
            {
                return Fail($"Số {stt} không có trên phiếu: phiếu có {n} tên (số 1 đến {n}).");
            }
            if (prefix != '\0' && strike)
            {
                return Fail($"\"{token}\": phiếu có số dư chỉ gõ số thứ tự các tên bị gạch.");
            }
            var mark = prefix switch { '-' => Mark.None, '*' => Mark.Both, _ => Mark.Disagree };
            if (rows.TryGetValue(stt, out var before) && before != mark)
            {
                return Fail($"Dòng {stt} được gõ hai cách khác nhau.");
            }
            rows[stt] = mark;
        }
        if (zero && rows.Count > 0)
        {
            return Fail("Số 0 nghĩa là " + (strike ? "không gạch tên nào" : "đồng ý tất cả") + ": không gõ cùng số khác.");
        }
        if (strike)
        {
            return new(new BallotContent.Struck(rows.Keys.Order().Select(stt => round.InBallotOrder[stt - 1].Id).ToList()), null);
        }
        var marks = new Dictionary<string, Mark>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            marks[round.InBallotOrder[i].Id] = rows.TryGetValue(i + 1, out var m) ? m : Mark.Agree;
        }
        return new(new BallotContent.Marks(marks), null);
    }

    /// <summary>The canonical typed form of a content: what every station would have typed.</summary>
    public static string Format(BallotContent content, ElectionRound round)
    {
        var stt = round.InBallotOrder.Select((c, i) => (c.Id, Stt: i + 1)).ToDictionary(x => x.Id, x => x.Stt, StringComparer.Ordinal);
        switch (content)
        {
            case BallotContent.PaperInvalid p:
                return p.Reason switch
                {
                    InvalidReason.AddedName => AddedName,
                    InvalidReason.IdentifyingMark => IdentifyingMark,
                    InvalidReason.NotIssued => NotIssued,
                    _ => Other,
                };
            case BallotContent.Struck s:
                var numbers = s.Ids.Where(stt.ContainsKey).Select(id => stt[id]).Distinct().Order().ToList();
                return numbers.Count == 0 ? "0" : string.Join(' ', numbers);
            case BallotContent.Marks m:
                var parts = round.InBallotOrder.Select((c, i) => (Mark: m.Of(c.Id), Stt: i + 1))
                    .Where(x => x.Mark != Mark.Agree)
                    .Select(x => x.Mark switch { Mark.Disagree => $"{x.Stt}", Mark.None => $"-{x.Stt}", _ => $"*{x.Stt}" })
                    .ToList();
                return parts.Count == 0 ? "0" : string.Join(' ', parts);
            default:
                throw new ArgumentOutOfRangeException(nameof(content));
        }
    }

    /// <summary>A short Vietnamese reading of an entry, for the station and the committee.</summary>
    public static string Describe(BallotContent content) => content switch
    {
        BallotContent.PaperInvalid p => "Không hợp lệ: " + p.Reason.ExplainVi(),
        BallotContent.Struck s => s.Ids.Count == 0 ? "Không gạch tên nào" : $"Gạch {s.Ids.Count} tên",
        BallotContent.Marks m => m.ByCandidate.Values.Count(x => x == Mark.Disagree) is var d and > 0
            ? $"{d} dòng không đồng ý" + Extra(m) : "Đồng ý tất cả" + Extra(m),
        _ => "",
    };

    private static string Extra(BallotContent.Marks m)
    {
        var none = m.ByCandidate.Values.Count(x => x == Mark.None);
        var both = m.ByCandidate.Values.Count(x => x == Mark.Both);
        return (none > 0 ? $", {none} dòng bỏ trống" : "") + (both > 0 ? $", {both} dòng đánh cả hai ô" : "");
    }

    private static Parsed Fail(string message) => new(null, message);
}
