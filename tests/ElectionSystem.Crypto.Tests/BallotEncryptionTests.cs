using ElectionSystem.Crypto;

namespace ElectionSystem.Crypto.Tests;

/// <summary>Ballots of the spec's shapes: honest ones verify and decrypt to what was chosen; false statements are refused by Encrypt and, forged, by Verify.</summary>
public class BallotEncryptionTests
{
    private static readonly ElGamalKeyPair Keys = ElGamal.GenerateKeyPair();
    private static readonly ProofContext Round = ProofContext.Of("congress-1", "election-2", "round-1");
    private static readonly BallotShape Thirteen = Ballots.Surplus(13, 11); // 13 names, 11 seats
    private static readonly BallotShape Sixty = Ballots.Surplus(60, 50);    // 60 names, 50 seats

    private static void AssertHonest(BallotShape shape, BallotPlaintext plain)
    {
        var ballot = BallotEncryption.Encrypt(Round, Keys.Public, shape, plain);
        Assert.Equal(BallotCheck.Valid, BallotEncryption.Verify(Round, Keys.Public, shape, ballot));
        Assert.Single(ballot.Selector.Branches);
        Assert.Equal(shape.Hi - shape.Lo + 1, ballot.Constraint.Branches.Count);
        // and it holds what was chosen
        for (var i = 0; i < shape.Rows; i++)
            Assert.Equal(ElGamal.Encode(plain.Rows[i]), ElGamal.Decrypt(Keys.Secret, ballot.Rows[i].Ciphertext));
        for (var k = 0; k < shape.Options; k++)
            Assert.Equal(ElGamal.Encode(plain.Options[k]), ElGamal.Decrypt(Keys.Secret, ballot.Options[k].Ciphertext));
    }

    [Fact]
    public void Surplus_list_valid_with_every_number_kept_from_1_to_seats()
    {
        for (var kept = 1; kept <= 11; kept++)
            AssertHonest(Thirteen, BallotPlaintext.Valid(Ballots.Rows(13, kept), 3));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(23)]
    [InlineData(50)]
    public void Sixty_name_list_valid(int kept) => AssertHonest(Sixty, BallotPlaintext.Valid(Ballots.Rows(60, kept), 3));

    [Theory]
    [InlineData(1)] // too many kept (reason 2 of the Domain)
    [InlineData(2)] // all struck out (reason 3)
    public void Surplus_list_invalid_for_a_reason_has_every_row_zero(int option) =>
        AssertHonest(Thirteen, BallotPlaintext.Marked(new int[13], 3, option));

