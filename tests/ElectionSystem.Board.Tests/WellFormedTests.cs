using System.Text.RegularExpressions;
using ElectionSystem.Board;

namespace ElectionSystem.Board.Tests;

/// <summary>The strict reader: a malformed board is refused before any proof, naming the field path of the first problem.</summary>
public class WellFormedTests
{
    private static readonly string Json = BoardWriter.ToJson(Boards.Surplus.Board);

    private static string Refused(string json)
    {
        var v = BoardVerifier.VerifyJson(json);
        Assert.False(v.IsValid);
        return v.Failure!;
    }

    [Fact]
    public void A_proof_scalar_that_is_not_hex_names_its_path_inside_the_ballot()
    {
        var first = Regex.Match(Json, "\"proof\":\\[\\[\"([0-9a-f]{64})\"");
        var json = Json[..first.Groups[1].Index] + new string('Z', 64) + Json[(first.Groups[1].Index + 64)..];
        Assert.Equal("malformed board: ballots[0].ballot.rows[0].proof[0][0]: A scalar must be 64 lower-case hex digits.", Refused(json));
    }

    [Fact]
    public void An_unknown_field_is_refused()
    {
        var json = Json.Replace("\"voters\":", "\"voter\": [],\n \"voters\":", StringComparison.Ordinal);
        Assert.Equal("malformed board: voter: unknown field", Refused(json));
    }

    [Fact]
    public void A_missing_field_is_refused()
    {
        var json = Regex.Replace(Json, "\"publicKey\": \"[0-9a-f]{64}\"", "\"publicKeys\": 1");
        Assert.Equal("malformed board: ceremony.publicKeys: unknown field", Refused(json));
        var without = Regex.Replace(Json, ",\\s*\"publicKey\": \"[0-9a-f]{64}\"", "");
        Assert.Equal("malformed board: ceremony.publicKey: missing field", Refused(without));
    }

    [Fact]
    public void Another_format_is_refused()
    {
        Assert.Equal("malformed board: format: must be exactly election-board/1", Refused(Json.Replace("election-board/1", "election-board/2", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_member_with_the_wrong_number_of_commitments_is_refused()
    {
        var json = Regex.Replace(Json, "\"commitments\": \\[\\s*(\"[0-9a-f]{64}\"),", "\"commitments\": [", RegexOptions.None, TimeSpan.FromSeconds(5));
        Assert.Equal("malformed board: ceremony.members[0].commitments: 3 items expected (threshold), not 2", Refused(json));
    }

    [Fact]
    public void Voters_out_of_order_are_refused()
    {
        var json = Json.Replace("\"DB100\",", "\"DB999\",", StringComparison.Ordinal);
        Assert.StartsWith("malformed board: voters[1]: voters are sorted by code", Refused(json));
    }

    [Fact]
    public void Not_json_is_refused()
    {
        Assert.StartsWith("malformed board: $: not JSON", Refused("{ \"format\": "));
    }
}
