using ElectionSystem.Crypto;

namespace ElectionSystem.Crypto.Tests;

/// <summary>The disjunctive range proof on a sum: complete across [lo, hi], sound at its edges, tamper-evident.</summary>
public class RangeProofTests
{
    private static readonly ElGamalKeyPair Keys = ElGamal.GenerateKeyPair();
    private static readonly ProofContext Context = ProofContext.Of("congress-1", "election-2", "round-1", "sum");

    private static (Ciphertext C, RangeProof Proof) Honest(long m, long lo, long hi)
    {
        var (c, r) = ElGamal.Encrypt(Keys.Public, m);
        return (c, RangeProof.Prove(Context, Keys.Public, c, r, m, lo, hi));
    }

    [Theory]
    [InlineData(1, 1, 9)]
    [InlineData(5, 1, 9)]
    [InlineData(9, 1, 9)]
    [InlineData(0, 0, 0)]
    [InlineData(45, 1, 45)]
    [InlineData(-1, -1, 0)]
    [InlineData(0, -1, 0)]
    [InlineData(-10, -10, 0)]
    [InlineData(-4, -10, 0)]
    [InlineData(1, 1, 1)]
    public void Honest_proof_verifies(long m, long lo, long hi)
    {
        var (c, proof) = Honest(m, lo, hi);
        Assert.Equal(hi - lo + 1, proof.Branches.Count);
        Assert.True(proof.Verify(Context, Keys.Public, c, lo, hi));
    }

    [Fact]
    public void Homomorphic_sum_of_rows_proves_its_range()
    {
        var rows = new[] { 1, 0, 1, 1, 0 }.Select(v => (V: v, E: ElGamal.Encrypt(Keys.Public, v))).ToList();
        var sum = Ciphertext.Sum(rows.Select(r => r.E.Ciphertext));
        var nonce = rows.Aggregate(Scalar.Zero, (acc, r) => acc + r.E.Nonce);
        var proof = RangeProof.Prove(Context, Keys.Public, sum, nonce, 3, 1, 4);
        Assert.True(proof.Verify(Context, Keys.Public, sum, 1, 4));
    }

    [Theory]
    [InlineData(0, 1, 4)]
    [InlineData(5, 1, 4)]
    public void Prover_refuses_a_value_outside_the_range(long m, long lo, long hi)
    {
        var (c, r) = ElGamal.Encrypt(Keys.Public, m);
        Assert.Throws<ArgumentOutOfRangeException>(() => RangeProof.Prove(Context, Keys.Public, c, r, m, lo, hi));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(5, 4)]
    [InlineData(5, 1)]
    public void Forged_proof_for_a_value_outside_the_range_fails(long m, long claimed)
    {
        var (c, r) = ElGamal.Encrypt(Keys.Public, m);
        var forged = RangeProof.ProveUnchecked(Context, Keys.Public, c, r, claimed, 1, 4);
        Assert.False(forged.Verify(Context, Keys.Public, c, 1, 4));
    }

    [Theory]
    [InlineData(-2, 0)]
    [InlineData(1, -1)]
    [InlineData(1, 0)]
    public void Forged_proof_outside_a_negative_range_fails(long m, long claimed)
    {
        var (c, r) = ElGamal.Encrypt(Keys.Public, m);
        Assert.Throws<ArgumentOutOfRangeException>(() => RangeProof.Prove(Context, Keys.Public, c, r, m, -1, 0));
        var forged = RangeProof.ProveUnchecked(Context, Keys.Public, c, r, claimed, -1, 0);
        Assert.False(forged.Verify(Context, Keys.Public, c, -1, 0));
    }

    [Fact]
    public void Ranges_a_proof_cannot_cover_are_refused()
    {
        var (c, r) = ElGamal.Encrypt(Keys.Public, 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => RangeProof.Prove(Context, Keys.Public, c, r, 0, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RangeProof.Prove(Context, Keys.Public, c, r, 0, 0, RangeProof.MaxWidth));
        Assert.False(new RangeProof([]).Verify(Context, Keys.Public, c, 1, 0));
    }

    [Fact]
    public void Verifying_against_another_range_fails()
    {
        var (c, proof) = Honest(3, 1, 4);
        Assert.False(proof.Verify(Context, Keys.Public, c, 1, 3));
        Assert.False(proof.Verify(Context, Keys.Public, c, 0, 3)); // same width, shifted
        Assert.False(proof.Verify(Context, Keys.Public, c, 1, 5));
    }

    [Fact]
    public void Each_one_part_change_fails()
    {
        var (c, proof) = Honest(2, 1, 4);
        Assert.True(proof.Verify(Context, Keys.Public, c, 1, 4));
        Assert.False(proof.Verify(Context, Keys.Public, Tamper.ShiftA(c), 1, 4));
        Assert.False(proof.Verify(Context, Keys.Public, Tamper.ShiftB(c), 1, 4));
        for (var i = 0; i < proof.Branches.Count; i++)
        {
            var challenge = proof with { Branches = Tamper.Change(proof.Branches, i, b => b with { Challenge = Tamper.Plus1(b.Challenge) }) };
            var response = proof with { Branches = Tamper.Change(proof.Branches, i, b => b with { Response = Tamper.Plus1(b.Response) }) };
            Assert.False(challenge.Verify(Context, Keys.Public, c, 1, 4));
            Assert.False(response.Verify(Context, Keys.Public, c, 1, 4));
        }
        Assert.False(proof.Verify(Context.With("other"), Keys.Public, c, 1, 4));
        Assert.False(proof.Verify(Context, ElGamal.GenerateKeyPair().Public, c, 1, 4));
    }

    [Fact]
    public void A_zero_or_one_proof_is_not_a_range_proof_of_0_to_1()
    {
        // Domain separation: the same statement under another tag does not verify.
        var (c, r) = ElGamal.Encrypt(Keys.Public, 1);
        var zeroOrOne = ZeroOrOneProof.Prove(Context, Keys.Public, c, r, 1);
        Assert.False(new RangeProof(zeroOrOne.Branches).Verify(Context, Keys.Public, c, 0, 1));
    }
}
