using SymmetryProofs.Checking.Examples;
using SymmetryProofs.IO;
using SymmetryProofs.Representations;
using SymmetryProofs.Runtime;
using SymmetryProofs.Symmetry;
using static TorchSharp.torch;

namespace SymmetryProofs.Checking;

/// <summary>
/// The <c>check</c> command's library: resolves the model (example or TorchScript file), group,
/// output representation and dtype from their names and runs the check; writes check.md and
/// check.json. Bad input is an <see cref="InputException"/> naming the option or file; the run
/// around it (the locked --out folder, exit codes) is the experiments' <c>CheckRun</c>.
/// </summary>
public static class CheckRunner
{
    /// <summary>The largest input dimension checked: a group element is a dense n x n matrix, so 4096 inputs already take 128 MiB per element.</summary>
    public const int MaxInputDimension = 4096;

    /// <summary>Writes check.md and check.json of <paramref name="report"/> into <paramref name="dir"/> (atomically) and tells <paramref name="output"/> the verdict.</summary>
    public static void Write(CheckReport report, string dir, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        AtomicFile.WriteAllText(Path.Combine(dir, "check.md"), report.ToMarkdown());
        AtomicFile.WriteAllText(Path.Combine(dir, "check.json"), report.ToJson());
        output.WriteLine(report.Summary);
        output.WriteLine($"worst case: {report.Worst.Case} (error {report.Worst.Error:G3})");
        if (!report.Passed) output.WriteLine($"shrunk counterexample: {report.Shrunk.Case.Compact()} (error {report.Shrunk.Error:G3})");
        output.WriteLine($"replay: {report.ReplayText}");
        output.WriteLine($"wrote {Path.Combine(dir, "check.md")} and check.json");
    }

    /// <summary>Runs the planted-bug benchmark, writing benchmark.md and benchmark.csv into <paramref name="dir"/>.</summary>
    public static void Benchmark(string dir, TextWriter output) => CheckBenchmark.Run(dir, output);

    /// <summary>Examples, groups and output representations, one per line.</summary>
    public static void List(TextWriter output)
    {
        foreach (var e in ExampleCatalog.All) output.WriteLine($"example {e}");
        foreach (var g in GroupCatalog.Entries) output.WriteLine($"group {g}");
        foreach (var r in OutputDeclaration.All) output.WriteLine($"representation {r}");
        output.WriteLine($"representation expressions: {RepresentationExpression.Atoms}, joined by + (direct sum) and * (tensor product, the left factor's axis first)");
    }

    /// <summary>
    /// Resolves the request and runs the check (bad input is a <see cref="InputException"/>); <paramref name="beforeLoad"/>
    /// runs after the options are resolved and before a --model file is loaded (the command waits there for its load probe).
    /// </summary>
    public static CheckReport Check(CheckRequest request, Action? beforeLoad = null)
    {
        if ((request.ModelPath is null) == (request.Example is null))
            throw new InputException("give exactly one of --model FILE.pt and --example NAME (see check --list).");
        if (request.Budget < CheckOptions.MinimumBudget) throw new InputException($"--budget {request.Budget}: expected at least {CheckOptions.MinimumBudget} model evaluations ({CheckOptions.MinimumBudgetReason}).");
        var example = request.Example is null ? null : ExampleCatalog.Find(request.Example);
        var dtype = ParseDtype(request.Dtype, example);
        var shape = example?.Shape ?? ParseShape(request.Shape);
        var groupName = request.Group ?? example?.Group ?? throw new InputException("--group is required with --model (see check --list).");
        InputDeclaration input;
        try { GroupCatalog.BuildBase(groupName, shape); }
        catch (ArgumentException e) { throw new InputException($"--group: {Message(e)}"); }
        try { input = InputDeclaration.For(groupName, shape, request.InputRep); }
        catch (ArgumentException e) { throw new InputException($"--input-rep: {Message(e)}"); }
        OutputDeclaration rep;
        try { rep = OutputDeclaration.Parse(request.OutputRep ?? example?.Output ?? "trivial"); rep.Validate(input.Representation); }
        catch (ArgumentException e) { throw new InputException($"--output-rep: {Message(e)}"); }
        // A file without --dtype is checked in its parameters' dtype, so a float32 model's own rounding is exercised.
        string dtypeSource = request.Dtype is not null ? "--dtype" : "default of the example";
        if (example is null) beforeLoad?.Invoke();
        var model = (example is not null ? example.Build(dtype)
            : TorchScriptModel.Load(request.ModelPath!, shape.Dimension, request.Dtype is null ? null : dtype, out dtypeSource)).WithInputAxes(input.Axes);
        var source = example is not null ? $"--example {example.Name}" : $"--model {request.ModelPath} --shape {shape.ToOption()}";
        CheckReport report;
        try
        {
            report = SymmetryChecker.Run(model, input, rep, new CheckOptions(request.Budget, request.Seed));
        }
        catch (System.Runtime.InteropServices.ExternalException e)
        {
            // libtorch raised inside the model's forward (or backward) on some input: a fault of the model checked, not of the checker.
            throw SymmetryChecker.ModelFault(model, source, e);
        }
        return report with
        {
            DtypeSource = dtypeSource,
            Replay = $"check {source} --group {Quote(groupName)}{(request.InputRep is null ? "" : $" --input-rep {Quote(request.InputRep)}")} --output-rep {Quote(rep.Name)} --dtype {DtypeNames.Name(model.Dtype)} --budget {request.Budget} --seed {request.Seed}",
        };
    }

