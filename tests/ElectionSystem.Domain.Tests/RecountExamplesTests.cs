using ElectionSystem.Recount;

namespace ElectionSystem.Domain.Tests;

/// <summary>
/// The recount tool against the worked examples of the shared spec, value for value: the copies
/// in Examples/ always, and the shared folder itself when this checkout sits next to it.
/// </summary>
public class RecountExamplesTests
{
    public static TheoryData<string> CopiedExamples() => Pairs(Path.Combine(AppContext.BaseDirectory, "Examples"));

    public static TheoryData<string> SharedExamples()
    {
        var shared = SharedExamplesFolder();
        // Without the shared folder there is nothing to compare beyond the copies; say so by
        // running the copies again rather than by a skipped test.
        return Pairs(shared ?? Path.Combine(AppContext.BaseDirectory, "Examples"));
    }

    [Theory]
    [MemberData(nameof(CopiedExamples))]
    public void Recount_reproduces_the_worked_example(string record) => AssertReproduces(record);

    [Theory]
    [MemberData(nameof(SharedExamples))]
    public void Recount_reproduces_every_example_in_the_shared_folder(string record) => AssertReproduces(record);

    [Fact]
    public void Both_worked_examples_are_present()
    {
        var names = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Examples"), "*.record.json").Select(Path.GetFileName).ToList();
        Assert.Contains("one-candidate.record.json", names);
        Assert.Contains("small-executive-committee.record.json", names);
    }

    [Fact]
    public void Recount_prints_the_example_result_byte_for_byte()
    {
        var record = Path.Combine(AppContext.BaseDirectory, "Examples", "small-executive-committee.record.json");
        var (code, stdout, _) = Run(record);
        Assert.Equal(0, code);
        Assert.Equal(File.ReadAllText(ResultOf(record)), stdout);
    }

    private static void AssertReproduces(string record)
    {
        var (code, stdout, stderr) = Run(record);
        Assert.True(code == 0, $"exit {code}: {stderr}");
        Assert.Equal("", stderr);
        JsonAssert.Equivalent(File.ReadAllText(ResultOf(record)), stdout);
    }

    internal static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = RecountCommand.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string ResultOf(string record) => record[..^".record.json".Length] + ".result.json";

    private static TheoryData<string> Pairs(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var record in Directory.GetFiles(folder, "*.record.json").Order(StringComparer.Ordinal))
        {
            if (File.Exists(ResultOf(record))) data.Add(record);
        }
        return data;
    }

    /// <summary>../shared/election-record/examples next to the repository root (the folder holding ElectionSystem.sln).</summary>
    internal static string? SharedExamplesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ElectionSystem.sln")))
            {
                var candidates = new[]
                {
                    Path.Combine(dir.FullName, "..", "shared", "election-record", "examples"),
                    Path.Combine(dir.FullName, "..", "..", "shared", "election-record", "examples"),
                };
                return candidates.Select(Path.GetFullPath).FirstOrDefault(Directory.Exists);
            }
        }
        return null;
    }
}
