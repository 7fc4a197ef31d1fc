using ElectionSystem.Crypto;
using Org.BouncyCastle.Math;

namespace ElectionSystem.Crypto.Tests;

/// <summary>Encrypted ballots of 13 and 60 rows: they verify when honest and fail on any tamper.</summary>
public class BallotEncryptionTests
{
    private static readonly ElGamalKeyPair Keys = ElGamal.GenerateKeyPair();
    private static readonly ProofContext Round = ProofContext.Of("congress-1", "election-2", "round-1");
    private static readonly BallotShape Thirteen = new(13, 1, 11); // 13 names, 11 seats
    private static readonly BallotShape Sixty = new(60, 1, 50);    // 60 names, 50 seats

    private static int[] Selections(int rows, int kept)
    {
        var s = new int[rows];
        var rng = new Random(rows * 100 + kept);
        foreach (var i in Enumerable.Range(0, rows).OrderBy(_ => rng.Next()).Take(kept))
            s[i] = 1;
        return s;
    }

    [Theory]
    [InlineData(13, 1)]
    [InlineData(13, 11)]
    [InlineData(13, 7)]
    [InlineData(60, 50)]
    [InlineData(60, 23)]
    public void Honest_ballot_encrypts_proves_and_verifies(int rows, int kept)
    {
        var shape = rows == 13 ? Thirteen : Sixty;
        var selections = Selections(rows, kept);
        var ballot = BallotEncryption.Encrypt(Round, Keys.Public, shape, selections);
        Assert.Equal(rows, ballot.Rows.Count);
        Assert.Equal(shape.MaxSelected - shape.MinSelected + 1, ballot.SumProof.Branches.Count);
        Assert.Equal(BallotCheck.Valid, BallotEncryption.Verify(Round, Keys.Public, shape, ballot));
        // and it holds what was chosen
        for (var i = 0; i < rows; i++)
            Assert.Equal(ElGamal.Encode(selections[i]), ElGamal.Decrypt(Keys.Secret, ballot.Rows[i].Ciphertext));
    }

    [Fact]
    public void Encryption_refuses_a_ballot_outside_the_shape()
    {
        Assert.Throws<ArgumentException>(() => BallotEncryption.Encrypt(Round, Keys.Public, Thirteen, new int[13]));          // all struck out
        Assert.Throws<ArgumentException>(() => BallotEncryption.Encrypt(Round, Keys.Public, Thirteen, Selections(13, 12)));   // more than seats
        Assert.Throws<ArgumentException>(() => BallotEncryption.Encrypt(Round, Keys.Public, Thirteen, Selections(12, 3)));    // wrong length
        var two = Selections(13, 3);
        two[0] = 2;
        Assert.Throws<ArgumentException>(() => BallotEncryption.Encrypt(Round, Keys.Public, Thirteen, two));
    }

    [Fact]
    public void Tampered_row_fails_and_is_named()
    {
        var ballot = BallotEncryption.Encrypt(Round, Keys.Public, Thirteen, Selections(13, 5));
        var rows = ballot.Rows.ToArray();
        rows[4] = rows[4] with { Ciphertext = Tamper.ShiftB(rows[4].Ciphertext) };
        var check = BallotEncryption.Verify(Round, Keys.Public, Thirteen, ballot with { Rows = rows });
        Assert.False(check.IsValid);
        // H changes with any ciphertext, so the first row's proof already fails
        Assert.Equal("Row 1: the proof that it holds 0 or 1 does not verify.", check.Failure);
    }

    [Fact]
    public void Tampered_row_proof_fails_at_that_row()
    {
        var ballot = BallotEncryption.Encrypt(Round, Keys.Public, Thirteen, Selections(13, 5));
        var rows = ballot.Rows.ToArray();
        rows[6] = rows[6] with { Proof = rows[6].Proof with { Branches = Tamper.Change(rows[6].Proof.Branches, 1, b => b with { Response = Tamper.Plus1(b.Response) }) } };
        var check = BallotEncryption.Verify(Round, Keys.Public, Thirteen, ballot with { Rows = rows });
        Assert.Equal("Row 7: the proof that it holds 0 or 1 does not verify.", check.Failure);
    }

    [Fact]
    public void Row_copied_from_another_ballot_fails()
    {
        var mine = BallotEncryption.Encrypt(Round, Keys.Public, Thirteen, Selections(13, 5));
        var theirs = BallotEncryption.Encrypt(Round, Keys.Public, Thirteen, Selections(13, 5));
        var rows = mine.Rows.ToArray();
        rows[2] = theirs.Rows[2];
        Assert.False(BallotEncryption.Verify(Round, Keys.Public, Thirteen, mine with { Rows = rows }).IsValid);
    }

