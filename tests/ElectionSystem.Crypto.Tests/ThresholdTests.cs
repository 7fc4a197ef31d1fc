using ElectionSystem.Crypto;

namespace ElectionSystem.Crypto.Tests;

/// <summary>The 3-of-5 key ceremony and threshold decryption, each step against its definition.</summary>
public class ThresholdTests
{
    private const int N = 5;
    private const int K = 3;
    private static readonly ProofContext Round = ProofContext.Of("congress-1", "election-2", "round-1");

    private sealed record Ceremony(IReadOnlyList<Dealing> Dealings, Element PublicKey, Scalar[] Shares, Element[] VerificationKeys)
    {
        public Scalar JointSecret => Dealings.Aggregate(Scalar.Zero, (acc, d) => acc + d.Coefficients[0]);
    }

    private static Ceremony Run()
    {
        var dealings = Enumerable.Range(1, N).Select(i => ThresholdKey.Deal(i, K)).ToList();
        var commitments = dealings.Select(d => d.Commitments).ToList();
        var shares = new Scalar[N + 1];
        var keys = new Element[N + 1];
        for (var j = 1; j <= N; j++)
        {
            shares[j] = ThresholdKey.CombineShares(dealings.Select(d => d.ShareFor(j)));
            keys[j] = ThresholdKey.VerificationKey(commitments, j);
        }
        return new Ceremony(dealings, ThresholdKey.JointPublicKey(commitments), shares, keys);
    }

    private static readonly Ceremony Shared = Run();

    [Fact]
    public void Every_honest_share_verifies_against_its_dealers_commitments()
    {
        foreach (var d in Shared.Dealings)
        {
            Assert.Equal(K, d.Commitments.Count);
            for (var j = 1; j <= N; j++)
                Assert.True(ThresholdKey.VerifyShare(d.Commitments, K, j, d.ShareFor(j)));
        }
    }

    [Fact]
    public void Share_is_the_polynomial_at_j()
    {
        var d = Shared.Dealings[0];
        var (a0, a1, a2) = (d.Coefficients[0], d.Coefficients[1], d.Coefficients[2]);
        // f(4) = a0 + 4·a1 + 16·a2
        var direct = a0 + a1 * Scalar.FromInteger(4) + a2 * Scalar.FromInteger(16);
        Assert.Equal(direct, d.ShareFor(4));
    }

    [Fact]
    public void Joint_key_and_verification_keys_match_the_secrets()
    {
        Assert.Equal(Group.GPow(Shared.JointSecret), Shared.PublicKey);
        for (var j = 1; j <= N; j++)
            Assert.Equal(Group.GPow(Shared.Shares[j]), Shared.VerificationKeys[j]);
    }

    [Fact]
    public void Corrupted_share_is_detected_and_its_dealer_named()
    {
        var commitments = Shared.Dealings.ToDictionary(d => d.Dealer, d => d.Commitments);
        var shares = new Dictionary<(int Dealer, int Recipient), Scalar>();
        foreach (var d in Shared.Dealings)
        {
            for (var j = 1; j <= N; j++)
                shares[(d.Dealer, j)] = d.ShareFor(j);
        }
        Assert.Empty(ThresholdKey.Disqualified(commitments, shares, K));

        shares[(4, 2)] = Tamper.Plus1(shares[(4, 2)]);
        Assert.False(ThresholdKey.VerifyShare(commitments[4], K, 2, shares[(4, 2)]));
        Assert.Equal([4], ThresholdKey.Disqualified(commitments, shares, K));
    }

    [Fact]
    public void Dealer_with_too_few_commitments_is_disqualified()
    {
        var commitments = Shared.Dealings.ToDictionary(d => d.Dealer, d => d.Commitments);
        var shares = Shared.Dealings.SelectMany(d => Enumerable.Range(1, N).Select(j => (d, j)))
            .ToDictionary(x => (x.d.Dealer, x.j), x => x.d.ShareFor(x.j));
        commitments[2] = [.. commitments[2].Take(K - 1)]; // a degree-1 polynomial would let 2 trustees decrypt
        Assert.Equal([2], ThresholdKey.Disqualified(commitments, shares, K));
    }

