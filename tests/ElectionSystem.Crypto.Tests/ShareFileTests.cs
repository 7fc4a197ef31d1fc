using System.Text.Json.Nodes;

namespace ElectionSystem.Crypto.Tests;

/// <summary>
/// The share file in C# (what the demo writes for its members; the committee page's format): it opens
/// with its passphrase to the same share, holds neither the share nor the passphrase in the clear, and
/// does not open with another passphrase or with a public part changed.
/// </summary>
public class ShareFileTests
{
    private static ShareFile.Share Fresh()
    {
        var d = ThresholdKey.Deal(1, 2);
        var x = d.ShareFor(2);
        return new ShareFile.Share(2, 2, 3, ThresholdKey.JointPublicKey([d.Commitments]), Group.GPow(x), x);
    }

    [Fact]
    public void A_sealed_share_file_opens_only_with_its_passphrase_and_its_own_public_parts()
    {
        var share = Fresh();
        var text = ShareFile.Seal(share, "hoa sen trong đầm");
        Assert.Equal(share, ShareFile.Open(text, "hoa sen trong đầm"));
        Assert.DoesNotContain(Group.EncodeScalar(share.Secret), text, StringComparison.Ordinal);
        Assert.DoesNotContain("hoa sen", text, StringComparison.Ordinal);
        Assert.Null(ShareFile.Open(text, "hoa sen trong ao"));

        var moved = JsonNode.Parse(text)!.AsObject();
        moved["index"] = 3;
        Assert.Null(ShareFile.Open(moved.ToJsonString(), "hoa sen trong đầm"));
        var file = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((ShareFile.Format, "argon2id13", 3, 268_435_456L),
            ((string)file["format"]!, (string)file["kdf"]!["algorithm"]!, (int)file["kdf"]!["opsLimit"]!, (long)file["kdf"]!["memLimit"]!));
    }

    [Theory]
    [InlineData(11, 268_435_456L, "at most 10 passes")]
    [InlineData(3, (1L << 30) + 1, "at most 10 passes and 1073741824 bytes")]
    [InlineData(1_000_000, 1L << 40, "at most 10 passes")]
    [InlineData(1, 268_435_456L, "at least 2 passes")]
    [InlineData(3, 1_024L, "at least 2 passes and 67108864 bytes")]
    public void A_file_asking_Argon2id_for_limits_outside_the_range_is_refused_before_deriving(long ops, long mem, string why)
    {
        var file = JsonNode.Parse(ShareFile.Seal(Fresh(), "hoa sen trong đầm"))!.AsObject();
        file["kdf"]!["opsLimit"] = ops;
        file["kdf"]!["memLimit"] = mem;
        var e = Assert.Throws<FormatException>(() => ShareFile.Open(file.ToJsonString(), "hoa sen trong đầm"));
        Assert.Contains(why, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_inside_the_range_are_used_as_the_file_gives_them()
    {
        // 10 passes over 64 MiB is accepted; the key it derives is not the one the file was sealed with.
        var file = JsonNode.Parse(ShareFile.Seal(Fresh(), "hoa sen trong đầm"))!.AsObject();
        file["kdf"]!["opsLimit"] = 10;
        file["kdf"]!["memLimit"] = 64L << 20;
        Assert.Null(ShareFile.Open(file.ToJsonString(), "hoa sen trong đầm"));
    }

    [Fact]
    public void A_share_that_is_not_its_verification_keys_is_refused()
    {
        var share = Fresh();
        Assert.Throws<ArgumentException>(() => ShareFile.Seal(share with { Secret = Group.RandomScalar() }, "hoa sen trong đầm"));
    }
}
