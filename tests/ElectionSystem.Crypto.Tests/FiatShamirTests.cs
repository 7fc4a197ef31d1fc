using ElectionSystem.Crypto;
using Org.BouncyCastle.Math;

namespace ElectionSystem.Crypto.Tests;

/// <summary>The transcript is the documented byte layout, and every input moves the challenge.</summary>
public class FiatShamirTests
{
    [Fact]
    public void Transcript_is_length_prefixed_items_in_order()
    {
        var pk = Group.G;
        var bytes = FiatShamir.Start("T", ProofContext.Of("e1", "r2"), pk).Integer(5).Scalar(BigInteger.Two).Bytes();
        var expected = Convert.FromHexString(
            "00000001" + "54" +                       // "T"
            "00000008" + "0000000000000002" +         // 2 context parts
            "00000002" + "6531" +                     // "e1"
            "00000002" + "7232" +                     // "r2"
            "00000021" + Group.EncodePoint(pk) +      // pk, 33 bytes
            "00000008" + "0000000000000005" +         // 5
            "00000020" + new string('0', 62) + "02"); // scalar 2
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void Challenge_is_sha256_of_the_transcript_mod_n()
    {
        var t = FiatShamir.Start("T", ProofContext.Of("e"), Group.G);
        var digest = System.Security.Cryptography.SHA256.HashData(t.Bytes());
        Assert.Equal(new BigInteger(1, digest).Mod(Group.N), t.Challenge());
    }

    [Fact]
    public void Every_input_changes_the_challenge()
    {
        var other = Group.GPow(BigInteger.Two);
        var baseline = FiatShamir.Start("T", ProofContext.Of("e", "r"), Group.G).Point(Group.G).Challenge();
        var variants = new[]
        {
            FiatShamir.Start("U", ProofContext.Of("e", "r"), Group.G).Point(Group.G),
            FiatShamir.Start("T", ProofContext.Of("e", "s"), Group.G).Point(Group.G),
            FiatShamir.Start("T", ProofContext.Of("er"), Group.G).Point(Group.G), // not the same as "e","r"
            FiatShamir.Start("T", ProofContext.Of("e", "r"), other).Point(Group.G),
            FiatShamir.Start("T", ProofContext.Of("e", "r"), Group.G).Point(other),
        };
        foreach (var v in variants)
            Assert.NotEqual(baseline, v.Challenge());
    }
}
