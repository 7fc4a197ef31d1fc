namespace ElectionSystem.Crypto.Tests;

/// <summary>The ceremony's share transport: crypto_box_seal opens for its recipient only, and a changed byte does not open.</summary>
public class SealedBoxTests
{
    [Fact]
    public void A_sealed_share_opens_for_its_recipient_only_and_not_after_tampering()
    {
        var recipient = SealedBox.KeyPair();
        var other = SealedBox.KeyPair();
        var share = Group.RandomScalar().ToBytes();
        var sealedShare = SealedBox.Seal(share, recipient.PublicKey);
        Assert.Equal(SealedBox.KeyBytes + SealedBox.Overhead, sealedShare.Length);

        Assert.Equal(share, SealedBox.Open(sealedShare, recipient.PublicKey, recipient.SecretKey));
        Assert.Null(SealedBox.Open(sealedShare, other.PublicKey, other.SecretKey));
        var tampered = (byte[])sealedShare.Clone();
        tampered[^1] ^= 1;
        Assert.Null(SealedBox.Open(tampered, recipient.PublicKey, recipient.SecretKey));
        // Sealing is randomised (an ephemeral key each time): the same share sealed twice differs.
        Assert.NotEqual(sealedShare, SealedBox.Seal(share, recipient.PublicKey));
    }
}
