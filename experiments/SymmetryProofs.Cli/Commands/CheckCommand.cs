using System.CommandLine;
using SymmetryProofs.Checking;
using SymmetryProofs.Experiments.Checking;

namespace SymmetryProofs.Cli.Commands;

/// <summary>
/// check: prove or refute the symmetry of a model (a built-in example or a TorchScript file) with
/// worst-case search and a shrunk counterexample. Parsing only; <see cref="CheckRun"/> runs it.
/// </summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var model = new Option<string?>("--model") { Description = "A TorchScript file (torch.jit.save); it runs code, so check only files you trust. Needs --shape and --group." };
        var example = new Option<string?>("--example") { Description = "A built-in example model (see --list)." };
        var group = new Option<string?>("--group") { Description = "A catalogue group (see --list); default for an example: the group it is meant to respect." };
        var outputRep = new Option<string?>("--output-rep") { Description = "How the outputs move: trivial (invariance), negation, group (as the inputs), or an expression such as regular, 'regular * V', det, 'V * 4' (see docs/check.md)." };
        var inputRep = new Option<string?>("--input-rep") { Description = "How the group moves the input tensor, an expression such as 'regular * V' (default: the group on its axes: C * V for C x H x W, V * k for a set N x k, N * V for a point cloud N x 3)." };
        var dtype = new Option<string?>("--dtype") { Description = "float32 or float64 (default: the example's; float64 for a file)." };
        var shape = new Option<string?>("--shape") { Description = "Input shape of a --model: CxHxW (channels of images, taken as [B, C, H, W]), HxW (an image, taken flat, or a set or point cloud N x k, taken as [B, N, k]) or D (R^D)." };
        var budget = new Option<int>("--budget") { Description = "Model evaluations for the search.", DefaultValueFactory = _ => new CheckOptions().Budget };
        var seed = new Option<int>("--seed") { Description = "Seed of the search (the same seed replays the same report).", DefaultValueFactory = _ => 1 };
        var outDir = new Option<string>("--out") { Description = "Directory for check.md and check.json (benchmark.md, benchmark.csv).", DefaultValueFactory = _ => "results/check" };
        var list = new Option<bool>("--list") { Description = "Print the examples, groups and output representations, one per line." };
        var benchmark = new Option<bool>("--benchmark") { Description = "Run the planted-bug benchmark (common practice against this checker, 20 seeds)." };
        var export = new Option<string?>("--export") { Description = "Save the --example as a TorchScript file here (through torch.jit.save) instead of checking it." };
        // The load probe that check runs in a child process of itself before loading a --model file (docs/check.md).
        var probeLoad = new Option<bool>(ModelLoadProbe.Option) { Hidden = true };

        var command = new Command("check", "Prove or refute a model's invariance or equivariance under a group: random trials, error ascent, shrunk counterexample. Exit 0 holds, 1 violated, 2 bad input, 3 a bug.");
        foreach (var o in new Option[] { model, example, group, outputRep, inputRep, dtype, shape, budget, seed, outDir, list, benchmark, export, probeLoad }) command.Options.Add(o);
        command.SetAction(parse => Program.Guarded("check", () => CheckRun.Run(new CheckRequest
        {
            ModelPath = parse.GetValue(model),
            Example = parse.GetValue(example),
            Group = parse.GetValue(group),
            OutputRep = parse.GetValue(outputRep),
            InputRep = parse.GetValue(inputRep),
            Dtype = parse.GetValue(dtype),
            Shape = parse.GetValue(shape),
            Budget = parse.GetValue(budget),
            Seed = parse.GetValue(seed),
            Out = parse.GetValue(outDir)!,
            List = parse.GetValue(list),
            Benchmark = parse.GetValue(benchmark),
            Export = parse.GetValue(export),
            ProbeLoad = parse.GetValue(probeLoad),
        }, Program.CommandLine, Console.Out, ConsoleRunLog.Create())));
        return command;
    }
}
