using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ElectionSystem.Server.Tests.Architecture;

/// <summary>One use of a type by another, e.g. ElectionService → PaperHooks (call in ConfirmAsync).</summary>
public sealed record TypeUse(TypeDefinition From, TypeDefinition To, string How);

/// <summary>
/// Reads an assembly's IL with Mono.Cecil and lists, for every type, every other type of the same
/// assembly it uses: base type, interfaces, attributes (and their typeof arguments), fields,
/// signatures, generic arguments and constraints, and method bodies (calls, <c>new</c>, field
/// access, casts, typeof, locals, catch clauses). Reflection sees only signatures; the bodies are
/// where a feature reaches into another, so they are read here. Compiler-made types (closures,
/// lambdas, async and iterator state machines, local functions) are charged to the type that
/// declares them; compiler- and generator-made top-level types (anonymous types, embedded
/// attributes, regex and OpenAPI generators) belong to no one and are left out.
/// </summary>
public sealed class TypeDependencyReader
{
    private readonly ModuleDefinition _module;
    private readonly HashSet<(TypeDefinition, TypeDefinition, string)> _seen = [];
    private readonly List<TypeUse> _uses = [];

    private TypeDependencyReader(ModuleDefinition module) => _module = module;

    /// <summary>The module of that assembly file, resolving references from these folders.</summary>
    public static ModuleDefinition Load(string assemblyPath, params string[] searchFolders)
    {
        var resolver = new DefaultAssemblyResolver();
        foreach (var folder in searchFolders.Append(Path.GetDirectoryName(assemblyPath)!).Distinct())
        {
            resolver.AddSearchDirectory(folder);
        }
        return ModuleDefinition.ReadModule(assemblyPath, new ReaderParameters { AssemblyResolver = resolver });
    }

    /// <summary>Every use between two different types of the module, each (from, to, how) once.</summary>
    public static IReadOnlyList<TypeUse> Read(ModuleDefinition module)
    {
        var reader = new TypeDependencyReader(module);
        foreach (var type in module.GetTypes())
        {
            if (CompilerMade.Owner(type) is { } owner)
            {
                reader.ReadType(type, owner);
            }
        }
        return reader._uses;
    }

    private void ReadType(TypeDefinition type, TypeDefinition owner)
    {
        var generated = !ReferenceEquals(type, owner);
        var context = generated ? CompilerMade.MethodOf(type) : null;
        if (!generated)
        {
            Use(owner, type.BaseType, "base type");
            foreach (var implemented in type.Interfaces)
            {
                Use(owner, implemented.InterfaceType, "interface");
                Attributes(owner, implemented, "attribute");
            }
            Attributes(owner, type, "attribute");
            GenericParameters(owner, type, "generic constraint");
        }
        foreach (var field in type.Fields)
        {
            // <hub>P is a primary constructor's parameter, <Name>k__BackingField an auto-property's field.
            Use(owner, field.FieldType, context is null ? $"field {CompilerMade.UserName(field.Name) ?? field.Name}" : $"local in {context}");
            Attributes(owner, field, $"attribute on {field.Name}");
        }
        foreach (var property in type.Properties)
        {
            Use(owner, property.PropertyType, $"property {property.Name}");
            Attributes(owner, property, $"attribute on {property.Name}");
        }
        foreach (var @event in type.Events)
        {
            Use(owner, @event.EventType, $"event {@event.Name}");
        }
        foreach (var method in type.Methods)
        {
            ReadMethod(owner, method, context);
        }
    }

    private void ReadMethod(TypeDefinition owner, MethodDefinition method, string? typeContext)
    {
        var name = typeContext is null ? CompilerMade.UserName(method.Name) ?? CompilerMade.Readable(method.Name) : CompilerMade.UserName(method.Name) ?? typeContext;
        var signature = $"signature of {name}";
        Use(owner, method.ReturnType, signature);
        Attributes(owner, method, $"attribute on {name}");
        Attributes(owner, method.MethodReturnType, $"attribute on {name}");
        GenericParameters(owner, method, signature);
        foreach (var parameter in method.Parameters)
        {
            Use(owner, parameter.ParameterType, signature);
            Attributes(owner, parameter, $"attribute on {name}");
        }
        foreach (var overridden in method.Overrides)
        {
            Member(owner, overridden, signature);
        }
        if (!method.HasBody)
        {
            return;
        }
        foreach (var variable in method.Body.Variables)
        {
            Use(owner, variable.VariableType, $"local in {name}");
        }
        foreach (var handler in method.Body.ExceptionHandlers)
        {
            Use(owner, handler.CatchType, $"catch in {name}");
        }
        foreach (var instruction in method.Body.Instructions)
        {
            Instruction(owner, instruction, name);
        }
    }

