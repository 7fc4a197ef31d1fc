using ElectionSystem.Board;
using ElectionSystem.Crypto;

namespace ElectionSystem.Board.Tests;

/// <summary>Issue 14's tamper cases: each one changed board is refused, naming what fails, in its own words.</summary>
public class TamperTests
{
    private static readonly Scenario S = Boards.Surplus;

    private static string Fails(ElectionBoard board)
    {
        var v = BoardVerifier.VerifyJson(BoardWriter.ToJson(board));
        Assert.False(v.IsValid, "the tampered board verified");
        Assert.Null(v.ResultJson);
        Assert.DoesNotContain('\n', v.Failure!);
        return v.Failure!;
    }

    private static ElectionBoard WithBallots(IEnumerable<EncryptedBallot> ballots) =>
        S.Board with { Ballots = BoardChain.Link(S.Board.Round.Context, [.. ballots]) };

    [Fact]
    public void A_changed_ciphertext_is_named_by_ballot_position_and_tracker()
    {
        var entry = S.Board.Ballots[3];
        var row = entry.Ballot.Rows[1];
        var changed = entry.Ballot with { Rows = [.. entry.Ballot.Rows.Select(r => r == row ? row with { Ciphertext = row.Ciphertext with { B = row.Ciphertext.B * Group.G } } : r)] };
        var board = S.Board with { Ballots = [.. S.Board.Ballots.Select(b => b == entry ? entry with { Ballot = changed } : b)] };
        var failure = Fails(board);
        // H names every ciphertext, so the first proof checked (row 1's) already fails.
        Assert.Equal($"ballots[3] (ballot 4 of 24, tracker {entry.Tracker}): Row 1: the proof that it holds 0 or 1 does not verify.", failure);
    }

    [Fact]
    public void A_dropped_ballot_is_one_fewer_ballot_than_voters()
    {
        // Even re-chained and with totals that match what is left, a missing ballot shows against the voters.
        var left = S.Board.Ballots.Skip(1).Select(b => b.Ballot).ToList();
        var board = WithBallots(left) with { Totals = BoardBuilder.Sum(S.Board.Layout, left) };
        Assert.Equal("ballots: 23 ballots for 24 voters: 1 ballot(s) missing (dropped)", Fails(board));
    }

    [Fact]
    public void A_stuffed_ballot_is_one_more_ballot_than_voters()
    {
        var layout = Domain.Elections.BallotLayout.Of(S.Round.ToRound());
        var extra = Boards.Encrypt(S.Round, S.Board.Ceremony, layout, new Domain.Elections.BallotContent.Struck(["c1", "c2"]));
        var all = S.Board.Ballots.Select(b => b.Ballot).Append(extra).ToList();
        var board = WithBallots(all) with { Totals = BoardBuilder.Sum(S.Board.Layout, all) };
        Assert.Equal("ballots: 25 ballots for 24 voters: 1 more ballot(s) than voters (stuffed)", Fails(board));
    }

    [Fact]
    public void A_malformed_ballot_proof_is_named()
    {
        var entry = S.Board.Ballots[7];
        var branch = entry.Ballot.Selector.Branches[0];
        var forged = entry.Ballot with { Selector = new RangeProof([branch with { Response = branch.Response + Scalar.One }]) };
        var board = S.Board with { Ballots = [.. S.Board.Ballots.Select(b => b == entry ? entry with { Ballot = forged } : b)] };
        Assert.Equal($"ballots[7] (ballot 8 of 24, tracker {entry.Tracker}): The proof that exactly one option is marked does not verify.", Fails(board));
    }

    [Fact]
    public void A_wrong_partial_decryption_names_the_trustee_and_the_total()
    {
        var d = S.Board.Decryptions[1];
        var wrong = d with { Rows = [.. d.Rows.Select((p, i) => i == 2 ? p with { Share = p.Share * Group.G } : p)] };
        var board = S.Board with { Decryptions = [.. S.Board.Decryptions.Select(x => x == d ? wrong : x)] };
        var candidate = S.Board.Round.Candidates[2].Id;
        Assert.Equal($"decryptions[1]: trustee 3 (DB048): the partial decryption of totals.rows[2] ({candidate}) does not verify against K_3 from the commitments", Fails(board));
    }

