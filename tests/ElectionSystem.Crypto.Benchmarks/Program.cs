using System.Diagnostics;
using System.Globalization;
using ElectionSystem.Crypto;

// Median wall time of each server-side step of the verifiable ballot, after one warm-up run.
// A console with a Stopwatch rather than BenchmarkDotNet: the figures go into docs/verifiable-ballot.md,
// single-threaded except the last (ParallelVerify: a burst of 1,600 ballots checked on every core, at most
// 3 runs), and the machine is shared, so the load average and CPU time are printed beside them.
// Arguments: [runs, default 7] [only the steps whose name contains this text; encryptions always run,
// the verifications need their ballots].
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
var only = args.Length > 1 ? args[1] : "";
var parallelRuns = Math.Min(runs, 3); // the burst takes seconds; three runs of it are enough for a median
var round = ProofContext.Of("congress-1", "election-2", "round-1");
var dealings = Enumerable.Range(1, 5).Select(i => ThresholdKey.Deal(i, 3)).ToList();
var commitments = dealings.Select(d => d.Commitments).ToList();
var pk = ThresholdKey.JointPublicKey(commitments);
// lists with surplus as the spec's example: options [valid, too many kept, all struck], w = seats, [1 − seats, 0]
var eleven = new BallotShape(11, 3, 9, -8, 0); // the load tool's list: 11 names, 9 seats
var thirteen = new BallotShape(13, 3, 11, -10, 0);
var sixty = new BallotShape(60, 3, 50, -49, 0);
BallotPlaintext Choose(int rows, int kept) => BallotPlaintext.Valid([.. Enumerable.Range(0, rows).Select(i => i < kept ? 1 : 0)], 3);

Console.WriteLine($"{Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}, {runs} runs each, median");
Measure("100 x g^r (fixed base)", () => { for (var i = 0; i < 100; i++) { Group.GPow(Group.RandomScalar()); } });
var someA = Group.GPow(Group.RandomScalar());
Measure("100 x A^x (variable base)", () => { for (var i = 0; i < 100; i++) { someA.Pow(Group.RandomScalar()); } });
var someB = Group.GPow(Group.RandomScalar());
Measure("100 x A*B (add)", () => { for (var i = 0; i < 100; i++) { _ = someA * someB; } });

EncryptedBallot b11 = null!;
Measure("encrypt + prove, 11 rows, keep 1-9", () => b11 = BallotEncryption.Encrypt(round, pk, eleven, Choose(11, 9)));
Measure("verify, 11 rows, keep 1-9", () => Check(BallotEncryption.Verify(round, pk, eleven, b11)));
var json11 = BallotJson.Write(b11);
Measure("parse (BallotJson), 11 rows", () => BallotJson.Parse(json11));

EncryptedBallot b13 = null!, b60 = null!;
Measure("encrypt + prove, 13 rows, keep 1-11", () => b13 = BallotEncryption.Encrypt(round, pk, thirteen, Choose(13, 7)));
Measure("verify, 13 rows, keep 1-11", () => Check(BallotEncryption.Verify(round, pk, thirteen, b13)));
Measure("encrypt + prove, 60 rows, keep 1-50", () => b60 = BallotEncryption.Encrypt(round, pk, sixty, Choose(60, 40)));
Measure("verify, 60 rows, keep 1-50", () => Check(BallotEncryption.Verify(round, pk, sixty, b60)));

// 60 totals (as if 1,600 ballots had been added), 3 trustees' partial decryptions each.
var totals = Enumerable.Range(0, 60).Select(i => ElGamal.Encrypt(pk, 1_000 + i).Ciphertext).ToList();
int[] set = [1, 3, 5];
var shares = set.ToDictionary(j => j, j => ThresholdKey.CombineShares(dealings.Select(d => d.ShareFor(j))));
var keys = set.ToDictionary(j => j, j => ThresholdKey.VerificationKey(commitments, j));
ProofContext Ctx(int row, int j) => round.With("tally", row.ToString(CultureInfo.InvariantCulture), "trustee", j.ToString(CultureInfo.InvariantCulture));
List<PartialDecryption>[] partials = null!;
Measure("one trustee: 60 partial decryptions + proofs", () =>
    totals.Select((t, row) => ThresholdDecryption.Decrypt(Ctx(row, 1), 1, shares[1], keys[1], t)).ToList());
partials = [.. totals.Select((t, row) => set.Select(j => ThresholdDecryption.Decrypt(Ctx(row, j), j, shares[j], keys[j], t)).ToList())];
Measure("server: verify 3 x 60 partial proofs", () =>
{
    for (var row = 0; row < 60; row++)
    {
        foreach (var p in partials[row])
        {
            if (!ThresholdDecryption.Verify(Ctx(row, p.Trustee), keys[p.Trustee], totals[row], p))
                throw new InvalidOperationException("partial proof");
        }
    }
});
Measure("server: combine 3 partials + discrete log, 60 totals", () =>
{
    for (var row = 0; row < 60; row++)
    {
        if (ThresholdDecryption.CombineToCount(totals[row], partials[row]) != 1_000 + row)
            throw new InvalidOperationException("combine");
    }
});
Measure("add 1,600 ciphertexts (one row's total)", () => Ciphertext.Sum(Enumerable.Repeat(totals[0], 1_600)));

// A burst: 1,600 13-row ballots (64 distinct ones, each checked 25 times) verified on every core.
if ("ParallelVerify".Contains(only, StringComparison.Ordinal))
{
    var distinct = new EncryptedBallot[64];
    Parallel.For(0, distinct.Length, i => distinct[i] = BallotEncryption.Encrypt(round, pk, thirteen, Choose(13, 1 + i % 11)));
    var burst = Enumerable.Range(0, 1_600).Select(i => distinct[i % distinct.Length]).ToList();
    Measure("ParallelVerify: 1,600 x 13 rows, Parallel.ForEach", () =>
        Parallel.ForEach(burst, b => Check(BallotEncryption.Verify(round, pk, thirteen, b))), parallelRuns);
}

void Check(BallotCheck c)
{
    if (!c.IsValid)
        throw new InvalidOperationException(c.Failure);
}

void Measure(string name, Action action, int? times = null)
{
    var n = times ?? runs;
    if (!name.Contains(only, StringComparison.Ordinal) && !name.StartsWith("encrypt", StringComparison.Ordinal))
        return;
    action();
    var wall = new double[n];
    var cpu = new double[n];
    var process = Process.GetCurrentProcess();
    for (var i = 0; i < n; i++)
    {
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        action();
        wall[i] = sw.Elapsed.TotalMilliseconds;
        process.Refresh();
        cpu[i] = (process.TotalProcessorTime - cpu0).TotalMilliseconds;
    }
    Array.Sort(wall);
    Array.Sort(cpu);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-55} CPU {cpu[n / 2],9:F1} ms   wall {wall[n / 2],9:F1} ms (min {wall[0]:F1}, {n} runs)"));
}