    /// <summary>
    /// Loads the request's --model file and passes zeros of its input shape through it once in its dtype and once in
    /// float64, ignoring what the model raises (the check reports that itself): the body of the load probe that runs in
    /// a child process, where a libtorch abort (std::terminate) ends only the child. Bad options are an <see cref="InputException"/>.
    /// </summary>
    public static void LoadOnce(CheckRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ModelPath is null) throw new InputException("the load probe needs --model FILE.pt.");
        var shape = ParseShape(request.Shape);
        var input = InputDeclaration.For(request.Group ?? throw new InputException("--group is required with --model (see check --list)."), shape, request.InputRep);
        var model = TorchScriptModel.Load(request.ModelPath, shape.Dimension, request.Dtype is null ? null : DtypeNames.Parse(request.Dtype), out string _).WithInputAxes(input.Axes);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var zeros = TorchSharp.torch.zeros(1, shape.Dimension, dtype: ScalarType.Float64);
        foreach (var twin in new[] { false, true })
        {
            try { (twin ? model.EvaluateTwin(zeros) : model.Evaluate(zeros)).Dispose(); }
            catch (Exception e) when (e is not OutOfMemoryException) { /* the check itself reports a model that raises, in one line */ }
        }
    }

    /// <summary>Saves the request's --example as a TorchScript file at its --export path.</summary>
    public static void Export(CheckRequest request, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        if (request.Example is null) throw new InputException("--export needs --example NAME.");
        if (string.IsNullOrWhiteSpace(request.Export)) throw new InputException("--export: got an empty path; expected the TorchScript file to write (for example odd-mlp.pt).");
        if (Directory.Exists(request.Export)) throw new InputException($"--export {request.Export}: is a directory; expected a file path.");
        try
        {
            TorchScriptModel.Export(ExampleCatalog.Find(request.Example), request.Export);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Runtime.InteropServices.ExternalException)
        {
            throw new InputException($"--export {request.Export}: cannot write this file ({TorchMessages.Reason(e.Message).TrimEnd('.')}).", e);
        }
        output.WriteLine($"wrote {request.Export} (TorchScript, through torch.jit.save)");
    }

    private static string Message(ArgumentException e) => e.Message.Split(" (Parameter")[0];

    // An expression with spaces or '*' is quoted so the replay line pastes into a shell as it is.
    private static string Quote(string text) => text.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.') ? text : $"'{text}'";

    private static ScalarType ParseDtype(string? name, ExampleModel? example)
    {
        var dtype = name is null ? example?.DefaultDtype ?? ScalarType.Float64 : DtypeNames.Parse(name);
        if (example is not null && !example.Dtypes.Contains(dtype))
            throw new InputException($"--dtype {name}: example '{example.Name}' is built in {string.Join(", ", example.Dtypes.Select(DtypeNames.Name))} only.");
        return dtype;
    }

    private static Shape ParseShape(string? text)
    {
        if (text is null) throw new InputException("--shape is required with --model: HxW for an image (row-major) or D for R^D.");
        var shape = Shape.TryParse(text) ?? throw new InputException($"--shape {text}: expected CxHxW (for example 1x8x8), HxW (for example 8x8 or a set 5x3) or D (for example 8).");
        long dimension = (long)(shape.Channels ?? 1) * shape.Height * shape.Width;
        if (dimension > MaxInputDimension)
            throw new InputException($"--shape {text}: {dimension} inputs; expected at most {MaxInputDimension} (the search holds dense {MaxInputDimension} x {MaxInputDimension} group elements).");
        return shape;
    }

}