    private void Instruction(TypeDefinition owner, Instruction instruction, string method)
    {
        var code = instruction.OpCode.Code;
        switch (instruction.Operand)
        {
            case MethodReference called:
                Member(owner, called, code == Code.Newobj ? $"new in {method}" : $"call in {method}");
                break;
            case FieldReference field:
                Use(owner, field.DeclaringType, $"field access in {method}");
                Use(owner, field.FieldType, $"field access in {method}");
                break;
            case TypeReference type:
                var how = code switch
                {
                    Code.Newarr or Code.Initobj => "new",
                    Code.Castclass or Code.Isinst or Code.Unbox or Code.Unbox_Any => "cast",
                    Code.Ldtoken => "typeof",
                    Code.Constrained => "call",
                    _ => "type use",
                };
                Use(owner, type, $"{how} in {method}");
                break;
            case CallSite site:
                Use(owner, site.ReturnType, $"call in {method}");
                foreach (var parameter in site.Parameters)
                {
                    Use(owner, parameter.ParameterType, $"call in {method}");
                }
                break;
        }
    }

    private void Member(TypeDefinition owner, MethodReference method, string how)
    {
        Use(owner, method.DeclaringType, how);
        Use(owner, method.ReturnType, how);
        foreach (var parameter in method.Parameters)
        {
            Use(owner, parameter.ParameterType, how);
        }
        if (method is GenericInstanceMethod generic)
        {
            foreach (var argument in generic.GenericArguments)
            {
                Use(owner, argument, how);
            }
        }
    }

    private void GenericParameters(TypeDefinition owner, IGenericParameterProvider provider, string how)
    {
        foreach (var parameter in provider.GenericParameters)
        {
            foreach (var constraint in parameter.Constraints)
            {
                Use(owner, constraint.ConstraintType, how);
            }
            Attributes(owner, parameter, "attribute");
        }
    }

    private void Attributes(TypeDefinition owner, ICustomAttributeProvider provider, string how)
    {
        foreach (var attribute in provider.CustomAttributes)
        {
            Use(owner, attribute.AttributeType, how);
            var arguments = attribute.ConstructorArguments
                .Concat(attribute.Properties.Select(p => p.Argument))
                .Concat(attribute.Fields.Select(f => f.Argument));
            foreach (var argument in arguments)
            {
                AttributeArgument(owner, argument, how);
            }
        }
    }

    private void AttributeArgument(TypeDefinition owner, CustomAttributeArgument argument, string how)
    {
        Use(owner, argument.Type, how);
        switch (argument.Value)
        {
            case TypeReference type:
                Use(owner, type, how);
                break;
            case CustomAttributeArgument inner:
                AttributeArgument(owner, inner, how);
                break;
            case CustomAttributeArgument[] items:
                foreach (var item in items)
                {
                    AttributeArgument(owner, item, how);
                }
                break;
        }
    }

    private void Use(TypeDefinition owner, TypeReference? reference, string how)
    {
        if (reference is null)
        {
            return;
        }
        foreach (var part in Parts(reference))
        {
            if (Local(part) is { } definition && CompilerMade.Owner(definition) is { } target && !ReferenceEquals(target, owner)
                && _seen.Add((owner, target, how)))
            {
                _uses.Add(new TypeUse(owner, target, how));
            }
        }
    }

    /// <summary>The named types inside a constructed one: List&lt;Foo[]&gt; → List, Foo.</summary>
    private static IEnumerable<TypeReference> Parts(TypeReference type)
    {
        switch (type)
        {
            case GenericParameter:
                yield break;
            case GenericInstanceType generic:
                foreach (var part in Parts(generic.ElementType).Concat(generic.GenericArguments.SelectMany(Parts)))
                {
                    yield return part;
                }
                yield break;
            case FunctionPointerType pointer:
                foreach (var part in Parts(pointer.ReturnType).Concat(pointer.Parameters.SelectMany(p => Parts(p.ParameterType))))
                {
                    yield return part;
                }
                yield break;
            case IModifierType modified:
                foreach (var part in Parts(modified.ModifierType).Concat(Parts(modified.ElementType)))
                {
                    yield return part;
                }
                yield break;
            case TypeSpecification specification:
                foreach (var part in Parts(specification.ElementType))
                {
                    yield return part;
                }
                yield break;
            default:
                yield return type;
                yield break;
        }
    }

    /// <summary>The definition when the reference names a type of this module, else null.</summary>
    private TypeDefinition? Local(TypeReference reference) => reference switch
    {
        TypeDefinition definition => definition.Module == _module ? definition : null,
        // typeof(...) in attribute blobs names types of this module by name only.
        _ when reference.Scope == _module
            || reference.Scope is AssemblyNameReference assembly && assembly.Name == _module.Assembly.Name.Name
            => _module.GetType(reference.FullName),
        _ => null,
    };
}
