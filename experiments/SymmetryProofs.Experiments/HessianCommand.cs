using System.CommandLine;
using System.Diagnostics;
using SymmetryProofs.Data;
using SymmetryProofs.Runtime;
using Spectre.Console;

namespace SymmetryProofs.Experiments;

/// <summary>
/// `hessian`: flat Hessian directions in augmented training (claims 9 and 10). Trains to critical
/// points under fine and coarse grid augmentation, random augmentation, invariant features and no
/// augmentation; counts near-null eigenvalues and compares their eigenspace with the orbit tangents.
/// </summary>
public static class HessianCommand
{
    public static Command Create()
    {
        var group = new Option<string>("--group") { Description = "so2 (rotations of R^2, ring data) or translations (band-limited T^2 shifts of 8x8 digits).", DefaultValueFactory = _ => "so2" };
        var quick = new Option<bool>("--quick") { Description = "Small data, fewer seeds and sweep points: under 2 minutes, for CI." };
        var output = new Option<string?>("--out") { Description = "Output directory (default results/hessian-GROUP)." };
        var seeds = new Option<int?>("--seeds") { Description = "Number of seeds (default 2 with --quick, 5 otherwise)." };
        var penalty = new Option<double>("--penalty") { Description = "L2 penalty lambda in (lambda/2)|theta|^2 on every parameter.", DefaultValueFactory = _ => 1e-3 };
        var data = new Option<string?>("--data") { Description = "Directory holding optdigits.tes (translations only; default: $SYMMETRYPROOFS_DATA, else data/optdigits)." };
        var keepFixed = new Option<bool>("--keep-fixed-modes") { Description = "translations: keep the image modes every translation fixes (DC, Nyquist); by default they are projected out." };
        var fineK = new Option<int?>("--fine-k") { Description = "Grid size K per generator of the fine setting (default 256 so2 / 128 translations, 128 / 32 with --quick); the K sweep then runs up to K." };
        var command = new Command("hessian", "Hessian spectra at critical points of augmented training: flat directions along orbit tangents (claims 9, 10).");
        foreach (var o in new Option[] { group, quick, output, seeds, penalty, data, keepFixed, fineK }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            string g = parse.GetValue(group)!;
            bool q = parse.GetValue(quick);
            int n = parse.GetValue(seeds) ?? (q ? 2 : 5);
            double lambda = parse.GetValue(penalty);
            if (n < 1) { Console.Error.WriteLine($"--seeds must be at least 1; got {n}."); return 2; }
            if (!(lambda > 0)) { Console.Error.WriteLine($"--penalty must be positive (it lifts accidental flat directions); got {lambda}."); return 2; }
            int? k = parse.GetValue(fineK);
            if (k is < 2) { Console.Error.WriteLine($"--fine-k must be at least 2 (a grid of one element is no augmentation); got {k}."); return 2; }
            if (g != "so2" && g != "translations") { Console.Error.WriteLine($"--group must be so2 or translations; got '{g}'."); return 2; }
            string dir = parse.GetValue(output) ?? Path.Combine("results", $"hessian-{g}");
            try
            {
                return Run(g, q, n, lambda, dir, parse.GetValue(data), parse.GetValue(keepFixed), k, args: Environment.GetCommandLineArgs().Skip(1));
            }
            catch (Exception e) when (e is DataNotFoundException or FileNotFoundException or FormatException)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        });
        command.Subcommands.Add(HessianBench.Create());
        return command;
    }

    private static int Run(string groupName, bool quick, int seeds, double penalty, string dir, string? dataDir, bool keepFixedModes, int? fineK, IEnumerable<string> args)
    {
        TorchSetup.Initialise();
        // MathNet's managed provider splits large products and decompositions over threads; one thread keeps a seed's results bit-for-bit repeatable.
        MathNet.Numerics.Control.UseSingleThread();
        var watch = Stopwatch.StartNew();
        Directory.CreateDirectory(dir);
        var problem = HessianProblem.Create(groupName, quick, dataDir, keepFixedModes, fineK);
        var runner = new HessianRunner(problem, penalty) { Total = seeds * HessianRunner.RunsPerSeed(problem) };
        AnsiConsole.MarkupLine(Markup.Escape($"hessian: group {groupName}, {(quick ? "quick" : "full")}, {seeds} seed(s), penalty {penalty:G3}, writing to {dir}"));
        var results = new List<HessianResult>();
        var roaming = new List<RoamPoint>();
        for (int seed = 0; seed < seeds; seed++)
        {
            var (r, fine, none) = runner.RunSeed(seed);
            results.AddRange(r);
            if (seed == 0)
            {
                double lr = 0.5 / fine.Result.LambdaMax;
                AnsiConsole.MarkupLine(Markup.Escape($"SGD roaming from the fine and the unaugmented minima: {problem.RoamSteps} steps, batch {problem.RoamBatch}, lr = 0.5/lambda_max = {lr:G3}"));
                roaming.AddRange(HessianRoaming.Run("fine", fine.Loss, fine.Theta, problem.Group, problem.RoamSteps, problem.RoamBatch, lr, 50, 4242));
                roaming.AddRange(HessianRoaming.Run("none", none.Loss, none.Theta, problem.Group, problem.RoamSteps, problem.RoamBatch, lr, 50, 4242));
            }
        }
        var report = new HessianReport(problem, penalty, quick, seeds, results, roaming, watch.Elapsed.TotalSeconds, "dotnet run --project experiments/SymmetryProofs.Experiments -c Release -- " + string.Join(" ", args));
        report.Write(dir);
        AnsiConsole.MarkupLine(Markup.Escape($"done in {watch.Elapsed.TotalSeconds:F1} s; wrote hessian.md, hessian.csv, summary.json, spectrum.png, curvature_vs_k.png, roaming.csv, roaming.png to {dir}"));
        foreach (var line in report.Findings()) AnsiConsole.MarkupLine(Markup.Escape("  " + line));
        return 0;
    }
}
