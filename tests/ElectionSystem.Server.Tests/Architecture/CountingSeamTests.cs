using ElectionSystem.Server.Features.Elections;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ElectionSystem.Server.Tests.Architecture;

/// <summary>
/// A round is counted in one place: no server type but the counting seam calls the Domain's count
/// (ElectionRecord.Count, ElectionRound.Count, Tally.Count). Everything else reads the stored count
/// (CountOnceTests shows that it does so once per round).
/// </summary>
public class CountingSeamTests
{
    private static readonly HashSet<string> DomainCounts =
    [
        "ElectionSystem.Domain.Records.ElectionRecord::Count",
        "ElectionSystem.Domain.Elections.ElectionRound::Count",
        "ElectionSystem.Domain.Elections.Tally::Count",
    ];

    [Fact]
    public void Only_the_counting_seam_calls_the_domains_count()
    {
        var callers = Callers(typeof(Program).Assembly.Location);
        Assert.Equal([typeof(DomainBallotCounter).FullName!], callers);
    }

    private static List<string> Callers(string assembly)
    {
        using var module = ModuleDefinition.ReadModule(assembly);
        var callers = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in module.GetTypes())
        {
            foreach (var method in type.Methods.Where(m => m.HasBody))
            {
                foreach (var instruction in method.Body.Instructions)
                {
                    if (instruction.OpCode.Code is Code.Call or Code.Callvirt or Code.Ldftn or Code.Newobj
                        && instruction.Operand is MethodReference called
                        && DomainCounts.Contains($"{called.DeclaringType.FullName}::{called.Name}"))
                    {
                        callers.Add((CompilerMade.Owner(type) ?? type).FullName);
                    }
                }
            }
        }
        return [.. callers];
    }
}