    [Fact]
    public void A_share_from_someone_outside_the_ceremony_is_named_as_such()
    {
        // Index 6 took no part: whoever posts it holds no share of the key (a random scalar here).
        var outsider = BoardBuilder.Decrypt(S.Draft, 6, Group.RandomScalar());
        var board = S.Board with { Decryptions = [S.Board.Decryptions[0], outsider, S.Board.Decryptions[2]] };
        Assert.Equal("decryptions[1]: trustee 6 is not a member of the ceremony (members 1, 2, 3, 4, 5): a share from outside the ceremony", Fails(board));
    }

    [Fact]
    public void A_reordered_board_breaks_the_chain_where_the_order_changed()
    {
        var b = S.Board.Ballots;
        var board = S.Board with { Ballots = [b[0], b[1], b[3], b[2], .. b.Skip(4)] };
        var failure = Fails(board);
        Assert.StartsWith($"ballots[2] (ballot 3 of 24, tracker {b[3].Tracker}): the chain breaks here", failure);
        Assert.EndsWith("the board was reordered or changed", failure);
    }

    [Fact]
    public void A_changed_announced_result_names_the_field()
    {
        var votes = System.Text.RegularExpressions.Regex.Match(S.Board.Result, "\"votes\": (\\d+)");
        var announced = int.Parse(votes.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var changed = S.Board.Result[..votes.Index] + $"\"votes\": {announced + 1}" + S.Board.Result[(votes.Index + votes.Length)..];
        Assert.Equal($"result.candidates[0].votes: the board announces {announced + 1}; the count gives {announced}", Fails(S.Board with { Result = changed }));
    }

    [Fact]
    public void Fewer_than_k_partial_decryptions_decrypt_nothing()
    {
        var board = S.Board with { Decryptions = [S.Board.Decryptions[0], S.Board.Decryptions[2]] };
        Assert.Equal("decryptions: 2 trustee(s) decrypted (1, 5); the ceremony needs 3 of 5", Fails(board));
    }

    [Fact]
    public void A_copied_ballot_is_refused_by_its_tracker_even_with_a_voter_added()
    {
        var all = S.Board.Ballots.Select(b => b.Ballot).Append(S.Board.Ballots[5].Ballot).ToList();
        var board = WithBallots(all) with { Voters = [.. S.Board.Voters.Append("DB999")], Totals = BoardBuilder.Sum(S.Board.Layout, all) };
        Assert.EndsWith("the same ballot as ballots[5] (a copied ballot)", Fails(board));
    }

    [Fact]
    public void Totals_that_are_not_the_product_of_the_ballots_are_named()
    {
        var t = S.Board.Totals;
        var board = S.Board with { Totals = t with { Options = [t.Options[0].Add(t.Options[1]), .. t.Options.Skip(1)] } };
        Assert.Equal("totals.options[0] (valid): not the product of the ballots' option 0 ciphertexts", Fails(board));
    }

    [Fact]
    public void A_public_key_that_is_not_the_ceremonys_is_refused()
    {
        var board = S.Board with { Ceremony = S.Board.Ceremony with { PublicKey = S.Board.Ceremony.PublicKey * Group.G } };
        Assert.Equal("ceremony.publicKey: not the product of the members' first commitments (pk ≠ Π C_i,0)", Fails(board));
    }

    [Fact]
    public void A_layout_looser_than_the_domains_is_refused()
    {
        var board = S.Board with { Layout = S.Board.Layout with { Lo = S.Board.Layout.Lo - 1 } };
        Assert.StartsWith("malformed board: layout.lo: not the Domain's layout of this round", Fails(board));
    }
}
