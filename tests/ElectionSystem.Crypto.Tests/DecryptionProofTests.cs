using ElectionSystem.Crypto;

namespace ElectionSystem.Crypto.Tests;

/// <summary>Chaum–Pedersen: D = A^x with K = g^x verifies; each one-part change fails.</summary>
public class DecryptionProofTests
{
    private static readonly ElGamalKeyPair Trustee = ElGamal.GenerateKeyPair();
    private static readonly ProofContext Context = ProofContext.Of("congress-1", "election-2", "round-1", "tally", "trustee", "1");

    private static (Ciphertext C, Element D, DecryptionProof Proof) Honest()
    {
        var (c, _) = ElGamal.Encrypt(ElGamal.GenerateKeyPair().Public, 17);
        var d = c.A.Pow(Trustee.Secret);
        return (c, d, DecryptionProof.Prove(Context, Trustee.Public, Trustee.Secret, c, d));
    }

    [Fact]
    public void Honest_proof_verifies()
    {
        var (c, d, proof) = Honest();
        Assert.True(proof.Verify(Context, Trustee.Public, c, d));
    }

    [Fact]
    public void Wrong_partial_decryption_fails_even_when_proved_with_the_right_share()
    {
        var (c, d, _) = Honest();
        var wrong = Tamper.Shift(d);
        var proof = DecryptionProof.Prove(Context, Trustee.Public, Trustee.Secret, c, wrong);
        Assert.False(proof.Verify(Context, Trustee.Public, c, wrong));
    }

    [Fact]
    public void Changed_ciphertext_fails()
    {
        var (c, d, proof) = Honest();
        Assert.False(proof.Verify(Context, Trustee.Public, Tamper.ShiftA(c), d));
        Assert.False(proof.Verify(Context, Trustee.Public, Tamper.ShiftB(c), d)); // B is in the transcript
    }

    [Fact]
    public void Changed_partial_fails()
    {
        var (c, d, proof) = Honest();
        Assert.False(proof.Verify(Context, Trustee.Public, c, Tamper.Shift(d)));
    }

    [Fact]
    public void Changed_challenge_or_response_fails()
    {
        var (c, d, proof) = Honest();
        Assert.False((proof with { Challenge = Tamper.Plus1(proof.Challenge) }).Verify(Context, Trustee.Public, c, d));
        Assert.False((proof with { Response = Tamper.Plus1(proof.Response) }).Verify(Context, Trustee.Public, c, d));
        Assert.Throws<FormatException>(() => Group.DecodeScalar(Tamper.PlusOrder(proof.Response))); // response + L never decodes
    }

    [Fact]
    public void Proof_is_the_definition()
    {
        // c = H(tag, context, K, A, B, D, g^v·K^-c, A^v·D^-c)
        var (c, d, proof) = Honest();
        var a = Group.GPow(proof.Response) / Trustee.Public.Pow(proof.Challenge);
        var b = c.A.Pow(proof.Response) / d.Pow(proof.Challenge);
        var expected = FiatShamir.Start(DecryptionProof.Tag, Context, Trustee.Public).Ciphertext(c).Element(d).Element(a).Element(b).Challenge();
        Assert.Equal(expected, proof.Challenge);
    }

    [Fact]
    public void Other_context_or_verification_key_fails()
    {
        var (c, d, proof) = Honest();
        Assert.False(proof.Verify(ProofContext.Of("congress-1", "election-2", "round-1", "tally", "trustee", "2"), Trustee.Public, c, d));
        Assert.False(proof.Verify(Context, ElGamal.GenerateKeyPair().Public, c, d));
    }
}
