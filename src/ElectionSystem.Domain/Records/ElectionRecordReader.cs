using System.Globalization;
using System.Text.Json;
using ElectionSystem.Domain.Elections;

namespace ElectionSystem.Domain.Records;

/// <summary>
/// Reads <c>election-record/1</c> strictly (FORMAT.md "Well-formed"). A malformed record is
/// refused, never counted by guesswork: the result names the field path of the first problem.
/// Unknown extra properties are tolerated, so a later exporter may add information.
/// </summary>
/// <remarks>
/// Decisions where FORMAT.md is silent, each chosen so that a record means one thing only:
/// <list type="bullet">
/// <item>Every field of the example record is required except <c>birthDate</c>, <c>delegation</c>,
/// <c>present</c> (required for a nomination poll) and <c>seats</c> of a nomination poll, which is ignored.</item>
/// <item>A ballot's shape must match the list: <c>struck</c> on a list with surplus, <c>marks</c> on a list
/// without surplus and on a nomination poll. A ballot of the other shape is refused as missing its
/// required field: reading "agree" as "kept" would be the tool guessing what a voter did.</item>
/// <item>A property that appears twice in one object is refused: the record would say two things.</item>
/// <item>A count such as <c>5.0</c> is an integer; <c>5.5</c> and <c>"5"</c> are not.</item>
/// <item><c>round</c> is a positive integer; <c>percentDecimals</c> an integer from 0 to 28.</item>
/// <item>An optional field given as <c>null</c> is absent.</item>
/// <item>An id struck twice on one ballot is struck once.</item>
/// </list>
/// </remarks>
public static partial class ElectionRecordReader
{
    public const int MaxPercentDecimals = 28;

