namespace ElectionSystem.Domain.Tests;

/// <summary>The recount tool's contract with its caller (FORMAT.md): exit codes and one-line errors.</summary>
public class RecountCommandTests
{
    private static string TempRecord(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"recount-{Guid.NewGuid():N}.record.json");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Malformed_record_exits_2_with_one_line_naming_the_field()
    {
        var path = TempRecord("""{ "format": "election-record/1", "congress": { "name": "x", "summoned": -1 } }""");
        try
        {
            var (code, stdout, stderr) = RecountExamplesTests.Run(path);
            Assert.Equal(2, code);
            Assert.Equal("", stdout);
            Assert.Single(stderr.TrimEnd('\n').Split('\n'));
            Assert.Contains("election: is required", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Text_that_is_not_json_exits_2_with_one_line()
    {
        var path = TempRecord("not json\n{");
        try
        {
            var (code, _, stderr) = RecountExamplesTests.Run(path);
            Assert.Equal(2, code);
            Assert.Single(stderr.TrimEnd('\n').Split('\n'));
            Assert.Contains("not JSON", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Missing_file_exits_2_with_one_line()
    {
        var (code, stdout, stderr) = RecountExamplesTests.Run("/nonexistent/round.record.json");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("recount: cannot read /nonexistent/round.record.json", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void No_argument_exits_2_with_usage()
    {
        var (code, _, stderr) = RecountExamplesTests.Run();
        Assert.Equal(2, code);
        Assert.StartsWith("recount: usage", stderr, StringComparison.Ordinal);
    }
}
