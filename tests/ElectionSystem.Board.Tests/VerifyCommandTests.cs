using System.Diagnostics;
using ElectionSystem.Board;
using ElectionSystem.Verify;

namespace ElectionSystem.Board.Tests;

/// <summary>The tool's contract: exit 0 with the result on stdout and a summary line; exit 2 with one line naming the failure.</summary>
public class VerifyCommandTests
{
    private static string TempBoard(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"verify-{Guid.NewGuid():N}.board.json");
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>Runs the built tool as its own process, as a reader of the board would.</summary>
    private static (int Code, string Stdout, string Stderr) Process(string path)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ElectionSystem.Verify.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add(path);
        using var p = System.Diagnostics.Process.Start(start)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout, stderr.Result);
    }

    [Fact]
    public void The_tool_exits_0_with_the_result_and_2_with_one_line_for_a_tampered_board()
    {
        var s = Boards.Surplus;
        var good = TempBoard(BoardWriter.ToJson(s.Board));
        var tampered = TempBoard(BoardWriter.ToJson(s.Board with { Decryptions = [s.Board.Decryptions[0]] }));
        try
        {
            var (code, stdout, stderr) = Process(good);
            Assert.Equal(0, code);
            Assert.Equal(s.ExpectedResult(), stdout);
            Assert.Single(stderr.TrimEnd('\n').Split('\n'));
            Assert.Contains("ĐÃ KIỂM CHỨNG: 24 phiếu điện tử", stderr, StringComparison.Ordinal);
            Assert.Contains("VERIFIED: 24 tablet ballots", stderr, StringComparison.Ordinal);

            (code, stdout, stderr) = Process(tampered);
            Assert.Equal(2, code);
            Assert.Equal("", stdout);
            Assert.Equal($"verify: {tampered}: FAILED: decryptions: 1 trustee(s) decrypted (1); the ceremony needs 3 of 5\n", stderr);
        }
        finally
        {
            File.Delete(good);
            File.Delete(tampered);
        }
    }

    [Fact]
    public void No_argument_exits_2_with_usage()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(2, VerifyCommand.Run([], stdout, stderr));
        Assert.StartsWith("verify: usage", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_exits_2_with_one_line()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(2, VerifyCommand.Run(["/nonexistent/round.board.json"], stdout, stderr));
        Assert.Equal("", stdout.ToString());
        Assert.StartsWith("verify: cannot read /nonexistent/round.board.json", stderr.ToString(), StringComparison.Ordinal);
        Assert.Single(stderr.ToString().TrimEnd('\n').Split('\n'));
    }

    /// <summary>
    /// The bad byte is named by its offset in the file, as the recount tool names it (the shared
    /// skeleton, tools/Shared/JsonFileCommand.cs): before, verify counted from after a BOM.
    /// </summary>
    [Fact]
    public void Bytes_that_are_not_utf8_exit_2_naming_the_file_offset_after_a_BOM()
    {
        var path = Path.Combine(Path.GetTempPath(), $"verify-{Guid.NewGuid():N}.board.json");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, (byte)'{', (byte)'"', 0xFF, (byte)'"', (byte)'}']);
        try
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            Assert.Equal(2, VerifyCommand.Run([path], stdout, stderr));
            Assert.Equal("", stdout.ToString());
            Assert.Equal($"verify: {path}: not valid UTF-8 (byte 5); a board is UTF-8 JSON, refusing to guess" + Environment.NewLine, stderr.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
