using System.Runtime.InteropServices;
using System.Text.Json;
using Mono.Cecil;

namespace ElectionSystem.Server.Tests.Architecture;

/// <summary>
/// Dependencies in the server run one way. Each type belongs to a capability by its namespace
/// (Features.X → X, Data → Data, Hosting → Hosting, anything else → Root; a Razor page to the
/// folder of its .cshtml). A capability may use its own types and those of capabilities EARLIER in
/// <see cref="CapabilityOrder"/>; a screen may use any capability but no other screen; Root (Program)
/// may use everything and nothing may use Root. Uses are read from IL, method bodies included
/// (<see cref="TypeDependencyReader"/>).
/// </summary>
public sealed class DependencyDirectionTests
{
    /// <summary>Each may use only itself and those before it. A new feature folder goes in here.</summary>
    public static readonly IReadOnlyList<string> CapabilityOrder =
    [
        "Shared", "Hosting", "Data", "Audit", "Auth", "Live", "Congress", "CongressSetup", "Delegates",
        "Attendance", "Import", "Badges", "CheckIn", "Tablet", "OpenVotes", "Elections", "Duties", "PaperEntry", "Minutes",
    ];

    /// <summary>Pages for one audience: may use any capability, never another screen.</summary>
    public static readonly IReadOnlyList<string> Screens = ["Admin", "Committee", "Presidium", "Projector", "Demo"];

    private const string ServerNamespace = "ElectionSystem.Server";

    private static readonly Lazy<ModuleDefinition> Server = new(ServerModule);
    private static readonly Lazy<IReadOnlyList<TypeUse>> ServerUses = new(() => TypeDependencyReader.Read(Server.Value));

    [Fact]
    public void Capabilities_depend_only_on_earlier_capabilities()
    {
        var rules = new CapabilityRules(ServerNamespace, CapabilityOrder, Screens);
        var uses = ServerUses.Value;

        // Every type a person wrote, not only those in a use: a new folder shows even before it is used.
        var unplaced = Server.Value.GetTypes().Select(CompilerMade.Owner).OfType<TypeDefinition>()
            .Select(rules.CapabilityOf).Where(rules.IsUnplaced).Distinct().Order(StringComparer.Ordinal).ToList();
        var violations = Violations(uses, rules);

        var message = string.Concat(unplaced.Select(c =>
            $"Features.{c} is in no list: add it to CapabilityOrder (or Screens) in {nameof(DependencyDirectionTests)}; its uses are not judged until then.\n"))
            + (violations.Count == 0 ? "" : $"{violations.Count} uses against the order:\n" + string.Join('\n', violations));
        Assert.True(message.Length == 0, message);
    }

    [Fact]
    public void Domain_references_only_the_runtime()
    {
        var domain = typeof(ElectionSystem.Domain.Congress.DelegateCategory).Assembly;
        var runtimeFolder = RuntimeEnvironment.GetRuntimeDirectory();
        var foreign = domain.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => !(name is "netstandard" or "mscorlib" or "System" || name.StartsWith("System.", StringComparison.Ordinal))
                || !File.Exists(Path.Combine(runtimeFolder, name + ".dll")))
            .ToList();
        Assert.True(foreign.Count == 0, "ElectionSystem.Domain references: " + string.Join(", ", foreign));

