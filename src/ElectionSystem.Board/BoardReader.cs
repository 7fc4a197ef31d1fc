using System.Globalization;
using System.Text.Json;
using ElectionSystem.Crypto;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Domain.Records;

namespace ElectionSystem.Board;

/// <summary>
/// Reads <c>election-board/1</c> strictly (docs/election-board.md, "Well-formed"): an unknown,
/// missing or repeated field, a wrong type, a count that does not fit the layout or the ceremony,
/// or a bad encoding throws <see cref="BoardFormatException"/> naming the field path of the first
/// problem. Whether the proofs hold is <see cref="BoardVerifier"/>'s to say.
/// </summary>
public static class BoardReader
{
    private static readonly string[] Top =
        ["format", "context", "congress", "election", "rules", "candidates", "layout", "ceremony", "ballots", "voters", "totals", "decryptions", "paper", "result"];

    public static ElectionBoard Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new BoardFormatException("$", $"not JSON ({e.Message.ReplaceLineEndings(" ")})");
        }
        using (document)
            return Read(new Node(document.RootElement, "$"));
    }

    private static ElectionBoard Read(Node root)
    {
        var top = root.Object(Top);
        var format = top["format"].String();
        if (format != ElectionBoard.Format)
            throw top["format"].Bad($"must be exactly {ElectionBoard.Format}");
        var round = new BoardRound(
            [.. top["context"].Array(1, 16).Select(n => n.NonEmptyString())],
            Congress(top["congress"]),
            Election(top["election"]),
            Rules(top["rules"]),
            Candidates(top["candidates"]));
        var layout = Layout(top["layout"]);
        var ceremony = Ceremony(top["ceremony"]);
        var ballots = top["ballots"].Array(1, 1_000_000).Select(Ballot).ToList();
        var voters = Voters(top["voters"]);
        var totals = new BoardTotals(
            Ciphertexts(top["totals"].Object(["rows", "options"])["rows"], layout.Rows, "layout.rows"),
            Ciphertexts(top["totals"].Object(["rows", "options"])["options"], layout.Options.Count, "layout.options"));
        var decryptions = top["decryptions"].Array(0, 1_000).Select(n => Decryption(n, layout)).ToList();
        var paper = top["paper"].IsNull ? null : Paper(top["paper"], layout);
        var result = top["result"];
        var resultFormat = result.Object(["format"], ["base", "issued", "collected", "valid", "invalid", "candidates", "elected", "tie", "vacant"])["format"];
        if (resultFormat.String() != ElectionResultWriter.Format)
            throw resultFormat.Bad($"must be exactly {ElectionResultWriter.Format}");
        return new ElectionBoard(round, layout, ceremony, ballots, voters, totals, decryptions, paper, result.Value.GetRawText());
    }

    private static RecordCongress Congress(Node node)
    {
        var f = node.Object(["name", "summoned", "absentCommitteeMembers", "absentWithoutAlternate"], ["present"]);
        var congress = new RecordCongress(
            f["name"].String(), f["summoned"].Integer(0), f["absentCommitteeMembers"].Integer(0), f["absentWithoutAlternate"].Integer(0),
            f.Optional("present")?.Integer(0));
        if ((long)congress.AbsentCommitteeMembers + congress.AbsentWithoutAlternate > congress.Summoned)
            throw node.Bad($"the absences ({congress.AbsentCommitteeMembers} + {congress.AbsentWithoutAlternate}) exceed summoned ({congress.Summoned})");
        return congress;
    }

    private static RecordElection Election(Node node)
    {
        var f = node.Object(["kind", "title", "round", "seats", "issued"]);
        if (!ElectionKindWire.TryParse(f["kind"].String(), out var kind))
            throw f["kind"].Bad($"not one of {ElectionKindWire.AllWords}");
        return new RecordElection(kind, f["title"].String(), f["round"].Integer(1), f["seats"].Integer(0), f["issued"].Integer(0));
    }

    private static ElectionRules Rules(Node node)
    {
        var f = node.Object(["percentDecimals", "percentRounding"]);
        if (!PercentRoundingWire.TryParse(f["percentRounding"].String(), out var rounding))
            throw f["percentRounding"].Bad("not one of half-up, half-even");
        return ElectionRules.Default with { PercentDecimals = f["percentDecimals"].Integer(0, ElectionRecordReader.MaxPercentDecimals), PercentRounding = rounding };
    }

    private static List<Candidate> Candidates(Node node)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. node.Array(1, BallotShape.MaxEntries).Select(n =>
        {
            var f = n.Object(["id", "fullName"], ["birthDate", "delegation"]);
            var id = f["id"].NonEmptyString();
            if (!seen.Add(id))
                throw f["id"].Bad($"\"{id}\" is the id of an earlier candidate");
            DateOnly? birth = null;
            if (f.Optional("birthDate") is { } b)
            {
                birth = DateOnly.TryParseExact(b.String(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? d : throw b.Bad("a date as YYYY-MM-DD is expected");
            }
            return new Candidate(id, f["fullName"].NonEmptyString(), birth, f.Optional("delegation")?.String());
        })];
    }

    private static BoardLayout Layout(Node node)
    {
        var f = node.Object(["rows", "options", "weight", "lo", "hi"]);
        var options = f["options"].Array(1, BallotShape.MaxEntries).Select(n =>
        {
            var o = n.Object(["code", "reason"]);
            return new BoardOption(o["code"].NonEmptyString(), o.Optional("reason")?.String());
        }).ToList();
        var layout = new BoardLayout(f["rows"].Integer(1, BallotShape.MaxEntries), options, f["weight"].Integer(0), f["lo"].Integer(int.MinValue), f["hi"].Integer(int.MinValue));
        if (!RangeProof.Covers(layout.Lo, layout.Hi))
            throw f["hi"].Bad($"[{layout.Lo}, {layout.Hi}] is not a range a proof covers");
        return layout;
    }

    private static BoardCeremony Ceremony(Node node)
    {
        var f = node.Object(["threshold", "size", "members", "publicKey"]);
        var size = f["size"].Integer(1, 1_000);
        var threshold = f["threshold"].Integer(1, size);
        var indices = new HashSet<int>();
        var delegates = new HashSet<string>(StringComparer.Ordinal);
        var members = f["members"].Array(size, size, "size").Select(n =>
        {
            var m = n.Object(["index", "delegate", "commitments"]);
            var index = m["index"].Integer(1, 1_000);
            if (!indices.Add(index))
                throw m["index"].Bad($"trustee {index} is listed twice");
            var code = m["delegate"].NonEmptyString();
            if (!delegates.Add(code))
                throw m["delegate"].Bad($"{code} is listed twice");
            return new CeremonyMember(index, code, [.. m["commitments"].Array(threshold, threshold, "threshold").Select(c => c.Element())]);
        }).ToList();
        return new BoardCeremony(threshold, size, members, f["publicKey"].Element());
    }

    private static BoardBallot Ballot(Node node)
    {
        var f = node.Object(["tracker", "ballot", "chain"]);
        var tracker = f["tracker"].Hash();
        EncryptedBallot ballot;
        try
        {
            ballot = BallotJson.Parse(f["ballot"].Value.GetRawText());
        }
        catch (FormatException e)
        {
            var message = e.Message.StartsWith("$:", StringComparison.Ordinal) ? e.Message[1..] : "." + e.Message;
            throw new BoardFormatException(f["ballot"].Path + message[..message.IndexOf(':', StringComparison.Ordinal)], message[(message.IndexOf(':', StringComparison.Ordinal) + 2)..]);
        }
        return new BoardBallot(ballot, tracker, f["chain"].Hash());
    }

    private static List<string> Voters(Node node)
    {
        var voters = node.Array(0, 1_000_000).Select(n => n.NonEmptyString()).ToList();
        for (var i = 1; i < voters.Count; i++)
        {
            if (string.CompareOrdinal(voters[i - 1], voters[i]) >= 0)
                throw new BoardFormatException($"{node.Path}[{i}]", voters[i - 1] == voters[i] ? $"{voters[i]} is listed twice" : "voters are sorted by code (ordinal), and this one is out of order");
        }
        return voters;
    }

    private static List<Ciphertext> Ciphertexts(Node node, int count, string what) =>
        [.. node.Array(count, count, what).Select(n =>
        {
            var f = n.Object(["a", "b"]);
            return new Ciphertext(f["a"].Element(), f["b"].Element());
        })];

    private static TrusteeDecryption Decryption(Node node, BoardLayout layout)
    {
        var f = node.Object(["trustee", "rows", "options"]);
        var trustee = f["trustee"].Integer(1, 1_000);
        List<PartialDecryption> Shares(Node list, int count, string what) => [.. list.Array(count, count, what).Select(n =>
        {
            var s = n.Object(["share", "proof"]);
            var proof = s["proof"].Array(2, 2);
            return new PartialDecryption(trustee, s["share"].Element(), new DecryptionProof(proof[0].Scalar(), proof[1].Scalar()));
        })];
        return new TrusteeDecryption(trustee, Shares(f["rows"], layout.Rows, "layout.rows"), Shares(f["options"], layout.Options.Count, "layout.options"));
    }

    private static PaperTotals Paper(Node node, BoardLayout layout)
    {
        var f = node.Object(["ballots", "rows", "options"], ["invalid"]);
        var paper = new PaperTotals(
            f["ballots"].Integer(0),
            [.. f["rows"].Array(layout.Rows, layout.Rows, "layout.rows").Select(n => n.Integer(0))],
            [.. f["options"].Array(layout.Options.Count, layout.Options.Count, "layout.options").Select(n => n.Integer(0))],
            f.Optional("invalid") is { } invalid ? PaperInvalid(invalid, layout) : []);
        var sum = paper.Options.Sum(o => (long)o) + paper.Invalid.Sum(c => (long)c.Ballots);
        if (sum != paper.Ballots)
        {
            throw f["ballots"].Bad(paper.Invalid.Count == 0
                ? $"{paper.Ballots} ballots, but the options add up to {sum}"
                : $"{paper.Ballots} ballots, but the options and the invalid counts add up to {sum}");
        }
        return paper;
    }

    /// <summary>Paper ballots by a reason outside the layout's options: each reason once, in the result's order, at least one ballot.</summary>
    private static List<PaperReasonCount> PaperInvalid(Node node, BoardLayout layout)
    {
        var order = InvalidReasonWire.ResultOrder;
        var previous = -1;
        return [.. node.Array(1, order.Count).Select(n =>
        {
            var f = n.Object(["reason", "ballots"]);
            var word = f["reason"].String();
            var at = order.Select(r => r.ToWire()).ToList().IndexOf(word);
            if (at < 0)
                throw f["reason"].Bad($"not one of {string.Join(", ", order.Select(r => r.ToWire()))}");
            if (layout.Options.Any(o => o.Reason == word))
                throw f["reason"].Bad($"{word} is an option of the layout: its ballots are counted in paper.options");
            if (at <= previous)
                throw f["reason"].Bad($"each reason once, in the order of election-result/1 ({string.Join(", ", order.Select(r => r.ToWire()))})");
            previous = at;
            return new PaperReasonCount(order[at], f["ballots"].Integer(1));
        })];
    }
}
