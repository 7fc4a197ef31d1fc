using ElectionSystem.Crypto;
using Org.BouncyCastle.Math;

namespace ElectionSystem.Crypto.Tests;

/// <summary>Group encodings: round trips, and every non-canonical or invalid form rejected.</summary>
public class GroupTests
{
    // SEC 2 / FIPS 186-4: the P-256 generator and order.
    private const string GeneratorHex = "036b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296";
    private const string OrderHex = "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551";

    [Fact]
    public void Generator_and_order_are_those_of_P256()
    {
        Assert.Equal(GeneratorHex, Group.EncodePoint(Group.G));
        Assert.Equal(new BigInteger(OrderHex, 16), Group.N);
        Assert.True(Group.GPow(Group.N).IsInfinity);
    }

    [Theory]
    // Published P-256 multiples of G (k·G test vectors); the prefix is 02 for even y, 03 for odd.
    [InlineData(2, "037cf27b188d034f7e8a52380304b51ac3c08969e277f21b35a60b48fc47669978")]
    [InlineData(3, "025ecbe4d1a6330a44c8f7ef951d4bf165e6c6b721efada985fb41661bc6e7fd6c")]
    public void Small_multiples_of_g_match_published_vectors(int k, string expected)
    {
        Assert.Equal(expected, Group.EncodePoint(Group.GPow(BigInteger.ValueOf(k)).Normalize()));
        Assert.Equal(expected, Group.EncodePoint(ElGamal.Encode(k)));
    }

    [Fact]
    public void Point_round_trips_through_33_byte_lower_hex()
    {
        for (var i = 0; i < 20; i++)
        {
            var p = Group.GPow(Group.RandomScalar()).Normalize();
            var hex = Group.EncodePoint(p);
            Assert.Equal(66, hex.Length);
            Assert.Equal(hex.ToLowerInvariant(), hex);
            Assert.Equal(p, Group.DecodePoint(hex));
        }
    }

    [Fact]
    public void Scalar_round_trips_through_32_byte_lower_hex()
    {
        foreach (var s in new[] { BigInteger.Zero, BigInteger.One, Group.N.Subtract(BigInteger.One), Group.RandomScalar() })
        {
            var hex = Group.EncodeScalar(s);
            Assert.Equal(64, hex.Length);
            Assert.Equal(s, Group.DecodeScalar(hex));
        }
    }

    [Theory]
    [InlineData("00")] // SEC1 infinity
    [InlineData("04" + "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296")] // uncompressed prefix, short
    [InlineData("036B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296")] // upper case
    [InlineData("02ffffffff00000001000000000000000000000000ffffffffffffffffffffffff")] // x = p
    [InlineData("03ffffffff00000001000000000000000000000001000000000000000000000000")] // x > p
    [InlineData("")]
    [InlineData("036b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c2")] // 32 bytes
    public void Invalid_point_encodings_are_rejected(string hex)
    {
        Assert.Throws<FormatException>(() => Group.DecodePoint(hex));
    }

    [Fact]
    public void Off_curve_x_is_rejected()
    {
        // About half of all x have no y; find one by the curve equation and check the decoder refuses it.
        var p = Group.Curve.Field.Characteristic;
        var b = Group.Curve.B.ToBigInteger();
        for (var x = BigInteger.One; ; x = x.Add(BigInteger.One))
        {
            var rhs = x.Pow(3).Subtract(x.Multiply(BigInteger.Three)).Add(b).Mod(p);
            var euler = rhs.ModPow(p.Subtract(BigInteger.One).ShiftRight(1), p);
            if (euler.Equals(BigInteger.One))
                continue;
            var hex = "02" + Convert.ToHexStringLower(Org.BouncyCastle.Utilities.BigIntegers.AsUnsignedByteArray(32, x));
            Assert.Throws<FormatException>(() => Group.DecodePoint(hex));
            return;
        }
    }

    [Fact]
    public void Infinity_cannot_be_encoded()
    {
        Assert.Throws<ArgumentException>(() => Group.EncodePoint(Group.Identity));
    }

    [Theory]
    [InlineData(OrderHex)] // n itself
    [InlineData("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000001a")] // 65 digits
    [InlineData("000000000000000000000000000000000000000000000000000000000000001")] // 63 digits
    [InlineData("000000000000000000000000000000000000000000000000000000000000000A")] // upper case
    [InlineData("-00000000000000000000000000000000000000000000000000000000000001")]
    public void Non_canonical_scalars_are_rejected(string hex)
    {
        Assert.Throws<FormatException>(() => Group.DecodeScalar(hex));
    }

    [Fact]
    public void Scalars_outside_the_group_cannot_be_encoded()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Group.EncodeScalar(Group.N));
        Assert.Throws<ArgumentOutOfRangeException>(() => Group.EncodeScalar(BigInteger.One.Negate()));
    }

    [Fact]
    public void Random_scalars_are_in_range_and_differ()
    {
        var seen = new HashSet<BigInteger>();
        for (var i = 0; i < 200; i++)
        {
            var s = Group.RandomScalar();
            Assert.True(s.SignValue > 0 && s.CompareTo(Group.N) < 0);
            Assert.True(seen.Add(s));
        }
    }
}
