using System.Security.Cryptography;

namespace ElectionSystem.Crypto;

/// <summary>The ballot's digest H, canonical encoding and tracker (items as in <see cref="FiatShamir"/>).</summary>
public static partial class BallotEncryption
{
    /// <summary>The tag of the ciphertexts' digest H.</summary>
    public const string CiphertextsTag = "ElectionSystem/v2/ballot-ciphertexts";

    /// <summary>The tag of the canonical encoding hashed into the tracker.</summary>
    public const string BallotTag = "ElectionSystem/v2/ballot";

    /// <summary>
    /// H, which every proof's context names: lower-case hex SHA-256 of item(tag) ‖ item(int R) ‖
    /// item(int K) ‖ item(A) item(B) of every row in order, then of every option in order.
    /// </summary>
    public static string CiphertextsDigest(IReadOnlyList<Ciphertext> rows, IReadOnlyList<Ciphertext> options)
    {
        var t = FiatShamir.Tagged(CiphertextsTag).Integer(rows.Count).Integer(options.Count);
        foreach (var c in rows.Concat(options))
            t.Ciphertext(c);
        return Convert.ToHexStringLower(t.Digest());
    }

    /// <summary>
    /// item(tag) ‖ item(int R) ‖ per row: item(A) item(B) item(c₀) item(v₀) item(c₁) item(v₁)
    /// ‖ item(int K) ‖ per option the same six ‖ item(int #selector branches) ‖ per branch item(c) item(v)
    /// ‖ item(int #constraint branches) ‖ per branch item(c) item(v).
    /// </summary>
    public static byte[] CanonicalEncoding(EncryptedBallot ballot)
    {
        var t = FiatShamir.Tagged(BallotTag);
        Entries(t, ballot.Rows);
        Entries(t, ballot.Options);
        Branches(t.Integer(ballot.Selector.Branches.Count), ballot.Selector.Branches);
        Branches(t.Integer(ballot.Constraint.Branches.Count), ballot.Constraint.Branches);
        return t.Bytes();
    }

    /// <summary>The tracker (receipt): SHA-256 of the canonical encoding, 64 lower-case hex digits.</summary>
    public static string Tracker(EncryptedBallot ballot) =>
        Convert.ToHexStringLower(SHA256.HashData(CanonicalEncoding(ballot)));

    private static void Entries(FiatShamir t, IReadOnlyList<EncryptedRow> entries)
    {
        t.Integer(entries.Count);
        foreach (var e in entries)
            Branches(t.Ciphertext(e.Ciphertext), e.Proof.Branches);
    }

    private static void Branches(FiatShamir t, IReadOnlyList<ProofBranch> branches)
    {
        foreach (var b in branches)
            t.Scalar(b.Challenge).Scalar(b.Response);
    }
}
