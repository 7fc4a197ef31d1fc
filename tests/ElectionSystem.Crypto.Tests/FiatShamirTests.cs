using System.Security.Cryptography;
using ElectionSystem.Crypto;

namespace ElectionSystem.Crypto.Tests;

/// <summary>The v2 transcript is the documented byte layout, the challenge is SHA-512 reduced mod L, and every input moves it.</summary>
public class FiatShamirTests
{
    [Fact]
    public void Transcript_is_length_prefixed_items_in_order()
    {
        var pk = Group.G;
        var bytes = FiatShamir.Start("T", ProofContext.Of("e1", "r2"), pk).Integer(5).Integer(-1).Scalar(Scalar.FromInteger(2)).Bytes();
        var expected = Convert.FromHexString(
            "00000001" + "54" +                        // "T"
            "00000008" + "0000000000000002" +          // 2 context parts
            "00000002" + "6531" +                      // "e1"
            "00000002" + "7232" +                      // "r2"
            "00000020" + Group.EncodeElement(pk) +     // pk, 32 bytes
            "00000008" + "0000000000000005" +          // 5
            "00000008" + "ffffffffffffffff" +          // −1, two's complement
            "00000020" + "02" + new string('0', 62));  // scalar 2, little-endian
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void Challenge_is_sha512_of_the_transcript_reduced_mod_L()
    {
        var t = FiatShamir.Start("T", ProofContext.Of("e"), Group.G);
        var digest = SHA512.HashData(t.Bytes());
        Assert.Equal(Scalar.Reduce(digest), t.Challenge());
        // the reduction by hand: the 512-bit little-endian integer mod L
        var l = new System.Numerics.BigInteger(Convert.FromHexString(Group.OrderHex), isUnsigned: true);
        var value = new System.Numerics.BigInteger(digest, isUnsigned: true) % l;
        var le = new byte[32];
        Assert.True(value.TryWriteBytes(le, out _, isUnsigned: true));
        Assert.Equal(Convert.ToHexStringLower(le), Group.EncodeScalar(t.Challenge()));
    }

    [Fact]
    public void Digest_is_sha256_of_the_transcript()
    {
        var t = FiatShamir.Tagged("T").Integer(3);
        Assert.Equal(SHA256.HashData(t.Bytes()), t.Digest());
    }

    [Fact]
    public void Every_input_changes_the_challenge()
    {
        var other = Group.GPow(2);
        var baseline = FiatShamir.Start("T", ProofContext.Of("e", "r"), Group.G).Element(Group.G).Challenge();
        var variants = new[]
        {
            FiatShamir.Start("U", ProofContext.Of("e", "r"), Group.G).Element(Group.G),
            FiatShamir.Start("T", ProofContext.Of("e", "s"), Group.G).Element(Group.G),
            FiatShamir.Start("T", ProofContext.Of("er"), Group.G).Element(Group.G), // not the same as "e","r"
            FiatShamir.Start("T", ProofContext.Of("e", "r"), other).Element(Group.G),
            FiatShamir.Start("T", ProofContext.Of("e", "r"), Group.G).Element(other),
        };
        foreach (var v in variants)
            Assert.NotEqual(baseline, v.Challenge());
    }

    [Fact]
    public void The_identity_cannot_enter_a_transcript()
    {
        Assert.Throws<InvalidOperationException>(() => FiatShamir.Tagged("T").Element(Group.Identity));
    }
}
