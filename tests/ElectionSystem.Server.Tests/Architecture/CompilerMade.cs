using Mono.Cecil;

namespace ElectionSystem.Server.Tests.Architecture;

/// <summary>
/// What the compiler and source generators add to an assembly, and how to charge it to the code a
/// person wrote: a closure, lambda or state machine to its enclosing type and method.
/// </summary>
public static class CompilerMade
{
    /// <summary>
    /// The type a definition is charged to: itself, or for a compiler-made nested type the nearest
    /// enclosing type a person wrote; null for a compiler- or generator-made top-level type.
    /// </summary>
    public static TypeDefinition? Owner(TypeDefinition type)
    {
        var outermost = type;
        while (outermost.DeclaringType is not null)
        {
            outermost = outermost.DeclaringType;
        }
        if (IsCompilerMade(outermost) || IsGeneratorMade(outermost))
        {
            return null;
        }
        while (type.DeclaringType is not null && IsCompilerMade(type))
        {
            type = type.DeclaringType;
        }
        return type;
    }

    private static bool IsCompilerMade(TypeDefinition type) =>
        type.Name.StartsWith('<') || HasAttribute(type, "System.Runtime.CompilerServices.CompilerGeneratedAttribute");

    // Source generators (regex, OpenAPI XML comments, embedded attributes) mark their types so; Razor
    // pages do not, and are kept: they belong to the feature folder of their .cshtml.
    private static bool IsGeneratorMade(TypeDefinition type) =>
        HasAttribute(type, "System.CodeDom.Compiler.GeneratedCodeAttribute")
        || HasAttribute(type, "Microsoft.CodeAnalysis.EmbeddedAttribute");

    private static bool HasAttribute(TypeDefinition type, string attributeName) =>
        type.CustomAttributes.Any(a => a.AttributeType.FullName == attributeName);

    public static string Readable(string name) => name switch
    {
        ".ctor" => "constructor",
        ".cctor" => "static constructor",
        _ => name,
    };

    /// <summary>
    /// ConfirmAsync for &lt;ConfirmAsync&gt;b__5_0, &lt;ConfirmAsync&gt;g__Local|5_0, &lt;ConfirmAsync&gt;d__5 or,
    /// nested, &lt;&lt;Main&gt;$&gt;b__0_0 (a lambda in top-level statements); null for a name a person wrote.
    /// </summary>
    public static string? UserName(string compilerName)
    {
        if (!compilerName.StartsWith('<'))
        {
            return null;
        }
        var depth = 0;
        for (var i = 0; i < compilerName.Length; i++)
        {
            depth += compilerName[i] switch { '<' => 1, '>' => -1, _ => 0 };
            if (depth == 0)
            {
                var inner = compilerName[1..i];
                return inner.Length == 0 ? null : UserName(inner) ?? inner;
            }
        }
        return null;
    }

    /// <summary>
    /// The method a state machine or closure was made for. A closure's own name has only an ordinal,
    /// but all its lambdas come from one method; the shared lambda cache &lt;&gt;c serves many.
    /// </summary>
    public static string MethodOf(TypeDefinition type) =>
        UserName(type.Name)
        ?? (type.Name == "<>c" ? null : type.Methods.Select(m => UserName(m.Name)).FirstOrDefault(n => n is not null))
        ?? "a lambda";
}
