using System.Globalization;
using ElectionSystem.Crypto;

namespace ElectionSystem.Crypto.Tests;

/// <summary>The spec's example shapes (the Domain decides; both sides test these), plaintexts, and a cheating tablet.</summary>
internal static class Ballots
{
    /// <summary>List with surplus, n names, s seats: options [valid, too many kept, all struck], w = s, [1 − s, 0].</summary>
    public static BallotShape Surplus(int names, int seats) => new(names, 3, seats, 1 - seats, 0);

    /// <summary>One candidate, no surplus: the "đồng ý" row, options [valid, neither or both], w = 1, [−1, 0].</summary>
    public static BallotShape OneCandidate { get; } = new(1, 2, 1, -1, 0);

    /// <summary>n = s &gt; 1, no surplus: n "đồng ý" rows, options [valid], w = n, [−n, 0].</summary>
    public static BallotShape NoSurplus(int names) => new(names, 1, names, -names, 0);

    /// <summary>Rows with <paramref name="kept"/> ones at places fixed by the seed.</summary>
    public static int[] Rows(int rows, int kept)
    {
        var s = new int[rows];
        var rng = new Random(rows * 100 + kept);
        foreach (var i in Enumerable.Range(0, rows).OrderBy(_ => rng.Next()).Take(kept))
            s[i] = 1;
        return s;
    }

    /// <summary>
    /// A cheating tablet: encrypts any 0/1 rows and options, proves each honestly 0/1, and runs the
    /// selector and constraint provers unchecked, claiming the values given (a false statement when
    /// the plaintext breaks the shape).
    /// </summary>
    public static EncryptedBallot Forge(ProofContext round, Element pk, BallotShape shape, BallotPlaintext plain, long claimedConstraint, long claimedSelector = 1)
    {
        var rows = plain.Rows.Select(x => ElGamal.Encrypt(pk, x)).ToList();
        var options = plain.Options.Select(o => ElGamal.Encrypt(pk, o)).ToList();
        var context = round.With("ballot", BallotEncryption.CiphertextsDigest([.. rows.Select(r => r.Ciphertext)], [.. options.Select(o => o.Ciphertext)]));
        EncryptedRow Entry((Ciphertext Ciphertext, Scalar Nonce) e, string kind, int i, int value) =>
            new(e.Ciphertext, ZeroOrOneProof.Prove(context.With(kind, i.ToString(CultureInfo.InvariantCulture)), pk, e.Ciphertext, e.Nonce, value));
        var selectorNonce = options.Aggregate(Scalar.Zero, (acc, o) => acc + o.Nonce);
        var selector = RangeProof.ProveUnchecked(context.With("selector"), pk, Ciphertext.Sum(options.Select(o => o.Ciphertext)), selectorNonce, claimedSelector, 1, 1);
        var constraintNonce = rows.Aggregate(Scalar.Zero, (acc, r) => acc + r.Nonce) + Scalar.FromInteger(-shape.Weight) * options[0].Nonce;
        var constraintCiphertext = BallotEncryption.ConstraintCiphertext(shape, [.. rows.Select(r => r.Ciphertext)], options[0].Ciphertext);
        var constraint = RangeProof.ProveUnchecked(context.With("constraint"), pk, constraintCiphertext, constraintNonce, claimedConstraint, shape.Lo, shape.Hi);
        return new EncryptedBallot(
            [.. rows.Select((e, i) => Entry(e, "row", i, plain.Rows[i]))],
            [.. options.Select((e, k) => Entry(e, "option", k, plain.Options[k]))],
            selector,
            constraint);
    }
}
