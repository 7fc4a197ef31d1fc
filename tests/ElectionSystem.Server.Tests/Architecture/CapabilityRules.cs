using Mono.Cecil;

namespace ElectionSystem.Server.Tests.Architecture;

/// <summary>
/// Which capability a type belongs to, and which capabilities it may use. The order and the screens
/// are data (see <see cref="DependencyDirectionTests"/>); this type only applies them.
/// </summary>
public sealed class CapabilityRules(string rootNamespace, IReadOnlyList<string> order, IReadOnlyList<string> screens)
{
    public const string Root = "Root";

    /// <summary>The capability of a type: Features.X → X, Data[.*] → Data, Hosting → Hosting, else Root.</summary>
    public string CapabilityOf(TypeDefinition type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }
        if (RazorPagePath(type) is { } path)
        {
            // "/Features/Committee/Index.cshtml" → Committee; a file straight under /Features → Root.
            var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            return parts.Length > 2 && parts[0] == "Features" ? parts[1] : Root;
        }
        var ns = type.Namespace;
        if (!Within(ns, rootNamespace))
        {
            return Root;
        }
        var rest = ns.Length == rootNamespace.Length ? "" : ns[(rootNamespace.Length + 1)..];
        var segments = rest.Split('.');
        return segments[0] switch
        {
            "Features" when segments.Length > 1 => segments[1],
            "Data" => "Data",
            "Hosting" => "Hosting",
            _ => Root,
        };
    }

    /// <summary>True when that capability appears in neither the order nor the screens (a new folder).</summary>
    public bool IsUnplaced(string capability) =>
        capability != Root && !order.Contains(capability) && !screens.Contains(capability);

    /// <summary>
    /// Whether a type of one capability may use a type of another: its own and earlier capabilities;
    /// a screen any capability but no other screen; Root everything; nothing Root.
    /// </summary>
    public bool MayUse(string from, string to)
    {
        if (from == to || from == Root)
        {
            return true;
        }
        if (to == Root || screens.Contains(to))
        {
            return false;
        }
        if (screens.Contains(from))
        {
            return order.Contains(to);
        }
        var fromIndex = order.IndexOf(from);
        var toIndex = order.IndexOf(to);
        return fromIndex >= 0 && toIndex >= 0 && toIndex < fromIndex;
    }

    /// <summary>How a type reads in a message: Elections.ElectionService, Data.Ballot, Committee/Index.cshtml.</summary>
    public string Describe(TypeDefinition type)
    {
        var outer = type;
        while (outer.DeclaringType is not null)
        {
            outer = outer.DeclaringType;
        }
        if (RazorPagePath(outer) is { } path)
        {
            return path.TrimStart('/').Replace("Features/", "", StringComparison.Ordinal);
        }
        var name = type.FullName.Replace('/', '.');
        foreach (var prefix in new[] { rootNamespace + ".Features.", rootNamespace + "." })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return name[prefix.Length..];
            }
        }
        return name;
    }

    /// <summary>
    /// The .cshtml a Razor-generated type was compiled from, read from its
    /// [RazorCompiledItemMetadata("Identifier", "/Features/X/Page.cshtml")]; null for other types.
    /// </summary>
    public static string? RazorPagePath(TypeDefinition type) =>
        type.CustomAttributes
            .Where(a => a.AttributeType.Name == "RazorCompiledItemMetadataAttribute" && a.ConstructorArguments.Count == 2)
            .Where(a => a.ConstructorArguments[0].Value as string == "Identifier")
            .Select(a => a.ConstructorArguments[1].Value as string)
            .FirstOrDefault(p => p is not null)
        ?? GeneratedNamePath(type);

    // Fallback when the metadata attribute is absent: AspNetCoreGeneratedDocument.Features_Committee_Index.
    private static string? GeneratedNamePath(TypeDefinition type) =>
        type.Namespace == "AspNetCoreGeneratedDocument" && type.Name.StartsWith("Features_", StringComparison.Ordinal)
            ? "/" + type.Name.Replace('_', '/') + ".cshtml"
            : null;

    private static bool Within(string ns, string root) =>
        ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal);
}

internal static class ListExtensions
{
    public static int IndexOf(this IReadOnlyList<string> list, string item)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == item)
            {
                return i;
            }
        }
        return -1;
    }
}
