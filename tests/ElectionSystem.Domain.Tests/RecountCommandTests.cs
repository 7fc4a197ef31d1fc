using System.Text;

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

    [Fact]
    public void An_over_long_value_is_shortened_in_the_error()
    {
        var huge = new string('x', 1_000_000);
        var path = TempRecord($$"""{ "format": "{{huge}}" }""");
        try
        {
            var (code, stdout, stderr) = RecountExamplesTests.Run(path);
            Assert.Equal(2, code);
            Assert.Equal("", stdout);
            Assert.Single(stderr.TrimEnd('\n').Split('\n'));
            Assert.Contains("format: must be exactly election-record/1, got \"xxx", stderr, StringComparison.Ordinal);
            Assert.Contains("(shortened; 1000000 characters)", stderr, StringComparison.Ordinal);
            Assert.True(stderr.Length < 400, $"stderr is {stderr.Length} characters");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_record_that_is_not_valid_utf8_is_refused_with_exit_2()
    {
        var valid = File.ReadAllBytes(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Examples"), "*.record.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).First());
        // Bytes that are not UTF-8 inside the first string of a record that is otherwise sound: before,
        // they became U+FFFD and the recount said exit 0.
        var at = Array.IndexOf(valid, (byte)'"') + 1;
        var broken = valid.Take(at).Concat(new byte[] { 0xC3, 0x28, 0xFF }).Concat(valid.Skip(at)).ToArray();
        var path = Path.Combine(Path.GetTempPath(), $"recount-{Guid.NewGuid():N}.record.json");
        File.WriteAllBytes(path, broken);
        try
        {
            var (code, stdout, stderr) = RecountExamplesTests.Run(path);
            Assert.Equal(2, code);
            Assert.Equal("", stdout);
            Assert.Single(stderr.TrimEnd('\n').Split('\n'));
            Assert.Contains("not valid UTF-8", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