    [Fact]
    public void Swapped_rows_fail()
    {
        var ballot = BallotEncryption.Encrypt(Round, Keys.Public, Thirteen, [1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        var rows = ballot.Rows.ToArray();
        (rows[0], rows[1]) = (rows[1], rows[0]);
        Assert.False(BallotEncryption.Verify(Round, Keys.Public, Thirteen, ballot with { Rows = rows }).IsValid);
    }

    [Theory]
    [InlineData(0)]  // every name struck out
    [InlineData(12)] // more names kept than 11 seats
    public void Sum_out_of_range_fails_even_with_honest_row_proofs(int kept)
    {
        // A cheating tablet: honest 0/1 proofs on every row, and the range prover run on a sum outside [1, 11].
        var selections = Selections(13, kept);
        var encrypted = selections.Select(v => ElGamal.Encrypt(Keys.Public, v)).ToList();
        var ciphertexts = encrypted.Select(e => e.Ciphertext).ToList();
        var context = Round.With("ballot", BallotEncryption.CiphertextsDigest(ciphertexts));
        var rows = encrypted.Select((e, i) => new EncryptedRow(e.Ciphertext,
            ZeroOrOneProof.Prove(context.With("row", i.ToString(System.Globalization.CultureInfo.InvariantCulture)), Keys.Public, e.Ciphertext, e.Nonce, selections[i]))).ToList();
        var nonce = encrypted.Aggregate(BigInteger.Zero, (acc, e) => acc.Add(e.Nonce)).Mod(Group.N);
        var claimed = kept == 0 ? 1 : 11;
        var forged = RangeProof.ProveUnchecked(context.With("sum"), Keys.Public, Ciphertext.Sum(ciphertexts), nonce, claimed, 1, 11);
        var check = BallotEncryption.Verify(Round, Keys.Public, Thirteen, new EncryptedBallot(rows, forged));
        Assert.Equal("The proof that the ballot keeps 1–11 names does not verify.", check.Failure);
    }

    [Fact]
    public void Wrong_round_key_shape_or_row_count_fails()
    {
        var ballot = BallotEncryption.Encrypt(Round, Keys.Public, Thirteen, Selections(13, 5));
        Assert.False(BallotEncryption.Verify(ProofContext.Of("congress-1", "election-2", "round-2"), Keys.Public, Thirteen, ballot).IsValid);
        Assert.False(BallotEncryption.Verify(Round, ElGamal.GenerateKeyPair().Public, Thirteen, ballot).IsValid);
        Assert.False(BallotEncryption.Verify(Round, Keys.Public, Thirteen with { MaxSelected = 10 }, ballot).IsValid);
        var shorter = ballot with { Rows = [.. ballot.Rows.Take(12)] };
        Assert.Equal("The ballot has 12 rows; the round's list has 13.", BallotEncryption.Verify(Round, Keys.Public, Thirteen, shorter).Failure);
    }

    [Fact]
    public void Tracker_is_sha256_of_the_canonical_encoding_and_moves_with_any_change()
    {
        var ballot = BallotEncryption.Encrypt(Round, Keys.Public, Thirteen, Selections(13, 5));
        var tracker = BallotEncryption.Tracker(ballot);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BallotEncryption.CanonicalEncoding(ballot))), tracker);
        Assert.Equal(64, tracker.Length);
        Assert.Equal(tracker, BallotEncryption.Tracker(ballot with { Rows = [.. ballot.Rows] }));
        var rows = ballot.Rows.ToArray();
        rows[12] = rows[12] with { Proof = rows[12].Proof with { Branches = Tamper.Change(rows[12].Proof.Branches, 0, b => b with { Challenge = Tamper.Plus1(b.Challenge) }) } };
        Assert.NotEqual(tracker, BallotEncryption.Tracker(ballot with { Rows = rows }));
        var sum = ballot.SumProof with { Branches = Tamper.Change(ballot.SumProof.Branches, 0, b => b with { Response = Tamper.Plus1(b.Response) }) };
        Assert.NotEqual(tracker, BallotEncryption.Tracker(ballot with { SumProof = sum }));
        Assert.NotEqual(tracker, BallotEncryption.Tracker(BallotEncryption.Encrypt(Round, Keys.Public, Thirteen, Selections(13, 5))));
    }

    [Fact]
    public void Ballots_add_up_per_row_and_three_of_five_decrypt_the_totals()
    {
        var dealings = Enumerable.Range(1, 5).Select(i => ThresholdKey.Deal(i, 3)).ToList();
        var commitments = dealings.Select(d => d.Commitments).ToList();
        var pk = ThresholdKey.JointPublicKey(commitments);
        var shape = new BallotShape(13, 1, 11);
        var plain = Enumerable.Range(0, 12).Select(b => Selections(13, 1 + b % 11)).ToList();
        var ballots = plain.Select(p => BallotEncryption.Encrypt(Round, pk, shape, p)).ToList();
        Assert.All(ballots, b => Assert.True(BallotEncryption.Verify(Round, pk, shape, b).IsValid));

        int[] trustees = [1, 3, 5];
        for (var row = 0; row < 13; row++)
        {
            var total = Ciphertext.Sum(ballots.Select(b => b.Rows[row].Ciphertext));
            var partials = trustees.Select(j =>
            {
                var share = ThresholdKey.CombineShares(dealings.Select(d => d.ShareFor(j)));
                var context = Round.With("tally", row.ToString(System.Globalization.CultureInfo.InvariantCulture), "trustee", j.ToString(System.Globalization.CultureInfo.InvariantCulture));
                var key = ThresholdKey.VerificationKey(commitments, j);
                var partial = ThresholdDecryption.Decrypt(context, j, share, key, total);
                Assert.True(ThresholdDecryption.Verify(context, key, total, partial));
                return partial;
            }).ToList();
            Assert.Equal(plain.Sum(p => p[row]), ThresholdDecryption.CombineToCount(total, partials));
        }
    }
}
