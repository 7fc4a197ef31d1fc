using ElectionSystem.Crypto;

namespace ElectionSystem.Crypto.Tests;

/// <summary>The CDS 0/1 proof: complete for 0 and 1, and each one-part change makes it fail.</summary>
public class ZeroOrOneProofTests
{
    private static readonly ElGamalKeyPair Keys = ElGamal.GenerateKeyPair();
    private static readonly ProofContext Context = ProofContext.Of("congress-1", "election-2", "round-1", "row", "0");

    private static (Ciphertext C, ZeroOrOneProof Proof) Honest(int m)
    {
        var (c, r) = ElGamal.Encrypt(Keys.Public, m);
        return (c, ZeroOrOneProof.Prove(Context, Keys.Public, c, r, m));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Honest_proof_verifies(int m)
    {
        var (c, proof) = Honest(m);
        Assert.Equal(2, proof.Branches.Count);
        Assert.True(proof.Verify(Context, Keys.Public, c));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Challenges_add_up_to_the_fiat_shamir_challenge(int m)
    {
        // The definition: c0 + c1 = H(tag, context, pk, 0, 1, A, B, a0, b0, a1, b1) with a_j = g^v_j·A^-c_j, b_j = pk^v_j·(B·g^-j)^-c_j.
        var (c, proof) = Honest(m);
        var t = FiatShamir.Start(ZeroOrOneProof.Tag, Context, Keys.Public).Integer(0).Integer(1).Ciphertext(c);
        for (var j = 0; j < 2; j++)
        {
            var (cj, vj) = (proof.Branches[j].Challenge, proof.Branches[j].Response);
            var a = Group.G.Pow(vj) / c.A.Pow(cj);
            var b = Keys.Public.Pow(vj) / (c.B / Group.G.Pow(Scalar.FromInteger(j))).Pow(cj);
            t.Element(a).Element(b);
        }
        Assert.Equal(t.Challenge(), proof.Branches[0].Challenge + proof.Branches[1].Challenge);
    }

    [Fact]
    public void Changed_ciphertext_fails()
    {
        var (c, proof) = Honest(1);
        Assert.False(proof.Verify(Context, Keys.Public, Tamper.ShiftA(c)));
        Assert.False(proof.Verify(Context, Keys.Public, Tamper.ShiftB(c)));
        Assert.False(proof.Verify(Context, Keys.Public, Honest(1).C));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Changed_challenge_fails(int branch)
    {
        var (c, proof) = Honest(0);
        var tampered = proof with { Branches = Tamper.Change(proof.Branches, branch, b => b with { Challenge = Tamper.Plus1(b.Challenge) }) };
        Assert.False(tampered.Verify(Context, Keys.Public, c));
    }

    [Fact]
    public void Challenges_moved_between_branches_keeping_their_sum_fail()
    {
        var (c, proof) = Honest(1);
        var (b0, b1) = (proof.Branches[0], proof.Branches[1]);
        var tampered = new ZeroOrOneProof([b0 with { Challenge = Tamper.Plus1(b0.Challenge) },
            b1 with { Challenge = b1.Challenge - Scalar.One }]);
        Assert.False(tampered.Verify(Context, Keys.Public, c));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Changed_response_fails(int branch)
    {
        var (c, proof) = Honest(1);
        var tampered = proof with { Branches = Tamper.Change(proof.Branches, branch, b => b with { Response = Tamper.Plus1(b.Response) }) };
        Assert.False(tampered.Verify(Context, Keys.Public, c));
    }

    [Fact]
    public void Other_context_fails()
    {
        var (c, proof) = Honest(1);
        Assert.False(proof.Verify(ProofContext.Of("congress-1", "election-2", "round-2", "row", "0"), Keys.Public, c));
        Assert.False(proof.Verify(Context.With("x"), Keys.Public, c));
    }

    [Fact]
    public void Other_public_key_fails()
    {
        var (c, proof) = Honest(0);
        Assert.False(proof.Verify(Context, ElGamal.GenerateKeyPair().Public, c));
    }

    [Fact]
    public void Non_canonical_scalars_and_wrong_branch_count_fail()
    {
        // A Scalar is canonical by construction, so a response + L is refused where it is decoded.
        var (c, proof) = Honest(0);
        Assert.Throws<FormatException>(() => Group.DecodeScalar(Tamper.PlusOrder(proof.Branches[0].Response)));
        Assert.False(new ZeroOrOneProof([proof.Branches[0]]).Verify(Context, Keys.Public, c));
        Assert.False(new ZeroOrOneProof([.. proof.Branches, proof.Branches[1]]).Verify(Context, Keys.Public, c));
    }

    [Fact]
    public void Ciphertext_or_key_holding_the_identity_fails()
    {
        var (c, proof) = Honest(0);
        Assert.False(proof.Verify(Context, Keys.Public, c with { A = Group.Identity }));
        Assert.False(proof.Verify(Context, Group.Identity, c));
    }

    [Fact]
    public void Proof_with_fixed_nonces_is_the_definition()
    {
        // w, c_1, v_1 given: branch 1 simulated, branch 0 real (m = 0).
        var (w, c1, v1, r) = (Scalar.FromInteger(11), Scalar.FromInteger(22), Scalar.FromInteger(33), Scalar.FromInteger(44));
        var nonces = new Queue<Scalar>([w, c1, v1]);
        var ct = ElGamal.Encrypt(Keys.Public, 0, r);
        var proof = ZeroOrOneProof.Prove(Context, Keys.Public, ct, r, 0, nonces.Dequeue);
        Assert.Empty(nonces);
        Assert.Equal(new ProofBranch(c1, v1), proof.Branches[1]);
        var a1 = Group.GPow(v1) / ct.A.Pow(c1);
        var b1 = Keys.Public.Pow(v1) / (ct.B / Group.G).Pow(c1);
        var c = FiatShamir.Start(ZeroOrOneProof.Tag, Context, Keys.Public).Integer(0).Integer(1).Ciphertext(ct)
            .Element(Group.GPow(w)).Element(Keys.Public.Pow(w)).Element(a1).Element(b1).Challenge();
        Assert.Equal(c - c1, proof.Branches[0].Challenge);
        Assert.Equal(w + (c - c1) * r, proof.Branches[0].Response);
        Assert.True(proof.Verify(Context, Keys.Public, ct));
    }

    [Fact]
    public void Prover_refuses_two()
    {
        var (c, r) = ElGamal.Encrypt(Keys.Public, 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => ZeroOrOneProof.Prove(Context, Keys.Public, c, r, 2));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Forged_proof_for_two_fails(int claimed)
    {
        // A cheating prover runs the honest algorithm on an encryption of 2, pretending it holds 0 or 1.
        var (c, r) = ElGamal.Encrypt(Keys.Public, 2);
        var forged = ZeroOrOneProof.ProveUnchecked(Context, Keys.Public, c, r, claimed);
        Assert.False(forged.Verify(Context, Keys.Public, c));
    }

    [Fact]
    public void Fully_simulated_proof_fails()
    {
        // Both branches simulated (no witness): the challenges are chosen before the hash, so they cannot sum to it.
        var (c, _) = ElGamal.Encrypt(Keys.Public, 2);
        var forged = new ZeroOrOneProof([new(Group.RandomScalar(), Group.RandomScalar()), new(Group.RandomScalar(), Group.RandomScalar())]);
        Assert.False(forged.Verify(Context, Keys.Public, c));
    }
}
