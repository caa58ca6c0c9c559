using System.Reflection;
using System.Reflection.Emit;
using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Properties.Experiments;

/// <summary>
/// The folders of the experiments library: an experiment's folder (tables, learning curves, hessian, sample
/// complexity, check, representations) uses the shared folders and the core, never another experiment's folder.
/// Every type reference of the compiled assembly counts: base types, signatures, fields, locals, attributes and
/// every type, method and field the method bodies name (read from their IL), so a fully qualified name or a
/// lambda cannot hide one.
/// </summary>
public sealed class ExperimentFolderTests
{
    /// <summary>The folders every experiment may use: the shared training of Bergman's nets, the runner, option parsing, the README's results.</summary>
    private static readonly string[] Shared = ["Bergman", "Runs", "Parsing", "Publishing"];

    private static readonly Assembly Experiments = typeof(Guard).Assembly;

    [Fact]
    public void No_experiment_folder_uses_another_experiments_folder()
    {
        var found = References(Experiments).ToList();
        var folders = found.Select(r => Folder(r.From)).OfType<string>().Distinct().ToList();
        // The scan reaches every experiment; a scan that saw no folder could hold no violation.
        foreach (var experiment in new[] { "Tables", "LearningCurves", "Hessian", "SampleComplexity", "Checking", "Representations" })
            Assert.Contains(experiment, folders);
        var sideways = Sideways(found, Shared);
        Assert.True(sideways.Count == 0, "references from one experiment's folder into another's:\n" + string.Join("\n", sideways));
    }

    /// <summary>Control: with Runs counted as an experiment, every experiment's use of the runner is reported, from signatures and method bodies alike.</summary>
    [Fact]
    public void The_scan_reports_a_folder_used_sideways()
    {
        var sideways = Sideways(References(Experiments).ToList(), Shared.Where(f => f != "Runs").ToArray());
        foreach (var experiment in new[] { "Tables", "LearningCurves", "Hessian", "SampleComplexity", "Checking", "Representations" })
            Assert.Contains(sideways, s => s.StartsWith(experiment + ": ", StringComparison.Ordinal) && s.EndsWith("-> Runs", StringComparison.Ordinal));
        // Guard.InjectFault is called only inside a method body (OutputFolder.Open): seen through the IL.
        Assert.Contains(References(Experiments), r => r.From == typeof(OutputFolder) && r.To == typeof(Guard));
    }

    /// <summary>Each sideways reference as "From: type -> To" (folders), one per (type, folder) pair.</summary>
    private static List<string> Sideways(IEnumerable<(Type From, Type To)> references, IReadOnlyCollection<string> shared) =>
        references.Select(r => (From: Folder(r.From), To: Folder(r.To), Type: r.From))
            .Where(r => r.From is not null && r.To is not null && r.From != r.To && !shared.Contains(r.From) && !shared.Contains(r.To))
            .Select(r => $"{r.From}: {r.Type.FullName} -> {r.To}").Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The first folder under SymmetryProofs.Experiments of a type's namespace; null outside the library's folders.</summary>
    private static string? Folder(Type t)
    {
        const string root = "SymmetryProofs.Experiments.";
        return t.Assembly == Experiments && t.Namespace is { } ns && ns.StartsWith(root, StringComparison.Ordinal) ? ns[root.Length..].Split('.')[0] : null;
    }

    /// <summary>Every (type, referenced type) pair of the assembly, nested and compiler-generated types included.</summary>
    private static IEnumerable<(Type From, Type To)> References(Assembly assembly)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetTypes())
        {
            var named = new List<Type?> { type.BaseType };
            named.AddRange(type.GetInterfaces());
            named.AddRange(type.GetCustomAttributesData().SelectMany(AttributeTypes));
            named.AddRange(type.GetFields(all).Select(f => f.FieldType));
            named.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
            foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                if (method is MethodInfo m) named.Add(m.ReturnType);
                named.AddRange(method.GetParameters().Select(p => p.ParameterType));
                named.AddRange(method.GetCustomAttributesData().SelectMany(AttributeTypes));
                if (method.GetMethodBody() is not { } body) continue;
                named.AddRange(body.LocalVariables.Select(l => l.LocalType));
                var typeArgs = type.IsGenericType ? type.GetGenericArguments() : null;
                var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
                foreach (int token in MemberTokens(body.GetILAsByteArray() ?? []))
                    named.AddRange(Named(method.Module.ResolveMember(token, typeArgs, methodArgs)));
            }
            foreach (var to in named.OfType<Type>().SelectMany(Expand).Distinct())
                yield return (type, to);
        }
    }

    private static IEnumerable<Type?> AttributeTypes(CustomAttributeData a) =>
        a.ConstructorArguments.Concat(a.NamedArguments.Select(n => n.TypedValue)).Select(v => v.Value as Type).Prepend(a.AttributeType);

    /// <summary>The types a member of a method body names: itself, or its declaring type and signature.</summary>
    private static IEnumerable<Type?> Named(MemberInfo? member) => member switch
    {
        Type t => [t],
        MethodInfo m => [m.DeclaringType, m.ReturnType, .. m.GetParameters().Select(p => p.ParameterType), .. m.IsGenericMethod ? m.GetGenericArguments() : []],
        ConstructorInfo c => [c.DeclaringType, .. c.GetParameters().Select(p => p.ParameterType)],
        FieldInfo f => [f.DeclaringType, f.FieldType],
        _ => [],
    };

    /// <summary>A type with the element and generic argument types inside it.</summary>
    private static IEnumerable<Type> Expand(Type t)
    {
        yield return t;
        if (t.HasElementType && t.GetElementType() is { } element)
            foreach (var e in Expand(element)) yield return e;
        if (t.IsGenericType && !t.IsGenericTypeDefinition)
            foreach (var a in t.GetGenericArguments().SelectMany(Expand)) yield return a;
    }

    private static readonly OpCode[] OneByte = new OpCode[256], TwoByte = new OpCode[256];

    static ExperimentFolderTests()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var op = (OpCode)field.GetValue(null)!;
            if (op.Size == 1) OneByte[(ushort)op.Value] = op;
            else TwoByte[(ushort)op.Value & 0xff] = op;
        }
    }

    /// <summary>The metadata tokens of the types, methods and fields an IL body names.</summary>
    private static IEnumerable<int> MemberTokens(byte[] il)
    {
        for (int i = 0; i < il.Length;)
        {
            var op = il[i] == 0xFE ? TwoByte[il[i + 1]] : OneByte[il[i]];
            i += op.Size;
            switch (op.OperandType)
            {
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar: i += 1; break;
                case OperandType.InlineVar: i += 2; break;
                case OperandType.InlineI8 or OperandType.InlineR: i += 8; break;
                case OperandType.InlineSwitch: i += 4 + 4 * BitConverter.ToInt32(il, i); break;
                case OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok:
                    yield return BitConverter.ToInt32(il, i);
                    i += 4;
                    break;
                default: i += 4; break; // InlineBrTarget, InlineI, InlineSig, InlineString, ShortInlineR
            }
        }
    }
}
