using System.Globalization;

namespace ElectionSystem.Crypto;

/// <summary>
/// A tablet ballot as issue 14 needs it (the Helios / ElectionGuard ballot: Adida '08,
/// ElectionGuard 2.0 §3.3, with ElectionGuard's "selection limit" generalised to the Domain's
/// <see cref="BallotShape"/>), a pure function over this library:
/// <code>
/// rows:       c_i = Enc(x_i; r_i), x_i ∈ {0,1}, ZeroOrOneProof in context round…/ballot/H/row/i
/// options:    d_k = Enc(o_k; s_k), o_k ∈ {0,1}, ZeroOrOneProof in context round…/ballot/H/option/k
/// selector:   Π_k d_k = Enc(1; Σ s_k), RangeProof [1, 1] in context round…/ballot/H/selector
/// constraint: Π_i c_i · d_0^(−w) = Enc(Σ x_i − w·o_0; Σ r_i − w·s_0), RangeProof [lo, hi] in round…/ballot/H/constraint
/// H:          hex SHA-256 of item("ElectionSystem/v2/ballot-ciphertexts") ‖ item(R) ‖ item(K) ‖ A, B of every row, then option
/// tracker:    hex SHA-256 of the canonical encoding (<see cref="CanonicalEncoding"/>)
/// </code>
/// H binds every proof to all of the ballot's ciphertexts, so a row copied from another ballot
/// does not verify; a whole copied ballot has the same tracker, which the board refuses. The
/// verifier recomputes the selector and constraint ciphertexts itself.
/// </summary>
public static partial class BallotEncryption
{
    /// <summary>Encrypts a plaintext the shape allows, with its proofs; refuses any other (no proof of a false statement).</summary>
    public static EncryptedBallot Encrypt(ProofContext round, Element publicKey, BallotShape shape, BallotPlaintext plaintext) =>
        Encrypt(round, publicKey, shape, plaintext, Group.RandomScalar);

    /// <summary>
    /// As <see cref="Encrypt(ProofContext, Element, BallotShape, BallotPlaintext)"/>, drawing every nonce from
    /// <paramref name="random"/> in this order: r of each row, r of each option, then each proof's
    /// nonces (w, then c_j, v_j per simulated branch ascending) for the rows, the options, the
    /// selector and the constraint. Fixed nonces give the known-answer vectors.
    /// </summary>
    internal static EncryptedBallot Encrypt(ProofContext round, Element publicKey, BallotShape shape, BallotPlaintext plaintext, Func<Scalar> random)
    {
        shape.Validate();
        if (plaintext.Problem(shape) is { } problem)
            throw new ArgumentException(problem, nameof(plaintext));
        var rowNonces = plaintext.Rows.Select(_ => random()).ToArray();
        var optionNonces = plaintext.Options.Select(_ => random()).ToArray();
        var rows = plaintext.Rows.Select((x, i) => ElGamal.Encrypt(publicKey, x, rowNonces[i])).ToList();
        var options = plaintext.Options.Select((o, k) => ElGamal.Encrypt(publicKey, o, optionNonces[k])).ToList();
        var ballot = BallotContext(round, rows, options);

        var rowProofs = rows.Select((c, i) => new EncryptedRow(c,
            ZeroOrOneProof.Prove(Entry(ballot, "row", i), publicKey, c, rowNonces[i], plaintext.Rows[i], random))).ToList();
        var optionProofs = options.Select((c, k) => new EncryptedRow(c,
            ZeroOrOneProof.Prove(Entry(ballot, "option", k), publicKey, c, optionNonces[k], plaintext.Options[k], random))).ToList();
        var selectorNonce = optionNonces.Aggregate(Scalar.Zero, (acc, s) => acc + s);
        var selector = RangeProof.Prove(ballot.With("selector"), publicKey, Ciphertext.Sum(options), selectorNonce, 1, 1, 1, random);
        var minusW = Scalar.FromInteger(-shape.Weight);
        var constraintNonce = rowNonces.Aggregate(Scalar.Zero, (acc, r) => acc + r) + minusW * optionNonces[0];
        var constraint = RangeProof.Prove(ballot.With("constraint"), publicKey, ConstraintCiphertext(shape, rows, options[0]),
            constraintNonce, plaintext.ConstraintValue(shape), shape.Lo, shape.Hi, random);
        return new EncryptedBallot(rowProofs, optionProofs, selector, constraint);
    }

    /// <summary>Checks a ballot against the round's public key, context and shape; names the first failure.</summary>
    public static BallotCheck Verify(ProofContext round, Element publicKey, BallotShape shape, EncryptedBallot ballot)
    {
        shape.Validate();
        if (ballot.Rows.Count != shape.Rows)
            return BallotCheck.Fails($"The ballot has {ballot.Rows.Count} rows; the round's list has {shape.Rows}.");
        if (ballot.Options.Count != shape.Options)
            return BallotCheck.Fails($"The ballot has {ballot.Options.Count} options; the round has {shape.Options}.");
        var rows = ballot.Rows.Select(r => r.Ciphertext).ToList();
        var options = ballot.Options.Select(o => o.Ciphertext).ToList();
        if (!rows.Concat(options).All(c => c.HasNoIdentity))
            return BallotCheck.Fails("A ciphertext holds the identity element.");
        var context = BallotContext(round, rows, options);
        for (var i = 0; i < rows.Count; i++)
        {
            if (!ballot.Rows[i].Proof.Verify(Entry(context, "row", i), publicKey, rows[i]))
                return BallotCheck.Fails($"Row {i + 1}: the proof that it holds 0 or 1 does not verify.");
        }
        for (var k = 0; k < options.Count; k++)
        {
            if (!ballot.Options[k].Proof.Verify(Entry(context, "option", k), publicKey, options[k]))
                return BallotCheck.Fails($"Option {k} ({(k == 0 ? "valid" : $"invalid, reason {k}")}): the proof that it holds 0 or 1 does not verify.");
        }
        if (!ballot.Selector.Verify(context.With("selector"), publicKey, Ciphertext.Sum(options), 1, 1))
            return BallotCheck.Fails("The proof that exactly one option is marked does not verify.");
        if (!ballot.Constraint.Verify(context.With("constraint"), publicKey, ConstraintCiphertext(shape, rows, options[0]), shape.Lo, shape.Hi))
            return BallotCheck.Fails($"The proof that the rows kept minus {shape.Weight} × valid lie in [{shape.Lo}, {shape.Hi}] does not verify.");
        return BallotCheck.Valid;
    }

    /// <summary>Π_i c_i · d_0^(−w): encrypts Σ x_i − w·o_0.</summary>
    public static Ciphertext ConstraintCiphertext(BallotShape shape, IReadOnlyList<Ciphertext> rows, Ciphertext valid) =>
        Ciphertext.Sum(rows).Add(valid.Pow(Scalar.FromInteger(-shape.Weight)));

    private static ProofContext BallotContext(ProofContext round, IReadOnlyList<Ciphertext> rows, IReadOnlyList<Ciphertext> options) =>
        round.With("ballot", CiphertextsDigest(rows, options));

    private static ProofContext Entry(ProofContext ballot, string kind, int index) =>
        ballot.With(kind, index.ToString(CultureInfo.InvariantCulture));
}
