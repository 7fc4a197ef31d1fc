namespace ElectionSystem.Server.Tests.Architecture;

/// <summary>
/// Source files stay small enough to read in one sitting: no .cs, .js or .cshtml under src/ or tools/
/// over <see cref="MaxLines"/> lines. Migrations are generated, and bin, obj, wwwroot/lib and
/// node_modules are build output or restored packages.
/// </summary>
public sealed class SourceFileSizeTests
{
    public const int MaxLines = 300;

    private static readonly string[] Extensions = [".cs", ".js", ".cshtml"];
    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules", "Migrations"];

    [Fact]
    public void Source_files_have_at_most_300_lines()
    {
        var root = RepositoryRoot();
        var tooLong = new[] { "src", "tools" }
            .SelectMany(folder => SourceFiles(Path.Combine(root, folder)))
            .Select(path => (Path: Path.GetRelativePath(root, path), Lines: File.ReadLines(path).Count()))
            .Where(f => f.Lines > MaxLines)
            .OrderByDescending(f => f.Lines)
            .Select(f => $"{f.Path}: {f.Lines} lines")
            .ToList();

        Assert.True(tooLong.Count == 0, $"{tooLong.Count} files over {MaxLines} lines:\n" + string.Join('\n', tooLong));
    }

    [Fact]
    public void Source_file_search_finds_the_servers_files()
    {
        // An empty search would pass the size rule without reading anything.
        var files = SourceFiles(Path.Combine(RepositoryRoot(), "src")).Select(Path.GetFileName).ToList();
        Assert.Contains("Program.cs", files);
        Assert.Contains(files, f => f!.EndsWith(".cshtml", StringComparison.Ordinal));
        Assert.Contains(files, f => f!.EndsWith(".js", StringComparison.Ordinal));
    }

    /// <summary>The folder holding ElectionSystem.sln, found by walking up from the test's output.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ElectionSystem.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("No ElectionSystem.sln above " + AppContext.BaseDirectory);
    }

    private static IEnumerable<string> SourceFiles(string folder)
    {
        if (!Directory.Exists(folder))
        {
            yield break;
        }
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if (Extensions.Contains(Path.GetExtension(file)))
            {
                yield return file;
            }
        }
        foreach (var sub in Directory.EnumerateDirectories(folder))
        {
            var name = Path.GetFileName(sub);
            var restoredLib = name == "lib" && Path.GetFileName(folder) == "wwwroot";
            if (!SkippedFolders.Contains(name) && !restoredLib && !name.StartsWith('.'))
            {
                foreach (var file in SourceFiles(sub))
                {
                    yield return file;
                }
            }
        }
    }
}