    [Fact]
    public void Lagrange_coefficients_interpolate_the_polynomial_at_zero()
    {
        var coefficients = Enumerable.Range(0, K).Select(_ => Group.RandomScalar()).ToArray();
        foreach (var set in Subsets(K).Concat(Subsets(4)).Append([1, 2, 3, 4, 5]))
        {
            var sum = set.Aggregate(Scalar.Zero, (acc, j) =>
                acc + ThresholdDecryption.LagrangeAtZero(j, set) * ThresholdKey.Evaluate(coefficients, j));
            Assert.Equal(coefficients[0], sum);
        }
    }

    [Fact]
    public void Lagrange_coefficient_is_the_product_formula()
    {
        // S = {1, 3, 4}: λ_1 = 3/(3−1) · 4/(4−1) = 2 mod L; λ_3 = 1/(1−3) · 4/(4−3) = −2.
        Assert.Equal(Scalar.FromInteger(-2), ThresholdDecryption.LagrangeAtZero(3, [1, 3, 4]));
        Assert.Equal(Scalar.FromInteger(2), ThresholdDecryption.LagrangeAtZero(1, [1, 3, 4]));
        Assert.Throws<ArgumentException>(() => ThresholdDecryption.LagrangeAtZero(2, [1, 3, 4]));
    }

    [Fact]
    public void Any_three_trustees_decrypt_a_sum_correctly()
    {
        var votes = new[] { 1, 1, 0, 1, 1, 1, 0, 1 };
        var sum = Ciphertext.Sum(votes.Select(v => ElGamal.Encrypt(Shared.PublicKey, v).Ciphertext));
        foreach (var set in Subsets(K))
        {
            var partials = set.Select(j => ThresholdDecryption.Decrypt(Context(j), j, Shared.Shares[j], Shared.VerificationKeys[j], sum)).ToList();
            Assert.All(partials, p => Assert.True(ThresholdDecryption.Verify(Context(p.Trustee), Shared.VerificationKeys[p.Trustee], sum, p)));
            Assert.Equal(ElGamal.Encode(votes.Sum()), ThresholdDecryption.Combine(sum, partials));
            Assert.Equal(votes.Sum(), ThresholdDecryption.CombineToCount(sum, partials));
        }
    }

    [Fact]
    public void Two_trustees_combine_to_a_wrong_point()
    {
        var (c, _) = ElGamal.Encrypt(Shared.PublicKey, 6);
        foreach (var set in Subsets(K - 1))
        {
            var partials = set.Select(j => ThresholdDecryption.Decrypt(Context(j), j, Shared.Shares[j], Shared.VerificationKeys[j], c)).ToList();
            Assert.NotEqual(ElGamal.Encode(6), ThresholdDecryption.Combine(c, partials));
            Assert.Null(ThresholdDecryption.CombineToCount(c, partials));
        }
    }

    [Fact]
    public void A_wrong_partial_decryption_is_caught_by_its_proof()
    {
        var (c, _) = ElGamal.Encrypt(Shared.PublicKey, 6);
        var honest = ThresholdDecryption.Decrypt(Context(2), 2, Shared.Shares[2], Shared.VerificationKeys[2], c);
        var lying = honest with { Share = Tamper.Shift(honest.Share) };
        Assert.False(ThresholdDecryption.Verify(Context(2), Shared.VerificationKeys[2], c, lying));
        // a share from someone who took no part in the ceremony does not match any verification key
        var outsider = ElGamal.GenerateKeyPair();
        var foreign = ThresholdDecryption.Decrypt(Context(2), 2, outsider.Secret, outsider.Public, c);
        Assert.False(ThresholdDecryption.Verify(Context(2), Shared.VerificationKeys[2], c, foreign));
    }

    private static ProofContext Context(int trustee) => Round.With("tally", "0", "trustee", trustee.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static IEnumerable<int[]> Subsets(int size) =>
        Enumerable.Range(0, 1 << N)
            .Where(mask => System.Numerics.BitOperations.PopCount((uint)mask) == size)
            .Select(mask => Enumerable.Range(1, N).Where(j => (mask & (1 << (j - 1))) != 0).ToArray());
}
