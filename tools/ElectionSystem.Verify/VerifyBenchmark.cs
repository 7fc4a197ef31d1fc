using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using ElectionSystem.Board;
using ElectionSystem.Crypto;
using ElectionSystem.Domain.Elections;
using ElectionSystem.Domain.Records;

namespace ElectionSystem.Verify;

/// <summary>
/// <c>verify --benchmark 300x13 1600x60</c>: builds a board of B random valid ballots over a list of
/// N names with surplus (seats = N − ⌈N/6⌉, a 3-of-5 ceremony, trustees 1, 3, 5 decrypt), writes it
/// to a temporary file and times the verifier on it exactly as the command runs it (read, parse,
/// check, count). Wall time and the process's CPU time; not a test.
/// </summary>
public static class VerifyBenchmark
{
    public static int Run(IReadOnlyList<string> sizes, TextWriter stdout, TextWriter stderr)
    {
        stdout.WriteLine($"verifier benchmark: {Environment.ProcessorCount} cores; the proof checks run on every core");
        foreach (var size in sizes.Count == 0 ? ["300x13", "1600x60"] : sizes)
        {
            var parts = size.Split('x');
            if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var ballots) || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var names) || ballots < 1 || names < 2)
            {
                stderr.WriteLine($"verify: --benchmark takes sizes as BALLOTSxNAMES (e.g. 1600x60), not {size}");
                return VerifyCommand.Refused;
            }
            var build = Stopwatch.StartNew();
            var board = Board(ballots, names);
            var path = Path.Combine(Path.GetTempPath(), $"verify-bench-{Guid.NewGuid():N}.board.json");
            File.WriteAllText(path, BoardWriter.ToJson(board));
            build.Stop();
            try
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var wall = Stopwatch.StartNew();
                var code = VerifyCommand.Run([path], TextWriter.Null, TextWriter.Null);
                wall.Stop();
                var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{ballots} ballots × {names} names: board {new FileInfo(path).Length / 1e6:F1} MB (built in {build.Elapsed.TotalSeconds:F1} s); verify exit {code}, {wall.Elapsed.TotalSeconds:F1} s wall, {used.TotalSeconds:F1} s CPU, load average {LoadAverage()}"));
            }
            finally
            {
                File.Delete(path);
            }
        }
        return VerifyCommand.Ok;
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "?";
        }
    }

    private static ElectionBoard Board(int ballots, int names)
    {
        var seats = names - (names + 5) / 6;
        var round = BoardRound.InBallotOrder(
            ["bench-congress", "bench-election", "round-1"],
            new RecordCongress("Đại hội thử", ballots, 0, 0),
            new RecordElection(ElectionKind.ExecutiveCommittee, "Bầu thử", 1, seats, ballots),
            ElectionRules.Default,
            [.. Enumerable.Range(1, names).Select(i => new Candidate($"c{i}", $"Nguyễn Văn Thử {i:D3}"))]);
        var dealings = Enumerable.Range(1, 5).Select(i => ThresholdKey.Deal(i, 3)).ToList();
        var ceremony = new BoardCeremony(3, 5, [.. dealings.Select(d => new CeremonyMember(d.Dealer, $"DB{d.Dealer:D3}", d.Commitments))],
            ThresholdKey.JointPublicKey(dealings.Select(d => d.Commitments)));
        var layout = BallotLayout.Of(round.ToRound());
        var shape = BoardLayout.Of(layout).Shape;
        var ids = layout.Rows;
        var encrypted = new EncryptedBallot[ballots];
        Parallel.For(0, ballots, b =>
        {
            // Strike between surplus and all-but-one names: 1 ≤ kept ≤ seats, a valid ballot.
            var strike = RandomNumberGenerator.GetInt32(names - seats, names);
            var order = ids.ToArray();
            RandomNumberGenerator.Shuffle(order.AsSpan());
            var plaintext = layout.Encode(new BallotContent.Struck(order[..strike]));
            encrypted[b] = BallotEncryption.Encrypt(round.ProofContext, ceremony.PublicKey, shape, new Crypto.BallotPlaintext(plaintext.Rows, plaintext.Options));
        });
        var draft = BoardBuilder.Open(round, ceremony, encrypted, Enumerable.Range(1, ballots).Select(i => $"DB{i:D4}"));
        var decryptions = new[] { 1, 3, 5 }.Select(j => BoardBuilder.Decrypt(draft, j, ThresholdKey.CombineShares(dealings.Select(d => d.ShareFor(j))))).ToList();
        return BoardBuilder.Close(draft, decryptions, null);
    }
}
