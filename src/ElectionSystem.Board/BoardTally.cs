using ElectionSystem.Crypto;

namespace ElectionSystem.Board;

/// <summary>
/// The two steps a round's encrypted totals go through, written once for the server (at the close,
/// and when k members have decrypted) and for the verifier: the homomorphic sum of the ballots'
/// ciphertexts, entry by entry (<see cref="Running"/>), and the combination of k partial
/// decryptions of each total into its count (<see cref="Counts"/>). Entries are the rows, then the options.
/// </summary>
public static class BoardTally
{
    /// <summary>
    /// The product of ballots' ciphertexts, row by row and option by option, fed a chunk at a time
    /// (each chunk's entries on every core), so a caller reading ballots from storage never holds
    /// all of them at once.
    /// </summary>
    public sealed class Running(int rows, int options)
    {
        private readonly Ciphertext?[] _sums = new Ciphertext?[rows + options];

        /// <summary>How many ballots have been added.</summary>
        public int Ballots { get; private set; }

        /// <summary>Multiplies each ballot's ciphertexts into the totals; every ballot has the rows and options given at the start.</summary>
        public void Add(IReadOnlyList<EncryptedBallot> chunk)
        {
            ArgumentNullException.ThrowIfNull(chunk);
            if (chunk.Count == 0) return;
            if (chunk.FirstOrDefault(b => b.Rows.Count != rows || b.Options.Count != options) is { } odd)
                throw new ArgumentException($"A ballot with {odd.Rows.Count} rows and {odd.Options.Count} options among totals of {rows} and {options}.", nameof(chunk));
            Parallel.For(0, _sums.Length, e =>
            {
                var sum = Ciphertext.Sum(chunk.Select(b => e < rows ? b.Rows[e].Ciphertext : b.Options[e - rows].Ciphertext));
                _sums[e] = _sums[e] is { } before ? before.Add(sum) : sum;
            });
            Ballots += chunk.Count;
        }

        /// <summary>The totals; throws when no ballot was added (a product of nothing has no ciphertext).</summary>
        public BoardTotals Totals() => Ballots == 0
            ? throw new InvalidOperationException("No ballot was added: there are no totals.")
            : new BoardTotals([.. _sums[..rows].Select(s => s!)], [.. _sums[rows..].Select(s => s!)]);
    }

    /// <summary>
    /// Each total's count from the trustees' partial decryptions of it (Lagrange at 0 over the trustees
    /// given, then the discrete log up to <paramref name="bound"/>; entries on every core): rows then
    /// options, null where the partials combine to no count in [0, bound]. Check the partials' proofs first.
    /// </summary>
    public static long?[] Counts(BoardTotals totals, IReadOnlyList<TrusteeDecryption> decryptions, int bound)
    {
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(decryptions);
        var rows = totals.Rows.Count;
        var counts = new long?[rows + totals.Options.Count];
        Parallel.For(0, counts.Length, e =>
        {
            var total = e < rows ? totals.Rows[e] : totals.Options[e - rows];
            var partials = decryptions.Select(d => e < rows ? d.Rows[e] : d.Options[e - rows]).ToList();
            counts[e] = ThresholdDecryption.CombineToCount(total, partials, bound);
        });
        return counts;
    }
}
