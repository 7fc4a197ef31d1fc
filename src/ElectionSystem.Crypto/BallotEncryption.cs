using System.Globalization;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace ElectionSystem.Crypto;

/// <summary>
/// A tablet ballot as issue 14 needs it (the Helios / ElectionGuard ballot: Adida '08,
/// ElectionGuard 2.0 §3.3), a pure function over this library:
/// <code>
/// rows:     c_i = Enc(v_i; r_i), v_i ∈ {0, 1}, with ZeroOrOneProof in context round/ballot/H/row/i
/// sum:      C = Π c_i = Enc(Σ v_i; Σ r_i), with RangeProof [min, max] in context round/ballot/H/sum
/// H:        hex SHA-256 of item("ElectionSystem/v1/ballot-ciphertexts") ‖ item(#rows) ‖ item(A_i) ‖ item(B_i) …
/// tracker:  hex SHA-256 of the canonical encoding (<see cref="CanonicalEncoding"/>)
/// </code>
/// H binds every proof to all of the ballot's ciphertexts, so a row (ciphertext and proof) copied
/// from someone else's ballot into another does not verify; copying a whole ballot gives the same
/// tracker, which the board can refuse. The verifier recomputes C itself from the rows.
/// </summary>
public static class BallotEncryption
{
    /// <summary>The tag of the ciphertexts' digest H.</summary>
    public const string CiphertextsTag = "ElectionSystem/v1/ballot-ciphertexts";

    /// <summary>The tag of the canonical encoding hashed into the tracker.</summary>
    public const string BallotTag = "ElectionSystem/v1/ballot";

    /// <summary>Encrypts a 0/1 row vector that keeps between MinSelected and MaxSelected rows, with its proofs.</summary>
    public static EncryptedBallot Encrypt(ProofContext round, ECPoint publicKey, BallotShape shape, IReadOnlyList<int> selections)
    {
        shape.Validate();
        if (selections.Count != shape.Rows || selections.Any(v => v is not (0 or 1)))
            throw new ArgumentException($"A ballot is {shape.Rows} values, each 0 or 1.", nameof(selections));
        var kept = selections.Sum();
        if (kept < shape.MinSelected || kept > shape.MaxSelected)
            throw new ArgumentException($"The ballot keeps {kept} names, not {shape.MinSelected}–{shape.MaxSelected}.", nameof(selections));

        var encrypted = selections.Select(v => ElGamal.Encrypt(publicKey, v)).ToList();
        var ciphertexts = encrypted.Select(e => e.Ciphertext).ToList();
        var ballot = round.With("ballot", CiphertextsDigest(ciphertexts));
        var rows = encrypted.Select((e, i) => new EncryptedRow(e.Ciphertext,
            ZeroOrOneProof.Prove(RowContext(ballot, i), publicKey, e.Ciphertext, e.Nonce, selections[i]))).ToList();
        var nonce = encrypted.Aggregate(BigInteger.Zero, (acc, e) => acc.Add(e.Nonce)).Mod(Group.N);
        var sumProof = RangeProof.Prove(ballot.With("sum"), publicKey, Ciphertext.Sum(ciphertexts), nonce, kept, shape.MinSelected, shape.MaxSelected);
        return new EncryptedBallot(rows, sumProof);
    }

    /// <summary>Checks a ballot against the round's public key, context and shape; names the first failure.</summary>
    public static BallotCheck Verify(ProofContext round, ECPoint publicKey, BallotShape shape, EncryptedBallot ballot)
    {
        shape.Validate();
        if (ballot.Rows.Count != shape.Rows)
            return BallotCheck.Fails($"The ballot has {ballot.Rows.Count} rows; the round's list has {shape.Rows}.");
        var ciphertexts = ballot.Rows.Select(r => r.Ciphertext).ToList();
        if (!ciphertexts.All(DisjunctiveChaumPedersen.Valid))
            return BallotCheck.Fails("A row's ciphertext holds the point at infinity.");
        var context = round.With("ballot", CiphertextsDigest(ciphertexts));
        for (var i = 0; i < ballot.Rows.Count; i++)
        {
            if (!ballot.Rows[i].Proof.Verify(RowContext(context, i), publicKey, ciphertexts[i]))
                return BallotCheck.Fails($"Row {i + 1}: the proof that it holds 0 or 1 does not verify.");
        }
        if (!ballot.SumProof.Verify(context.With("sum"), publicKey, Ciphertext.Sum(ciphertexts), shape.MinSelected, shape.MaxSelected))
            return BallotCheck.Fails($"The proof that the ballot keeps {shape.MinSelected}–{shape.MaxSelected} names does not verify.");
        return BallotCheck.Valid;
    }

    /// <summary>H: the digest of the ballot's ciphertexts that every proof's context names.</summary>
    public static string CiphertextsDigest(IReadOnlyList<Ciphertext> ciphertexts)
    {
        var t = FiatShamir.Tagged(CiphertextsTag).Integer(ciphertexts.Count);
        foreach (var c in ciphertexts)
            t.Ciphertext(c);
        return Convert.ToHexStringLower(t.Digest());
    }

    /// <summary>
    /// item(tag) ‖ item(#rows) ‖ per row: item(A) item(B) item(c₀) item(v₀) item(c₁) item(v₁)
    /// ‖ item(#sum branches) ‖ per branch: item(c_j) item(v_j)  (items as in <see cref="FiatShamir"/>).
    /// </summary>
    public static byte[] CanonicalEncoding(EncryptedBallot ballot)
    {
        var t = FiatShamir.Tagged(BallotTag).Integer(ballot.Rows.Count);
        foreach (var row in ballot.Rows)
        {
            t.Ciphertext(row.Ciphertext);
            Branches(t, row.Proof.Branches);
        }
        t.Integer(ballot.SumProof.Branches.Count);
        Branches(t, ballot.SumProof.Branches);
        return t.Bytes();
    }

    /// <summary>The tracker (receipt): SHA-256 of the canonical encoding, 64 lower-case hex digits.</summary>
    public static string Tracker(EncryptedBallot ballot) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(CanonicalEncoding(ballot)));

    private static ProofContext RowContext(ProofContext ballot, int row) =>
        ballot.With("row", row.ToString(CultureInfo.InvariantCulture));

    private static void Branches(FiatShamir t, IReadOnlyList<ProofBranch> branches)
    {
        foreach (var b in branches)
            t.Scalar(b.Challenge).Scalar(b.Response);
    }
}
