using ElectionSystem.Crypto;

namespace ElectionSystem.Crypto.Tests;

/// <summary>Exponential ElGamal against its definition: Enc(m; r) = (g^r, g^m·pk^r), Dec = B·A^(−x).</summary>
public class ElGamalTests
{
    private static readonly ElGamalKeyPair Keys = ElGamal.GenerateKeyPair();

    [Fact]
    public void Key_pair_is_x_and_g_to_the_x()
    {
        Assert.Equal(Group.G.Pow(Keys.Secret), Keys.Public);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(0)]
    [InlineData(-2)]
    public void Encryption_is_the_definition(long m)
    {
        var r = Group.RandomScalar();
        var c = ElGamal.Encrypt(Keys.Public, m, r);
        Assert.Equal(Group.G.Pow(r), c.A);
        Assert.Equal(Group.G.Pow(Scalar.FromInteger(m)) * Keys.Public.Pow(r), c.B);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(59)]
    [InlineData(1600)]
    [InlineData(99_999)]
    public void Decryption_gives_g_to_the_m_and_the_discrete_log_gives_m(int m)
    {
        var (c, _) = ElGamal.Encrypt(Keys.Public, m);
        var gm = ElGamal.Decrypt(Keys.Secret, c);
        Assert.Equal(ElGamal.Encode(m), gm);
        Assert.Equal(m, DiscreteLog.Find(gm));
    }

    [Fact]
    public void Encryptions_of_the_same_m_differ()
    {
        Assert.NotEqual(ElGamal.Encrypt(Keys.Public, 1).Ciphertext, ElGamal.Encrypt(Keys.Public, 1).Ciphertext);
    }

    [Fact]
    public void Wrong_key_does_not_decrypt()
    {
        var (c, _) = ElGamal.Encrypt(Keys.Public, 5);
        Assert.NotEqual(ElGamal.Encode(5), ElGamal.Decrypt(ElGamal.GenerateKeyPair().Secret, c));
    }

    [Fact]
    public void Homomorphic_sum_encrypts_the_sum_with_the_sum_of_nonces()
    {
        var values = new[] { 1, 0, 1, 1, 0, 1, 1 };
        var encrypted = values.Select(v => ElGamal.Encrypt(Keys.Public, v)).ToList();
        var sum = Ciphertext.Sum(encrypted.Select(e => e.Ciphertext));
        Assert.Equal(values.Sum(), DiscreteLog.Find(ElGamal.Decrypt(Keys.Secret, sum)));
        var rSum = encrypted.Aggregate(Scalar.Zero, (acc, e) => acc + e.Nonce);
        Assert.Equal(ElGamal.Encrypt(Keys.Public, values.Sum(), rSum), sum);
    }

    [Fact]
    public void Raising_a_ciphertext_to_e_multiplies_plaintext_and_nonce()
    {
        var r = Group.RandomScalar();
        var c = ElGamal.Encrypt(Keys.Public, 1, r);
        var minusThree = Scalar.FromInteger(-3);
        Assert.Equal(ElGamal.Encrypt(Keys.Public, -3, minusThree * r), c.Pow(minusThree));
        Assert.Equal(ElGamal.Encode(-3), ElGamal.Decrypt(Keys.Secret, c.Pow(minusThree)));
    }

    [Fact]
    public void Discrete_log_beyond_the_bound_is_null()
    {
        Assert.Null(DiscreteLog.Find(ElGamal.Encode(1001), bound: 1000));
        Assert.Equal(1000, DiscreteLog.Find(ElGamal.Encode(1000), bound: 1000));
        Assert.Equal(32, DiscreteLog.Find(ElGamal.Encode(32), bound: 1000)); // a multiple of the step: lands on the identity
        Assert.Null(DiscreteLog.Find(Group.GPow(Group.RandomScalar()), bound: 1000));
        Assert.Equal(0, DiscreteLog.Find(Group.Identity));
    }

    [Fact]
    public void The_discrete_log_finds_every_count_around_the_steps_and_bounds_of_its_one_table()
    {
        // One table of baby steps for every bound (s = 317 for the default bound): counts on and beside a
        // giant step, a bound below, at and above a step, and past the default bound.
        int[] bounds = [0, 1, 316, 317, 318, 1_600, 100_000, 250_000];
        foreach (var bound in bounds)
        {
            foreach (var m in new long[] { 0, 1, 2, 315, 316, 317, 318, 633, 634, 635, 1_599, 1_600, 99_999, 100_000, 100_001, 250_000 }.Where(m => m <= bound))
                Assert.Equal(m, DiscreteLog.Find(ElGamal.Encode(m), bound));
            Assert.Null(DiscreteLog.Find(ElGamal.Encode(bound + 1L), bound));
        }
        for (var m = 0; m <= 700; m++)
            Assert.Equal(m, DiscreteLog.Find(ElGamal.Encode(m), 700));
    }
}
