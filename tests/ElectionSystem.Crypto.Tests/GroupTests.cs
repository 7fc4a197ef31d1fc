using ElectionSystem.Crypto;

namespace ElectionSystem.Crypto.Tests;

/// <summary>ristretto255 through libsodium: published vectors, encodings, rejections, and the arithmetic's laws.</summary>
public class GroupTests
{
    // RFC 9496 A.1: multiples of the generator (0·g is the identity, all zero bytes).
    private const string G1 = "e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76";
    private const string G2 = "6a493210f7499cd17fecb510ae0cea23a110e8d5b901f8acadd3095c73a3b919";
    private const string G3 = "94741f5d5d52755ece4f23f044ee27d5d1ea1e2bd196b462166b16152a9d0259";
    private const string G4 = "da80862773358b466ffadfe0b3293ab3d9fd53c5ea6c955358f568322daf6a57";

    // L − 1, little-endian.
    private const string OrderMinusOne = "ecd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010";

    [Fact]
    public void Generator_and_order_are_those_of_ristretto255()
    {
        Assert.Equal(G1, Group.EncodeElement(Group.G));
        var minusOne = Group.DecodeScalar(OrderMinusOne);
        Assert.Equal(Scalar.FromInteger(-1), minusOne);
        Assert.Equal(-Scalar.One, minusOne);
        Assert.True((Group.GPow(minusOne) * Group.G).IsIdentity); // g^(L−1) · g = g^L = 1
        Assert.False(Group.GPow(minusOne).IsIdentity);
    }

    [Fact]
    public void G_to_a_small_integer_from_the_table_is_the_fixed_base_multiplication()
    {
        // The table is filled on first use: read every slot twice (filled, then from the table), the edges and past them.
        long[] ms = [.. Enumerable.Range(-1_030, 2_061).Select(m => (long)m), 1L << 40, -(1L << 40)];
        foreach (var m in ms.Concat(ms))
        {
            var expected = Element.BasePow(Scalar.FromInteger(m));
            Assert.Equal(expected, Group.GPow(m));
        }
        Assert.True(Group.GPow(0).IsIdentity);
        Assert.Equal(G2, Group.EncodeElement(Group.GPow(2)));
        Assert.Equal(Group.G, Group.GPow(-1) * Group.GPow(2));
    }

    [Theory]
    [InlineData(2, G2)]
    [InlineData(3, G3)]
    [InlineData(4, G4)]
    public void Small_multiples_of_g_match_published_vectors(int k, string expected)
    {
        Assert.Equal(expected, Group.EncodeElement(Group.GPow(k)));
        Assert.Equal(expected, Group.EncodeElement(ElGamal.Encode(k)));
        var product = Enumerable.Repeat(Group.G, k).Aggregate((x, y) => x * y);
        Assert.Equal(expected, Group.EncodeElement(product));
        Assert.Equal(expected, Group.EncodeElement(Group.G.Pow(Scalar.FromInteger(k))));
    }

    [Fact]
    public void Element_round_trips_through_32_byte_lower_hex()
    {
        for (var i = 0; i < 20; i++)
        {
            var p = Group.GPow(Group.RandomScalar());
            var hex = Group.EncodeElement(p);
            Assert.Equal(64, hex.Length);
            Assert.Equal(hex.ToLowerInvariant(), hex);
            Assert.Equal(p, Group.DecodeElement(hex));
        }
    }

