using SymmetryProofs.Checking.Examples;
using SymmetryProofs.IO;
using SymmetryProofs.Runtime;
using SymmetryProofs.Symmetry;
using static TorchSharp.torch;

namespace SymmetryProofs.Checking;

/// <summary>
/// Everything the <c>check</c> command does, behind one call: resolves the model (example or
/// TorchScript file), group, output representation and dtype from their names, runs the check and
/// writes check.md and check.json atomically. Exit codes: 0 the symmetry holds within the floor,
/// 1 a violation was found, 2 bad input (one line on the error writer naming the option or file).
/// </summary>
public static class CheckRunner
{
    public const int Holds = 0, Violated = 1, BadInput = 2;

    public static int Run(CheckRequest request, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            if (request.List) { List(output); return Holds; }
            TorchSetup.Initialise();
            if (request.Benchmark) { CheckBenchmark.Run(request.Out, output); return Holds; }
            if (request.Export is not null) return Export(request, output);
            var report = Check(request);
            var dir = request.Out;
            AtomicFile.WriteAllText(Path.Combine(dir, "check.md"), report.ToMarkdown());
            AtomicFile.WriteAllText(Path.Combine(dir, "check.json"), report.ToJson());
            output.WriteLine(report.Summary);
            output.WriteLine($"worst case: {report.Worst.Case} (error {report.Worst.Error:G3})");
            if (!report.Passed) output.WriteLine($"shrunk counterexample: {report.Shrunk.Case.Compact()} (error {report.Shrunk.Error:G3})");
            output.WriteLine($"replay: {report.ReplayText}");
            output.WriteLine($"wrote {Path.Combine(dir, "check.md")} and check.json");
            return report.Passed ? Holds : Violated;
        }
        catch (CheckInputException e)
        {
            error.WriteLine($"check: {e.Message}");
            return BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"check: cannot write to --out {request.Out} or --export {request.Export}: {e.Message}");
            return BadInput;
        }
    }

    /// <summary>Examples, groups and output representations, one per line.</summary>
    public static void List(TextWriter output)
    {
        foreach (var e in ExampleCatalog.All) output.WriteLine($"example {e}");
        foreach (var g in GroupCatalog.Entries) output.WriteLine($"group {g}");
        foreach (var r in OutputDeclaration.All) output.WriteLine($"representation {r}");
    }

    /// <summary>Resolves the request and runs the check (bad input is a <see cref="CheckInputException"/>).</summary>
    public static CheckReport Check(CheckRequest request)
    {
        if ((request.ModelPath is null) == (request.Example is null))
            throw new CheckInputException("give exactly one of --model FILE.pt and --example NAME (see check --list).");
        if (request.Budget < 16) throw new CheckInputException($"--budget {request.Budget}: expected at least 16 model evaluations.");
        var example = request.Example is null ? null : ExampleCatalog.Find(request.Example);
        var dtype = ParseDtype(request.Dtype, example);
        var shape = example?.Shape ?? ParseShape(request.Shape);
        var groupName = request.Group ?? example?.Group ?? throw new CheckInputException("--group is required with --model (see check --list).");
        IGroupAction group;
        try { group = GroupCatalog.Build(groupName, shape); }
        catch (ArgumentException e) { throw new CheckInputException($"--group: {e.Message.Split(" (Parameter")[0]}"); }
        OutputDeclaration rep;
        try { rep = OutputDeclaration.Parse(request.OutputRep ?? example?.Output ?? "trivial"); rep.Validate(group); }
        catch (ArgumentException e) { throw new CheckInputException($"--output-rep: {e.Message.Split(" (Parameter")[0]}"); }
        var model = example is not null ? example.Build(dtype) : TorchScriptModel.Load(request.ModelPath!, shape.Dimension, dtype);
        var source = example is not null ? $"--example {example.Name}" : $"--model {request.ModelPath} --shape {shape.ToOption()}";
        var report = SymmetryChecker.Run(model, group, rep, new CheckOptions(request.Budget, request.Seed));
        return report with
        {
            Replay = $"check {source} --group {groupName} --output-rep {rep.Name} --dtype {(dtype == ScalarType.Float32 ? "float32" : "float64")} --budget {request.Budget} --seed {request.Seed}",
        };
    }

    private static int Export(CheckRequest request, TextWriter output)
    {
        if (request.Example is null) throw new CheckInputException("--export needs --example NAME.");
        TorchScriptModel.Export(ExampleCatalog.Find(request.Example), request.Export!);
        output.WriteLine($"wrote {request.Export} (TorchScript, through torch.jit.save)");
        return Holds;
    }

    private static ScalarType ParseDtype(string? name, ExampleModel? example)
    {
        var dtype = name switch
        {
            null => example?.DefaultDtype ?? ScalarType.Float64,
            "float32" => ScalarType.Float32,
            "float64" => ScalarType.Float64,
            _ => throw new CheckInputException($"--dtype {name}: expected float32 or float64."),
        };
        if (example is not null && !example.Dtypes.Contains(dtype))
            throw new CheckInputException($"--dtype {name}: example '{example.Name}' is built in {string.Join(", ", example.Dtypes.Select(d => d.ToString().ToLowerInvariant()))} only.");
        return dtype;
    }

    private static Shape ParseShape(string? text)
    {
        if (text is null) throw new CheckInputException("--shape is required with --model: HxW for an image (row-major) or D for R^D.");
        return Shape.TryParse(text) ?? throw new CheckInputException($"--shape {text}: expected HxW (for example 8x8) or D (for example 8).");
    }

}