        // A package can also be referenced without a type of it being used; the deps file still lists it.
        var packages = DomainPackageDependencies();
        Assert.True(packages.Count == 0, "ElectionSystem.Domain depends on packages: " + string.Join(", ", packages));
    }

    [Fact]
    public void Dependency_reader_sees_uses_inside_method_bodies()
    {
        // Samples.Features.Early.Caller uses Samples.Features.Late types only inside method bodies.
        var samples = typeof(Samples.Features.Early.Caller).Namespace![..^".Features.Early".Length];
        var rules = new CapabilityRules(samples, ["Early", "Late"], []);
        var found = TestUses.Value.Select(u => $"{rules.Describe(u.From)} -> {rules.Describe(u.To)} ({u.How})").ToHashSet();

        string[] expected =
        [
            "Early.Caller -> Late.Target (call in Call)",
            "Early.Caller -> Late.Created (new in Make)",
            "Early.Caller -> Late.Target (field access in ReadField)",
            "Early.Caller -> Late.Target (cast in Check)",
            "Early.Caller -> Late.Captured (cast in Lambda)",
            "Early.Caller -> Late.Awaited (call in AwaitAsync)",
            "Early.Caller -> Late.Listed (local in Local)",
            "Early.Caller -> Late.Listed (call in Local)",
        ];
        var missing = expected.Where(e => !found.Contains(e)).ToList();
        Assert.True(missing.Count == 0, "Not found:\n" + string.Join('\n', missing)
            + "\nFound:\n" + string.Join('\n', found.Where(f => f.StartsWith("Early.", StringComparison.Ordinal))));

        // Against the order each used type is one violation; turned round, none.
        var violations = Violations(TestUses.Value, rules).Where(v => v.StartsWith("Early.", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, violations.Count);
        // The same uses are allowed when the order is turned round.
        var reversed = new CapabilityRules(samples, ["Late", "Early"], []);
        Assert.DoesNotContain(Violations(TestUses.Value, reversed), v => v.StartsWith("Early.", StringComparison.Ordinal));
    }

    [Fact]
    public void Reversed_order_reports_the_servers_uses()
    {
        // If the reader found nothing, every order would pass; the server's real uses must break a reversed one.
        var reversed = new CapabilityRules(ServerNamespace, CapabilityOrder.Reverse().ToList(), Screens);
        var violations = Violations(ServerUses.Value, reversed);
        Assert.NotEmpty(violations);

        // And Root is reached by nobody but itself: Program is seen to use the features it maps.
        var rules = new CapabilityRules(ServerNamespace, CapabilityOrder, Screens);
        Assert.Contains(ServerUses.Value, u => rules.CapabilityOf(u.From) == CapabilityRules.Root && rules.CapabilityOf(u.To) != CapabilityRules.Root);
    }

    /// <summary>Each (from, to) pair against the rules, as "Elections.ElectionService -> PaperEntry.PaperHooks (call in ConfirmAsync)".</summary>
    public static IReadOnlyList<string> Violations(IEnumerable<TypeUse> uses, CapabilityRules rules) =>
        uses.Select(u => (Use: u, From: rules.CapabilityOf(u.From), To: rules.CapabilityOf(u.To)))
            .Where(u => !rules.IsUnplaced(u.From) && !rules.IsUnplaced(u.To) && !rules.MayUse(u.From, u.To))
            .GroupBy(u => (From: rules.Describe(u.Use.From), To: rules.Describe(u.Use.To)))
            .Select(g => $"{g.Key.From} -> {g.Key.To} ({Hows(g.Select(u => u.Use.How))})")
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string Hows(IEnumerable<string> hows)
    {
        var distinct = hows.Distinct().ToList();
        const int shown = 4;
        return distinct.Count <= shown
            ? string.Join(", ", distinct)
            : string.Join(", ", distinct.Take(shown)) + $", and {distinct.Count - shown} more";
    }

    private static readonly Lazy<IReadOnlyList<TypeUse>> TestUses = new(() =>
        TypeDependencyReader.Read(TypeDependencyReader.Load(typeof(DependencyDirectionTests).Assembly.Location, ReferenceFolders())));

    private static ModuleDefinition ServerModule() =>
        TypeDependencyReader.Load(typeof(Program).Assembly.Location, ReferenceFolders());

    private static string[] ReferenceFolders() =>
    [
        AppContext.BaseDirectory,
        RuntimeEnvironment.GetRuntimeDirectory(),
        Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly.Location)!,
    ];

    /// <summary>The packages the Domain project brings, from this test project's deps file.</summary>
    private static List<string> DomainPackageDependencies()
    {
        var depsFile = Path.Combine(AppContext.BaseDirectory, typeof(DependencyDirectionTests).Assembly.GetName().Name + ".deps.json");
        using var deps = JsonDocument.Parse(File.ReadAllText(depsFile));
        var libraries = deps.RootElement.GetProperty("targets").EnumerateObject().First().Value;
        var domain = libraries.EnumerateObject().Single(l => l.Name.StartsWith("ElectionSystem.Domain/", StringComparison.Ordinal));
        return domain.Value.TryGetProperty("dependencies", out var dependencies)
            ? dependencies.EnumerateObject().Select(d => $"{d.Name} {d.Value.GetString()}").ToList()
            : [];
    }
}