    [Theory]
    [InlineData(1, 0)] // agree
    [InlineData(0, 0)] // disagree
    [InlineData(0, 1)] // invalid: neither or both
    public void One_candidate_agree_disagree_or_invalid(int agree, int option) =>
        AssertHonest(Ballots.OneCandidate, BallotPlaintext.Marked([agree], 2, option));

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(5)]
    public void As_many_names_as_seats_any_rows(int kept) =>
        AssertHonest(Ballots.NoSurplus(5), BallotPlaintext.Valid(Ballots.Rows(5, kept), 1));

    public static TheoryData<string, BallotShape, BallotPlaintext> FalseStatements => new()
    {
        { "surplus: all struck out, marked valid", Ballots.Surplus(13, 11), BallotPlaintext.Valid(new int[13], 3) },
        { "surplus: more kept than seats, marked valid", Ballots.Surplus(13, 11), BallotPlaintext.Valid(Ballots.Rows(13, 12), 3) },
        { "surplus: invalid yet a row kept", Ballots.Surplus(13, 11), BallotPlaintext.Marked(Ballots.Rows(13, 1), 3, 1) },
        { "surplus: invalid for reason 2 yet a row kept", Ballots.Surplus(13, 11), BallotPlaintext.Marked(Ballots.Rows(13, 4), 3, 2) },
        { "one candidate: invalid yet agreed", Ballots.OneCandidate, BallotPlaintext.Marked([1], 2, 1) },
    };

    [Theory]
    [MemberData(nameof(FalseStatements))]
    public void Encrypt_refuses_and_a_forged_constraint_proof_is_refused(string why, BallotShape shape, BallotPlaintext plain)
    {
        Assert.NotNull(why);
        Assert.Throws<ArgumentException>(() => BallotEncryption.Encrypt(Round, Keys.Public, shape, plain));
        foreach (var claimed in new[] { shape.Lo, shape.Hi })
        {
            var forged = Ballots.Forge(Round, Keys.Public, shape, plain, claimed);
            var check = BallotEncryption.Verify(Round, Keys.Public, shape, forged);
            Assert.Equal($"The proof that the rows kept minus {shape.Weight} × valid lie in [{shape.Lo}, {shape.Hi}] does not verify.", check.Failure);
        }
    }

    [Theory]
    [InlineData(new[] { 1, 1, 0 })] // valid and invalid at once
    [InlineData(new[] { 0, 0, 0 })] // no option
    [InlineData(new[] { 0, 1, 1 })] // two reasons
    public void Not_exactly_one_option_is_refused_and_a_forged_selector_fails(int[] options)
    {
        var plain = new BallotPlaintext(new int[13], options);
        Assert.Throws<ArgumentException>(() => BallotEncryption.Encrypt(Round, Keys.Public, Thirteen, plain));
        var forged = Ballots.Forge(Round, Keys.Public, Thirteen, plain, claimedConstraint: 0);
        Assert.Equal("The proof that exactly one option is marked does not verify.", BallotEncryption.Verify(Round, Keys.Public, Thirteen, forged).Failure);
    }

    [Fact]
    public void Encrypt_refuses_values_and_lengths_outside_the_shape()
    {
        var two = Ballots.Rows(13, 3);
        two[0] = 2;
        Assert.Throws<ArgumentException>(() => BallotEncryption.Encrypt(Round, Keys.Public, Thirteen, BallotPlaintext.Valid(two, 3)));
        Assert.Throws<ArgumentException>(() => BallotEncryption.Encrypt(Round, Keys.Public, Thirteen, BallotPlaintext.Valid(Ballots.Rows(12, 3), 3)));
        Assert.Throws<ArgumentException>(() => BallotEncryption.Encrypt(Round, Keys.Public, Thirteen, BallotPlaintext.Valid(Ballots.Rows(13, 3), 2)));
        Assert.Throws<ArgumentException>(() => BallotEncryption.Encrypt(Round, Keys.Public, Thirteen, new BallotPlaintext(Ballots.Rows(13, 3), [2, 0, 0])));
        Assert.Throws<ArgumentException>(() => BallotEncryption.Encrypt(Round, Keys.Public, new BallotShape(3, 0, 1, 0, 0), BallotPlaintext.Valid([1, 0, 0], 0)));
    }

    [Fact]
    public void Tampered_row_fails_and_is_named()
    {
        var ballot = BallotEncryption.Encrypt(Round, Keys.Public, Thirteen, BallotPlaintext.Valid(Ballots.Rows(13, 5), 3));
        var rows = ballot.Rows.ToArray();
        rows[4] = rows[4] with { Ciphertext = Tamper.ShiftB(rows[4].Ciphertext) };
        var check = BallotEncryption.Verify(Round, Keys.Public, Thirteen, ballot with { Rows = rows });
        Assert.False(check.IsValid);
        // H changes with any ciphertext, so the first row's proof already fails
        Assert.Equal("Row 1: the proof that it holds 0 or 1 does not verify.", check.Failure);
    }

    [Fact]
    public void Tampered_row_or_option_proof_fails_at_that_entry()
    {
        var ballot = BallotEncryption.Encrypt(Round, Keys.Public, Thirteen, BallotPlaintext.Valid(Ballots.Rows(13, 5), 3));
        var rows = ballot.Rows.ToArray();
        rows[6] = rows[6] with { Proof = rows[6].Proof with { Branches = Tamper.Change(rows[6].Proof.Branches, 1, b => b with { Response = Tamper.Plus1(b.Response) }) } };
        Assert.Equal("Row 7: the proof that it holds 0 or 1 does not verify.", BallotEncryption.Verify(Round, Keys.Public, Thirteen, ballot with { Rows = rows }).Failure);
        var options = ballot.Options.ToArray();
        options[2] = options[2] with { Proof = options[2].Proof with { Branches = Tamper.Change(options[2].Proof.Branches, 0, b => b with { Challenge = Tamper.Plus1(b.Challenge) }) } };
        Assert.Equal("Option 2 (invalid, reason 2): the proof that it holds 0 or 1 does not verify.",
            BallotEncryption.Verify(Round, Keys.Public, Thirteen, ballot with { Options = options }).Failure);
    }

    [Fact]
    public void Tampered_selector_or_constraint_fails()
    {
        var ballot = BallotEncryption.Encrypt(Round, Keys.Public, Thirteen, BallotPlaintext.Valid(Ballots.Rows(13, 5), 3));
        var selector = ballot.Selector with { Branches = Tamper.Change(ballot.Selector.Branches, 0, b => b with { Response = Tamper.Plus1(b.Response) }) };
        Assert.Equal("The proof that exactly one option is marked does not verify.", BallotEncryption.Verify(Round, Keys.Public, Thirteen, ballot with { Selector = selector }).Failure);
        var constraint = ballot.Constraint with { Branches = Tamper.Change(ballot.Constraint.Branches, 3, b => b with { Challenge = Tamper.Plus1(b.Challenge) }) };
        Assert.Equal("The proof that the rows kept minus 11 × valid lie in [-10, 0] does not verify.", BallotEncryption.Verify(Round, Keys.Public, Thirteen, ballot with { Constraint = constraint }).Failure);
    }

    [Fact]
    public void Row_copied_from_another_ballot_fails()
    {
        var mine = BallotEncryption.Encrypt(Round, Keys.Public, Thirteen, BallotPlaintext.Valid(Ballots.Rows(13, 5), 3));
        var theirs = BallotEncryption.Encrypt(Round, Keys.Public, Thirteen, BallotPlaintext.Valid(Ballots.Rows(13, 5), 3));
        var rows = mine.Rows.ToArray();
        rows[2] = theirs.Rows[2];
        Assert.False(BallotEncryption.Verify(Round, Keys.Public, Thirteen, mine with { Rows = rows }).IsValid);
        Assert.False(BallotEncryption.Verify(Round, Keys.Public, Thirteen, mine with { Options = theirs.Options }).IsValid);
    }

    [Fact]
    public void Swapped_rows_or_options_fail()
    {
        var ballot = BallotEncryption.Encrypt(Round, Keys.Public, Thirteen, BallotPlaintext.Valid([1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 3));
        var rows = ballot.Rows.ToArray();
        (rows[0], rows[1]) = (rows[1], rows[0]);
        Assert.False(BallotEncryption.Verify(Round, Keys.Public, Thirteen, ballot with { Rows = rows }).IsValid);
        var options = ballot.Options.ToArray();
        (options[0], options[1]) = (options[1], options[0]);
        Assert.False(BallotEncryption.Verify(Round, Keys.Public, Thirteen, ballot with { Options = options }).IsValid);
    }

    [Fact]
    public void Wrong_round_key_shape_or_counts_fail()
    {
        var ballot = BallotEncryption.Encrypt(Round, Keys.Public, Thirteen, BallotPlaintext.Valid(Ballots.Rows(13, 5), 3));
        Assert.False(BallotEncryption.Verify(ProofContext.Of("congress-1", "election-2", "round-2"), Keys.Public, Thirteen, ballot).IsValid);
        Assert.False(BallotEncryption.Verify(Round, ElGamal.GenerateKeyPair().Public, Thirteen, ballot).IsValid);
        Assert.False(BallotEncryption.Verify(Round, Keys.Public, Thirteen with { Weight = 10 }, ballot).IsValid);
        Assert.False(BallotEncryption.Verify(Round, Keys.Public, Thirteen with { Lo = -9 }, ballot).IsValid);
        Assert.Equal("The ballot has 12 rows; the round's list has 13.",
            BallotEncryption.Verify(Round, Keys.Public, Thirteen, ballot with { Rows = [.. ballot.Rows.Take(12)] }).Failure);
        Assert.Equal("The ballot has 2 options; the round has 3.",
            BallotEncryption.Verify(Round, Keys.Public, Thirteen, ballot with { Options = [.. ballot.Options.Take(2)] }).Failure);
        var identity = ballot.Rows.ToArray();
        identity[0] = identity[0] with { Ciphertext = identity[0].Ciphertext with { A = Group.Identity } };
        Assert.Equal("A ciphertext holds the identity element.", BallotEncryption.Verify(Round, Keys.Public, Thirteen, ballot with { Rows = identity }).Failure);
    }

    [Fact]
    public void Tracker_is_sha256_of_the_canonical_encoding_and_moves_with_any_change()
    {
        var ballot = BallotEncryption.Encrypt(Round, Keys.Public, Thirteen, BallotPlaintext.Valid(Ballots.Rows(13, 5), 3));
        var tracker = BallotEncryption.Tracker(ballot);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BallotEncryption.CanonicalEncoding(ballot))), tracker);
        Assert.Equal(64, tracker.Length);
        Assert.Equal(tracker, BallotEncryption.Tracker(ballot with { Rows = [.. ballot.Rows] }));
        var rows = ballot.Rows.ToArray();
        rows[12] = rows[12] with { Proof = rows[12].Proof with { Branches = Tamper.Change(rows[12].Proof.Branches, 0, b => b with { Challenge = Tamper.Plus1(b.Challenge) }) } };
        Assert.NotEqual(tracker, BallotEncryption.Tracker(ballot with { Rows = rows }));
        var options = ballot.Options.ToArray();
        options[1] = options[1] with { Ciphertext = Tamper.ShiftA(options[1].Ciphertext) };
        Assert.NotEqual(tracker, BallotEncryption.Tracker(ballot with { Options = options }));
        var selector = ballot.Selector with { Branches = Tamper.Change(ballot.Selector.Branches, 0, b => b with { Challenge = Tamper.Plus1(b.Challenge) }) };
        Assert.NotEqual(tracker, BallotEncryption.Tracker(ballot with { Selector = selector }));
        var constraint = ballot.Constraint with { Branches = Tamper.Change(ballot.Constraint.Branches, 0, b => b with { Response = Tamper.Plus1(b.Response) }) };
        Assert.NotEqual(tracker, BallotEncryption.Tracker(ballot with { Constraint = constraint }));
        Assert.NotEqual(tracker, BallotEncryption.Tracker(BallotEncryption.Encrypt(Round, Keys.Public, Thirteen, BallotPlaintext.Valid(Ballots.Rows(13, 5), 3))));
    }

    [Fact]
    public void Ballots_add_up_per_row_and_option_and_three_of_five_decrypt_the_totals()
    {
        var dealings = Enumerable.Range(1, 5).Select(i => ThresholdKey.Deal(i, 3)).ToList();
        var commitments = dealings.Select(d => d.Commitments).ToList();
        var pk = ThresholdKey.JointPublicKey(commitments);
        var plain = Enumerable.Range(0, 12).Select(b => b % 4 == 3
            ? BallotPlaintext.Marked(new int[13], 3, 1 + b % 2)
            : BallotPlaintext.Valid(Ballots.Rows(13, 1 + b % 11), 3)).ToList();
        var ballots = plain.Select(p => BallotEncryption.Encrypt(Round, pk, Thirteen, p)).ToList();
        Assert.All(ballots, b => Assert.True(BallotEncryption.Verify(Round, pk, Thirteen, b).IsValid));

        int[] trustees = [1, 3, 5];
        var totals = Enumerable.Range(0, 13).Select(row => ("row", row, Ciphertext.Sum(ballots.Select(b => b.Rows[row].Ciphertext)), plain.Sum(p => p.Rows[row])))
            .Concat(Enumerable.Range(0, 3).Select(k => ("option", k, Ciphertext.Sum(ballots.Select(b => b.Options[k].Ciphertext)), plain.Sum(p => p.Options[k]))));
        foreach (var (what, index, total, expected) in totals)
        {
            var partials = trustees.Select(j =>
            {
                var share = ThresholdKey.CombineShares(dealings.Select(d => d.ShareFor(j)));
                var context = Round.With("tally", what, index.ToString(System.Globalization.CultureInfo.InvariantCulture), "trustee", j.ToString(System.Globalization.CultureInfo.InvariantCulture));
                var key = ThresholdKey.VerificationKey(commitments, j);
                var partial = ThresholdDecryption.Decrypt(context, j, share, key, total);
                Assert.True(ThresholdDecryption.Verify(context, key, total, partial));
                return partial;
            }).ToList();
            Assert.Equal(expected, ThresholdDecryption.CombineToCount(total, partials));
        }
    }
}