    public static RecordReading Read(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, Options);
            return Read(doc.RootElement);
        }
        catch (JsonException e)
        {
            return new RecordReading(null, new MalformedRecord("$", $"not JSON ({OneLine(e.Message)})"));
        }
    }

    public static RecordReading Read(Stream utf8Json)
    {
        try
        {
            using var doc = JsonDocument.Parse(utf8Json, Options);
            return Read(doc.RootElement);
        }
        catch (JsonException e)
        {
            return new RecordReading(null, new MalformedRecord("$", $"not JSON ({OneLine(e.Message)})"));
        }
    }

    public static RecordReading Read(JsonElement root)
    {
        try
        {
            return new RecordReading(ReadRecord(root), null);
        }
        catch (MalformedException e)
        {
            return new RecordReading(null, e.Malformed);
        }
    }

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    private static string OneLine(string s) => s.ReplaceLineEndings(" ");

    private static ElectionRecord ReadRecord(JsonElement root)
    {
        var top = Object(root, "$");
        var format = String(Required(top, "format", ""), "format");
        if (format != ElectionRecord.Format)
        {
            throw Bad("format", $"must be exactly {ElectionRecord.Format}, got {Quote(format)}");
        }

        var electionObj = Object(Required(top, "election", ""), "election");
        var kindText = String(Required(electionObj, "kind", "election"), "election.kind");
        if (!ElectionKindWire.TryParse(kindText, out var kind))
        {
            throw Bad("election.kind", $"{Quote(kindText)} is not one of {ElectionKindWire.AllWords}");
        }
        var isPoll = kind == ElectionKind.NominationPoll;

        var congressObj = Object(Required(top, "congress", ""), "congress");
        var congress = new RecordCongress(
            String(Required(congressObj, "name", "congress"), "congress.name"),
            Count(Required(congressObj, "summoned", "congress"), "congress.summoned"),
            Count(Required(congressObj, "absentCommitteeMembers", "congress"), "congress.absentCommitteeMembers"),
            Count(Required(congressObj, "absentWithoutAlternate", "congress"), "congress.absentWithoutAlternate"),
            Optional(congressObj, "present") is { } p ? Count(p, "congress.present") : null);
        if ((long)congress.AbsentCommitteeMembers + congress.AbsentWithoutAlternate > congress.Summoned)
        {
            throw Bad("congress", $"the absences ({congress.AbsentCommitteeMembers} + {congress.AbsentWithoutAlternate}) exceed summoned ({congress.Summoned})");
        }
        if (isPoll && congress.Present is null)
        {
            throw Bad("congress.present", "is required for a nomination poll (admission is measured against those present)");
        }

        var title = String(Required(electionObj, "title", "election"), "election.title");
        var round = Integer(Required(electionObj, "round", "election"), "election.round", 1, "a positive integer");
        var seatsElement = isPoll ? Optional(electionObj, "seats") : Required(electionObj, "seats", "election");
        var seats = seatsElement is { } s ? Count(s, "election.seats") : 0;
        if (!isPoll && seats == 0)
        {
            throw Bad("election.seats", "must be at least 1 outside a nomination poll, got 0");
        }
        var issued = Count(Required(electionObj, "issued", "election"), "election.issued");
        var election = new RecordElection(kind, title, round, seats, issued);

        var rulesObj = Object(Required(top, "rules", ""), "rules");
        var decimals = Integer(Required(rulesObj, "percentDecimals", "rules"), "rules.percentDecimals", 0, $"an integer from 0 to {MaxPercentDecimals}");
        if (decimals > MaxPercentDecimals)
        {
            throw Bad("rules.percentDecimals", $"must be an integer from 0 to {MaxPercentDecimals}, got {decimals}");
        }
        var roundingText = String(Required(rulesObj, "percentRounding", "rules"), "rules.percentRounding");
        if (!PercentRoundingWire.TryParse(roundingText, out var rounding))
        {
            throw Bad("rules.percentRounding", $"{Quote(roundingText)} is not one of half-up, half-even");
        }
        var rules = ElectionRules.Default with { PercentDecimals = decimals, PercentRounding = rounding };

        var candidates = ReadCandidates(Required(top, "candidates", ""));
        var listKind = ListKinds.Of(kind, candidates.Count, seats);
        var ballots = ReadBallots(Required(top, "ballots", ""), listKind, candidates.Count, seats);
        return new ElectionRecord(congress, election, rules, candidates, ballots);
    }

    private static List<Candidate> ReadCandidates(JsonElement element)
    {
        var list = new List<Candidate>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var i = 0;
        foreach (var item in Array(element, "candidates"))
        {
            var path = $"candidates[{i}]";
            var obj = Object(item, path);
            var id = String(Required(obj, "id", path), path + ".id");
            if (seen.TryGetValue(id, out var first))
            {
                throw Bad(path + ".id", $"{Quote(id)} is already the id of candidates[{first}]");
            }
            seen[id] = i;
            var fullName = String(Required(obj, "fullName", path), path + ".fullName");
            if (string.IsNullOrWhiteSpace(fullName))
            {
                throw Bad(path + ".fullName", "must be a name, got an empty string");
            }
            DateOnly? birthDate = null;
            if (Optional(obj, "birthDate") is { } b)
            {
                var text = String(b, path + ".birthDate");
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    throw Bad(path + ".birthDate", $"must be a date as YYYY-MM-DD, got {Quote(text)}");
                }
                birthDate = date;
            }
            var delegation = Optional(obj, "delegation") is { } d ? String(d, path + ".delegation") : null;
            list.Add(new Candidate(id, fullName, birthDate, delegation));
            i++;
        }
        return list;
    }

    private static List<Ballot> ReadBallots(JsonElement element, ListKind listKind, int candidateCount, int seats)
    {
        var list = new List<Ballot>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var i = 0;
        foreach (var item in Array(element, "ballots"))
        {
            var path = $"ballots[{i}]";
            var obj = Object(item, path);
            var id = String(Required(obj, "id", path), path + ".id");
            if (seen.TryGetValue(id, out var first))
            {
                throw Bad(path + ".id", $"{Quote(id)} is already the id of ballots[{first}]");
            }
            seen[id] = i;
            var sourceText = String(Required(obj, "source", path), path + ".source");
            var source = sourceText switch
            {
                "tablet" => BallotSource.Tablet,
                "paper" => BallotSource.Paper,
                _ => throw Bad(path + ".source", $"{Quote(sourceText)} is not one of tablet, paper"),
            };
            list.Add(new Ballot(id, source, ReadContent(obj, path, listKind, candidateCount, seats)));
            i++;
        }
        return list;
    }

    private static BallotContent ReadContent(Dictionary<string, JsonElement> obj, string path, ListKind listKind, int candidateCount, int seats)
    {
        var invalid = Optional(obj, "invalid");
        var struck = Optional(obj, "struck");
        var marks = Optional(obj, "marks");
        if (invalid is { } inv)
        {
            if (marks is not null || struck is not null)
            {
                throw Bad(path, $"has invalid together with {(marks is not null ? "marks" : "struck")}: a ballot ruled invalid carries no marks");
            }
            var text = String(inv, path + ".invalid");
            if (!InvalidReasonWire.TryParsePaperReason(text, out var reason))
            {
                throw Bad(path + ".invalid", $"{Quote(text)} is not one of {InvalidReasonWire.PaperWords}");
            }
            return new BallotContent.PaperInvalid(reason);
        }
        if (struck is not null && marks is not null)
        {
            throw Bad(path, "has both struck and marks");
        }

        var list = listKind switch
        {
            ListKind.WithSurplus => $"a list with surplus ({candidateCount} candidates for {seats} seats)",
            ListKind.NominationPoll => "a nomination poll",
            _ => $"a list without surplus ({candidateCount} candidates for {seats} seats)",
        };
        if (listKind.UsesStrikeOut())
        {
            if (struck is not { } st)
            {
                throw marks is not null
                    ? Bad(path + ".marks", $"{list} is struck out: its ballots carry struck, not marks")
                    : Bad(path + ".struck", $"is required on {list} (or invalid for a ballot ruled invalid)");
            }
            var ids = new List<string>();
            var j = 0;
            foreach (var e in Array(st, path + ".struck"))
            {
                ids.Add(String(e, $"{path}.struck[{j}]"));
                j++;
            }
            return new BallotContent.Struck(ids);
        }

        if (marks is not { } mk)
        {
            throw struck is not null
                ? Bad(path + ".struck", $"{list} is marked row by row: its ballots carry marks, not struck")
                : Bad(path + ".marks", $"is required on {list} (or invalid for a ballot ruled invalid)");
        }
        var byCandidate = new Dictionary<string, Mark>(StringComparer.Ordinal);
        foreach (var (key, value) in Object(mk, path + ".marks"))
        {
            var markPath = $"{path}.marks.{key}";
            if (value.ValueKind != JsonValueKind.String || !MarkWire.TryParse(value.GetString()!, out var mark))
            {
                throw Bad(markPath, $"{Raw(value)} is not one of {MarkWire.AllWords}");
            }
            byCandidate[key] = mark;
        }
        return new BallotContent.Marks(byCandidate);
    }
}
