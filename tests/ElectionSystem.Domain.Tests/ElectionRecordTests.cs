using System.Text.Json.Nodes;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Domain.Records;

namespace ElectionSystem.Domain.Tests;

/// <summary>FORMAT.md: reading election-record/1 strictly, writing it and the result.</summary>
public class ElectionRecordTests
{
    private const string Minimal = """
        {
          "format": "election-record/1",
          "congress": { "name": "Đại hội", "summoned": 10, "absentCommitteeMembers": 0, "absentWithoutAlternate": 1 },
          "election": { "kind": "executive-committee", "title": "Bầu", "round": 1, "seats": 1, "issued": 9 },
          "rules": { "percentDecimals": 2, "percentRounding": "half-up" },
          "candidates": [ { "id": "c1", "fullName": "Nguyễn Văn An" }, { "id": "c2", "fullName": "Lê Thị Bình", "birthDate": "1970-01-31" } ],
          "ballots": [
            { "id": "b1", "source": "tablet", "struck": ["c2"] },
            { "id": "b2", "source": "paper", "invalid": "identifying-mark" }
          ]
        }
        """;

    private static string Edit(Action<JsonObject> change)
    {
        var node = JsonNode.Parse(Minimal)!.AsObject();
        change(node);
        return node.ToJsonString();
    }

    private static string Problem(string json)
    {
        var reading = ElectionRecordReader.Read(json);
        Assert.False(reading.IsWellFormed, "the record should have been refused");
        return reading.Malformed!.Message;
    }

    private static JsonObject Congress(JsonObject r) => r["congress"]!.AsObject();

    private static JsonObject Election(JsonObject r) => r["election"]!.AsObject();

    private static JsonObject Ballot(JsonObject r, int i) => r["ballots"]![i]!.AsObject();

    [Fact]
    public void Well_formed_record_is_read_and_counted()
    {
        var reading = ElectionRecordReader.Read(Minimal);
        Assert.True(reading.IsWellFormed, reading.Malformed?.Message);
        var result = reading.Record!.Count();
        Assert.Equal(9, result.Base);
        Assert.Equal(1, result.Votes("c1"));
        Assert.Empty(result.Elected); // one vote of a base of nine
        Assert.Equal(1, result.Vacant);
        Assert.Equal(1, result.Invalid[InvalidReason.IdentifyingMark]);
    }

    [Fact]
    public void Not_json_is_malformed() => Assert.StartsWith("$: not JSON", Problem("{ \"format\": "), StringComparison.Ordinal);

    [Fact]
    public void Wrong_format_is_malformed() =>
        Assert.Equal("format: must be exactly election-record/1, got \"election-record/2\"", Problem(Edit(r => r["format"] = "election-record/2")));

    [Fact]
    public void Missing_required_field_is_malformed_and_named() =>
        Assert.Equal("election.seats: is required", Problem(Edit(r => Election(r).Remove("seats"))));

    [Fact]
    public void Field_of_the_wrong_type_is_malformed() =>
        Assert.Equal("congress.summoned: must be a non-negative integer, got \"10\"", Problem(Edit(r => Congress(r)["summoned"] = "10")));

    [Fact]
    public void Unknown_kind_is_malformed() =>
        Assert.StartsWith("election.kind: \"president\" is not one of executive-committee", Problem(Edit(r => Election(r)["kind"] = "president")), StringComparison.Ordinal);

    [Theory]
    [InlineData("congress", "summoned")]
    [InlineData("congress", "absentCommitteeMembers")]
    [InlineData("congress", "absentWithoutAlternate")]
    [InlineData("election", "seats")]
    [InlineData("election", "issued")]
    public void Negative_count_is_malformed(string obj, string field) =>
        Assert.Equal($"{obj}.{field}: must be a non-negative integer, got -1", Problem(Edit(r => r[obj]![field] = -1)));

    [Fact]
    public void Fractional_count_is_malformed() =>
        Assert.Equal("election.issued: must be a non-negative integer, got 2.5", Problem(Edit(r => Election(r)["issued"] = 2.5)));

    [Fact]
    public void Zero_seats_outside_a_nomination_poll_is_malformed() =>
        Assert.StartsWith("election.seats: must be at least 1", Problem(Edit(r => Election(r)["seats"] = 0)), StringComparison.Ordinal);

    [Fact]
    public void Absences_exceeding_summoned_are_malformed() =>
        Assert.StartsWith("congress: the absences", Problem(Edit(r => Congress(r)["absentCommitteeMembers"] = 10)), StringComparison.Ordinal);

    [Fact]
    public void Two_candidates_sharing_an_id_are_malformed() =>
        Assert.Equal("candidates[1].id: \"c1\" is already the id of candidates[0]", Problem(Edit(r => r["candidates"]![1]!["id"] = "c1")));

    [Fact]
    public void Two_ballots_sharing_an_id_are_malformed() =>
        Assert.Equal("ballots[1].id: \"b1\" is already the id of ballots[0]", Problem(Edit(r => Ballot(r, 1)["id"] = "b1")));

    [Fact]
    public void Mark_that_is_not_one_of_the_four_words_is_malformed()
    {
        var json = Edit(r =>
        {
            Election(r)["seats"] = 2;
            r["ballots"] = new JsonArray(new JsonObject { ["id"] = "b1", ["source"] = "tablet", ["marks"] = new JsonObject { ["c2"] = "yes" } });
        });
        Assert.Equal("ballots[0].marks.c2: \"yes\" is not one of agree, disagree, none, both", Problem(json));
    }