    [Fact]
    public void Scalar_round_trips_through_32_byte_little_endian_lower_hex()
    {
        Assert.Equal("0200000000000000000000000000000000000000000000000000000000000000", Group.EncodeScalar(Scalar.FromInteger(2)));
        foreach (var s in new[] { Scalar.Zero, Scalar.One, Scalar.FromInteger(-1), Group.RandomScalar() })
        {
            var hex = Group.EncodeScalar(s);
            Assert.Equal(64, hex.Length);
            Assert.Equal(s, Group.DecodeScalar(hex));
        }
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")] // the identity
    [InlineData("E2F2AE0A6ABC4E71A884A961C500515F58E30B6AA582DD8DB6A65945E08D2D76")] // upper case
    [InlineData("")]
    [InlineData("e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d")]   // 31 bytes
    [InlineData("e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d7600")] // 33 bytes
    // RFC 9496 A.2, bad encodings: non-canonical field encodings, negative field elements, non-square x².
    [InlineData("00ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    [InlineData("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")]
    [InlineData("f3ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")]
    [InlineData("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")]
    [InlineData("0100000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("01ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")]
    [InlineData("26948d35ca62e643e26a83177332e6b6afeb9d08e4268b650f1f5bbd8d81d371")]
    [InlineData("4eac077a713c57b4f4397629a4145982c661f48044dd3f96427d40b147d9742f")]
    public void Invalid_element_encodings_are_rejected(string hex)
    {
        Assert.Throws<FormatException>(() => Group.DecodeElement(hex));
    }

    [Fact]
    public void Identity_is_computed_but_never_encoded()
    {
        var x = Group.GPow(Group.RandomScalar());
        Assert.True(Group.GPow(0).IsIdentity);
        Assert.True(Group.GPow(Scalar.Zero).IsIdentity);
        Assert.True((x / x).IsIdentity);
        Assert.True(x.Pow(Scalar.Zero).IsIdentity);
        Assert.True(Group.Identity.Pow(Group.RandomScalar()).IsIdentity);
        Assert.Equal(x, x * Group.Identity);
        Assert.Equal(x, Group.Identity * x);
        Assert.Equal(x, x / Group.Identity);
        Assert.Equal(Group.Identity, (Group.Identity / x) * x);
        Assert.Equal(x.Pow(Scalar.FromInteger(-1)), Group.Identity / x);
        Assert.Throws<InvalidOperationException>(() => Group.EncodeElement(Group.Identity));
        Assert.Equal(default(Element), Group.Identity);
    }

    [Fact]
    public void Exponents_add_and_multiply()
    {
        var (a, b) = (Group.RandomScalar(), Group.RandomScalar());
        Assert.Equal(Group.GPow(a) * Group.GPow(b), Group.GPow(a + b));
        Assert.Equal(Group.GPow(a) / Group.GPow(b), Group.GPow(a - b));
        Assert.Equal(Group.GPow(a).Pow(b), Group.GPow(a * b));
        Assert.Equal(Group.GPow(-a) * Group.GPow(a), Group.Identity);
    }

    [Fact]
    public void Scalar_arithmetic_is_arithmetic_mod_L()
    {
        Assert.Equal(Scalar.FromInteger(6), Scalar.FromInteger(2) * Scalar.FromInteger(3));
        Assert.Equal(Scalar.FromInteger(-2), Scalar.FromInteger(5) - Scalar.FromInteger(7));
        Assert.Equal(Scalar.Zero, Scalar.FromInteger(-1) + Scalar.One);
        var x = Group.RandomScalar();
        Assert.Equal(Scalar.One, x * x.Invert());
        Assert.Throws<DivideByZeroException>(() => Scalar.Zero.Invert());
        // reduce: L itself (as 64 bytes) is 0, L + 5 is 5
        var wide = new byte[64];
        Convert.FromHexString(Group.OrderHex).CopyTo(wide, 0);
        Assert.Equal(Scalar.Zero, Scalar.Reduce(wide));
        wide[0] += 5;
        Assert.Equal(Scalar.FromInteger(5), Scalar.Reduce(wide));
        Assert.Throws<ArgumentOutOfRangeException>(() => Scalar.FromInteger(1L << 62));
    }

    [Theory]
    [InlineData(Group.OrderHex)] // L itself
    [InlineData("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    [InlineData("00000000000000000000000000000000000000000000000000000000000000001")] // 65 digits
    [InlineData("000000000000000000000000000000000000000000000000000000000000001")]  // 63 digits
    [InlineData("0A00000000000000000000000000000000000000000000000000000000000000")] // upper case
    [InlineData("-000000000000000000000000000000000000000000000000000000000000001")]
    public void Non_canonical_scalars_are_rejected(string hex)
    {
        Assert.Throws<FormatException>(() => Group.DecodeScalar(hex));
    }

    [Fact]
    public void A_scalar_plus_L_is_rejected()
    {
        var s = Scalar.FromInteger(12345);
        Assert.Throws<FormatException>(() => Group.DecodeScalar(Tamper.PlusOrder(s)));
    }

    [Fact]
    public void Random_scalars_are_in_range_and_differ()
    {
        var seen = new HashSet<Scalar>();
        for (var i = 0; i < 200; i++)
        {
            var s = Group.RandomScalar();
            Assert.False(s.IsZero);
            Assert.Equal(s, Group.DecodeScalar(Group.EncodeScalar(s))); // canonical
            Assert.True(seen.Add(s));
        }
    }
}
