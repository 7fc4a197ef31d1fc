using ElectionSystem.Board;
using ElectionSystem.Tools;

namespace ElectionSystem.Verify;

/// <summary>
/// <c>verify ROUND-BOARD.json</c>: checks an <c>election-board/1</c> from the board alone
/// (<see cref="BoardVerifier"/>). Exit 0: the result (<c>election-result/1</c>) on stdout and a
/// one-line summary in Vietnamese and English on stderr (stdout stays the result alone, for a
/// pipe). Exit 2: one line on stderr naming the first check that fails. Kept apart from Program.cs
/// so tests call it directly.
/// </summary>
public static class VerifyCommand
{
    public const int Ok = JsonFileCommand.Ok;
    public const int Refused = JsonFileCommand.Refused;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        JsonFileCommand.Run("verify", args, "verify ROUND-BOARD.json (one election-board/1 file), or verify --benchmark 300x13 1600x60", "a board", stderr,
            (json, path) => RunOnText(json, path, stdout, stderr));

    public static int RunOnText(string json, string name, TextWriter stdout, TextWriter stderr)
    {
        var verification = BoardVerifier.VerifyJson(json);
        if (verification.Failure is { } failure)
        {
            stderr.WriteLine($"verify: {name}: FAILED: {JsonFileCommand.OneLine(failure)}");
            return Refused;
        }
        stdout.Write(verification.ResultJson);
        stderr.WriteLine(Summary(verification.Summary!));
        return Ok;
    }

    /// <summary>One line, Vietnamese then English.</summary>
    public static string Summary(BoardSummary s)
    {
        var trustees = string.Join(", ", s.Trustees);
        var paper = s.PaperBallots > 0 ? $" + {s.PaperBallots} phiếu giấy" : "";
        var paperEn = s.PaperBallots > 0 ? $" + {s.PaperBallots} paper ballots" : "";
        return $"verify: ĐÃ KIỂM CHỨNG: {s.TabletBallots} phiếu điện tử{paper}, chứng minh, chuỗi, tổng và giải mã của {s.Trustees.Count}/{s.Members} thành viên ({trustees}; cần {s.Threshold}) đều đúng; kết quả trùng với kết quả đã công bố. "
            + $"/ VERIFIED: {s.TabletBallots} tablet ballots{paperEn}; proofs, chain, totals and the decryptions of {s.Trustees.Count} of {s.Members} trustees ({trustees}; {s.Threshold} needed) hold; the result equals the announced one.";
    }
}