    [Fact]
    public void Invalid_with_a_reason_not_listed_is_malformed() =>
        Assert.Equal("ballots[1].invalid: \"over-seats\" is not one of not-issued, added-name, identifying-mark, other",
            Problem(Edit(r => Ballot(r, 1)["invalid"] = "over-seats")));

    [Fact]
    public void Invalid_together_with_marks_is_malformed() =>
        Assert.StartsWith("ballots[1]: has invalid together with marks", Problem(Edit(r => Ballot(r, 1)["marks"] = new JsonObject())), StringComparison.Ordinal);

    [Fact]
    public void Invalid_together_with_struck_is_malformed() =>
        Assert.StartsWith("ballots[1]: has invalid together with struck", Problem(Edit(r => Ballot(r, 1)["struck"] = new JsonArray())), StringComparison.Ordinal);

    [Fact]
    public void Nomination_poll_without_present_is_malformed() =>
        Assert.StartsWith("congress.present: is required for a nomination poll", Problem(Edit(r => Election(r)["kind"] = "nomination-poll")), StringComparison.Ordinal);

    [Fact]
    public void Marks_on_a_list_with_surplus_are_malformed() =>
        Assert.StartsWith("ballots[0].marks: a list with surplus (2 candidates for 1 seats) is struck out",
            Problem(Edit(r => { Ballot(r, 0).Remove("struck"); Ballot(r, 0)["marks"] = new JsonObject { ["c1"] = "agree" }; })), StringComparison.Ordinal);

    [Fact]
    public void Struck_on_a_list_without_surplus_is_malformed() =>
        Assert.StartsWith("ballots[0].struck: a list without surplus (2 candidates for 2 seats) is marked row by row",
            Problem(Edit(r => { Election(r)["seats"] = 2; Ballot(r, 1).Remove("invalid"); Ballot(r, 1)["marks"] = new JsonObject(); })), StringComparison.Ordinal);

    [Fact]
    public void Ballot_without_any_content_is_malformed() =>
        Assert.StartsWith("ballots[0].struck: is required", Problem(Edit(r => Ballot(r, 0).Remove("struck"))), StringComparison.Ordinal);

    [Fact]
    public void Property_given_twice_is_malformed() =>
        Assert.Equal("election.seats: appears twice", Problem(Minimal.Replace("\"seats\": 1,", "\"seats\": 1, \"seats\": 2,", StringComparison.Ordinal)));

    [Fact]
    public void Unknown_extra_properties_are_tolerated()
    {
        var json = Edit(r => { r["signedBy"] = "Ban Kiểm phiếu"; Election(r)["date"] = "2025-10-29"; Ballot(r, 0)["extra"] = 1; });
        Assert.True(ElectionRecordReader.Read(json).IsWellFormed);
    }

    [Fact]
    public void Unknown_candidate_on_a_ballot_is_not_malformed_but_an_invalid_ballot()
    {
        var reading = ElectionRecordReader.Read(Edit(r => Ballot(r, 0)["struck"] = new JsonArray("c9")));
        Assert.True(reading.IsWellFormed);
        Assert.Equal(1, reading.Record!.Count().Invalid[InvalidReason.UnknownCandidate]);
    }

    [Fact]
    public void Seats_may_be_omitted_in_a_nomination_poll()
    {
        var json = Edit(r =>
        {
            Election(r)["kind"] = "nomination-poll";
            Election(r).Remove("seats");
            Congress(r)["present"] = 3;
            r["ballots"] = new JsonArray(new JsonObject { ["id"] = "b1", ["source"] = "tablet", ["marks"] = new JsonObject { ["c1"] = "agree", ["c2"] = "disagree" } });
        });
        var reading = ElectionRecordReader.Read(json);
        Assert.True(reading.IsWellFormed, reading.Malformed?.Message);
        var result = reading.Record!.Count();
        Assert.Equal(["c1"], result.Elected);
        Assert.Equal("33.33", result.Candidates.Single(c => c.Id == "c1").Percent);
    }

    [Fact]
    public void Bad_birth_date_is_malformed() =>
        Assert.Equal("candidates[1].birthDate: must be a date as YYYY-MM-DD, got \"31/01/1970\"", Problem(Edit(r => r["candidates"]![1]!["birthDate"] = "31/01/1970")));

    [Fact]
    public void Record_round_trips_through_the_writer()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Examples", "small-executive-committee.record.json");
        var original = ElectionRecordReader.Read(File.ReadAllText(path)).Record!;
        var written = ElectionRecordWriter.ToJson(original);
        JsonAssert.Equivalent(File.ReadAllText(path), written);
        var again = ElectionRecordReader.Read(written).Record!;
        Assert.Equal(ElectionResultWriter.ToJson(original.Count()), ElectionResultWriter.ToJson(again.Count()));
    }

    [Fact]
    public void Written_record_keeps_vietnamese_letters_unescaped()
    {
        var written = ElectionRecordWriter.ToJson(ElectionRecordReader.Read(Minimal).Record!);
        Assert.Contains("Nguyễn Văn An", written, StringComparison.Ordinal);
        Assert.Contains("\"birthDate\": \"1970-01-31\"", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Result_lists_only_the_invalid_reasons_that_occurred_with_their_total()
    {
        var result = JsonNode.Parse(ElectionResultWriter.ToJson(ElectionRecordReader.Read(Minimal).Record!.Count()))!;
        Assert.Equal("""{"total":1,"identifying-mark":1}""", result["invalid"]!.ToJsonString());
        Assert.Equal(
            ["format", "base", "issued", "collected", "valid", "invalid", "candidates", "elected", "tie", "vacant"],
            result.AsObject().Select(p => p.Key));
    }
}
