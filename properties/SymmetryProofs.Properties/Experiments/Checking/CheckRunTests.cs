using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Checking;
using SymmetryProofs.Checking.Examples;
using SymmetryProofs.Experiments.Checking;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Networks;
using SymmetryProofs.Properties.Support;
using SymmetryProofs.Runtime;
using SymmetryProofs.Symmetry;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Experiments.Checking;

/// <summary>The check command end to end: TorchScript files saved and checked back, the library's Mlp through the checker, exit codes and one-line errors on bad input through the one guard.</summary>
public sealed class CheckRunTests(ITestOutputHelper output) : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("check-tests").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private (int Code, string Out, string Err) Run(CheckRequest request)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = Exit(request with { Out = Path.Combine(dir, "out") }, o, e);
        output.WriteLine($"exit {code}\n{o}{e}");
        return (code, o.ToString(), e.ToString());
    }

    private static int Exit(CheckRequest request, TextWriter o, TextWriter e) =>
        Guard.Run("check", () => CheckRun.Run(request, ["check"], o, new TextRunLog(o)), e);

    private string Exported(string example)
    {
        var path = Path.Combine(dir, example + ".pt");
        TorchSetup.Initialise();
        TorchScriptModel.Export(ExampleCatalog.Find(example), path);
        return path;
    }

    [Fact]
    public void A_saved_TorchScript_file_computes_what_the_example_computes_and_checks_the_same()
    {
        var path = Exported("small-ball");
        var loaded = TorchScriptModel.Load(path, 8, TorchSharp.torch.ScalarType.Float64);
        var built = ExampleCatalog.Find("small-ball").Build(TorchSharp.torch.ScalarType.Float64);
        var c = new SearchCase([3, 0.5, -1, 0, 0, 2, 0, 0.25], GroupCatalog.SignFlips(8).GeneratorElements[0]);
        var a = SymmetryChecker.Measure(loaded, GroupCatalog.SignFlips(8), OutputDeclaration.Trivial, c, 1);
        var b = SymmetryChecker.Measure(built, GroupCatalog.SignFlips(8), OutputDeclaration.Trivial, c, 1);
        // Same weights, same operations; libtorch's matmul and linear may sum in another order: a few ulps of O(1) values.
        Assert.Equal(b.Error, a.Error, 1e-12);
        var (code, text, _) = Run(new CheckRequest { ModelPath = path, Shape = "8", Group = "sign-flips", Dtype = "float32", Budget = 100 });
        Assert.Equal(ExitCodes.CheckFailed, code);
        Assert.Contains("shrunk counterexample", text);
        var json = File.ReadAllText(Path.Combine(dir, "out", "check.json"));
        foreach (var field in new[] { "model", "group", "output_rep", "dtype", "passed", "evaluations", "max_error", "tolerance", "rounding_floor", "worst_element", "worst_input_original", "worst_input_shrunk", "per_element", "replay" })
            Assert.Contains($"\"{field}\":", json);
    }

    [Fact]
    public void A_correct_model_saved_as_TorchScript_passes_from_the_file()
    {
        var (code, _, _) = Run(new CheckRequest { ModelPath = Exported("odd-mlp"), Shape = "8", Group = "inversion", OutputRep = "negation", Budget = 100 });
        Assert.Equal(ExitCodes.Ok, code);
    }

    [Fact]
    public void The_library_Mlp_is_odd_without_biases_and_not_with_them()
    {
        // Bergman's oddness claim through the checker: a bias-free tanh net satisfies f(-x) = -f(x); biases break it.
        TorchSetup.Initialise();
        var inversion = GroupCatalog.Build("inversion", Shape.Vector(5));
        var odd = Mlp.Random([5, 7, 3], withBiases: false, new Random(3));
        var biased = Mlp.Random([5, 7, 3], withBiases: true, new Random(3));
        var options = new CheckOptions(100, 1);
        Assert.True(SymmetryChecker.Run(CheckedModel.FromMlp("bias-free", odd), inversion, OutputDeclaration.Negation, options).Passed);
        var report = SymmetryChecker.Run(CheckedModel.FromMlp("with biases", biased), inversion, OutputDeclaration.Negation, options);
        Assert.False(report.Passed);
        output.WriteLine(report.Summary + "\n" + report.Shrunk.Case.Compact());
    }

    [Fact]
    public void Bad_inputs_exit_2_with_one_line_naming_the_option_or_file()
    {
        var notArchive = Path.Combine(dir, "notes.pt");
        File.WriteAllText(notArchive, "not a zip");
        var cases = new (CheckRequest Request, string[] Mentions)[]
        {
            (new() { ModelPath = Exported("odd-mlp"), Shape = "7", Group = "inversion" }, ["[batch, 7]", "mat1 and mat2"]),
            (new() { ModelPath = notArchive, Shape = "8", Group = "inversion" }, ["--model", "notes.pt", "not a TorchScript module"]),
            (new() { ModelPath = Path.Combine(dir, "missing.pt"), Shape = "8", Group = "inversion" }, ["missing.pt", "no such file"]),
            (new() { Example = "odd-mlp", Group = "no-such-group" }, ["--group", "no-such-group", "inversion"]),
            (new() { Example = "circular-cnn", Group = "so2" }, ["--group", "does not act on 8x8"]),
            (new() { Example = "odd-mlp", OutputRep = "group" }, ["3 outputs", "needs 8"]),
            (new() { Example = "no-such-example" }, ["--example", "even-mlp"]),
            (new() { Example = "even-mlp", Dtype = "float32" }, ["--dtype", "float64 only"]),
            (new() { Example = "odd-mlp", Dtype = "float16" }, ["--dtype float16"]),
            (new() { Example = "odd-mlp", Budget = CheckOptions.MinimumBudget - 1 }, ["--budget 15", "at least 16", "2 + 4 + 8 = 14"]),
            (new() { ModelPath = notArchive, Group = "inversion" }, ["--shape is required"]),
            (new() { }, ["exactly one of --model"]),
        };
        foreach (var (request, mentions) in cases)
        {
            var (code, _, err) = Run(request);
            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            foreach (var m in mentions) Assert.Contains(m, err);
        }
    }

    [Fact]
    public void An_output_directory_that_cannot_be_written_exits_2()
    {
        var file = Path.Combine(dir, "a-file");
        File.WriteAllText(file, "");
        var e = new StringWriter();
        // --out names a directory below a regular file: creating it fails.
        Assert.Equal(ExitCodes.BadInput, Exit(new CheckRequest { Example = "odd-mlp", Budget = 16, Out = Path.Combine(file, "sub") }, new StringWriter(), e));
        output.WriteLine(e.ToString());
        Assert.Contains("--out", e.ToString());
    }

    [Fact]
    public void List_prints_every_example_group_and_representation_one_per_line()
    {
        var (code, text, _) = Run(new CheckRequest { List = true });
        Assert.Equal(ExitCodes.Ok, code);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ExampleCatalog.All.Count + GroupCatalog.Entries.Count + OutputDeclaration.All.Count + 1, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("representation expressions:"));
        Assert.All(ExampleCatalog.All, e => Assert.Contains(lines, l => l.StartsWith($"example {e.Name}:")));
    }
}
