using System.CommandLine;
using SymmetryProofs.Experiments.Hessian;

namespace SymmetryProofs.Cli.Commands;

/// <summary>`hessian` and `hessian bench`: options in, <see cref="HessianExperiment.Run"/> / <see cref="HessianBench.Run"/> out.</summary>
internal static class HessianCommand
{
    public static Command Create()
    {
        var common = new CommonOptions("results/hessian-GROUP", 7, 2, "Small data, fewer seeds and sweep points: under 2 minutes, for CI.");
        var group = new Option<string>("--group") { Description = "so2 (rotations of R^2, ring data) or translations (band-limited T^2 shifts of 8x8 digits).", DefaultValueFactory = _ => "so2" };
        var penalty = new Option<double>("--penalty") { Description = "L2 penalty lambda in (lambda/2)|theta|^2 on every parameter.", DefaultValueFactory = _ => 1e-3 };
        var keepFixed = new Option<bool>("--keep-fixed-modes") { Description = "translations: keep the image modes every translation fixes (DC, Nyquist); by default they are projected out." };
        var fineK = new Option<int?>("--fine-k") { Description = "Grid size K per generator of the fine setting (default 256 so2 / 128 translations, 128 / 32 with --quick); the K sweep then runs up to K. Full translations: a seed K leaves unresolved continues to 3K/2, then 2K." };
        var hidden = new Option<int?>("--hidden") { Description = "Hidden width W of the net input-W-classes (default 8 so2 / 3 translations, 6 / 3 with --quick); translations with W >= 134 has over 10,000 parameters." };
        var spectrum = new Option<string>("--spectrum") { Description = $"How the flat directions are counted: full (dense Hessian, every eigenvalue), tangent (HVPs only: tangent curvatures and residuals, lambda_max and the complement's smallest Ritz values by Lanczos; Hessian-free Newton), auto (full up to {SpectrumPaths.AutoLimit} parameters, tangent above) or both (the two at each critical point, with their agreement).", DefaultValueFactory = _ => SpectrumPath.Full.Name() };
        var command = new Command("hessian", "Hessian spectra at critical points of augmented training: flat directions along orbit tangents (claims 9, 10).");
        common.AddTo(command, withData: true);
        foreach (var o in new Option[] { group, penalty, keepFixed, fineK, hidden, spectrum }) command.Options.Add(o);
        command.SetAction(parse => Program.Guarded("hessian", () =>
        {
            var g = HessianNames.Group.Parse(parse.GetValue(group)!);
            if (g == HessianGroup.So2 && parse.GetValue(common.Data) is { } data)
                throw new InputException($"--data {data}: applies to --group translations only (so2 generates its ring data).");
            var options = common.Read(parse);
            if (parse.GetValue(common.Out) is null) options = options with { Out = Path.Combine("results", $"hessian-{g.Name()}") };
            var settings = new HessianSettings(g, parse.GetValue(common.Quick), parse.GetValue(penalty), parse.GetValue(keepFixed), parse.GetValue(fineK),
                parse.GetValue(hidden), HessianNames.Spectrum.Parse(parse.GetValue(spectrum)!)).Validated();
            return HessianExperiment.Run(settings, options, parse.GetValue(common.Data), ConsoleRunLog.Create());
        }));
        command.Subcommands.Add(Bench());
        return command;
    }

    private static Command Bench()
    {
        var sweep = new Option<bool>("--sweep") { Description = "Time several nets (--nets) and fit how each cost grows with n_params; checkpointed per net." };
        var quick = new Option<bool>("--quick") { Description = "With --sweep: tiny nets (64-2-2-10, 64-4-3-10, 64-8-5-10) on 300 samples, 3 repeats: seconds, for CI and tests." };
        var nets = new Option<string?>("--nets") { Description = $"Comma-separated nets as layer widths, e.g. 64-36-16-10 (default {BenchNets.PaperNet}; with --sweep {string.Join(",", BenchNets.DefaultSweep)})." };
        var samples = new Option<int?>("--samples") { Description = $"Number of synthetic samples (default {BenchData.DigitsSamples}, the digits' count)." };
        var repeats = new Option<int?>("--repeats") { Description = "Repetitions of the gradient and HVP timings, median reported (default 20)." };
        var biasFree = new Option<bool>("--bias-free") { Description = "Nets without biases (64-10-5-10 then has 740 parameters instead of 765)." };
        var chunk = new Option<long?>("--chunk-elements") { Description = "Doubles in the R-operator Hessian's largest intermediate (sets how many samples are contracted at once; default MlpObjective's)." };
        var threads = new Option<int?>("--threads") { Description = "Torch intra-op threads, LAPACK's included (one by default, so timings compare; 2 uses both cores of an idle machine, and is much slower on a loaded one)." };
        var maxPhase = new Option<double>("--max-phase-seconds") { Description = "A full Hessian or eigendecomposition predicted to take longer is extrapolated instead of run.", DefaultValueFactory = _ => 600 };
        var maxMemory = new Option<double>("--max-memory-mb") { Description = "An eigendecomposition predicted to peak above this (MiB) is extrapolated instead of run.", DefaultValueFactory = _ => 8192 };
        var budget = new Option<double>("--budget-seconds") { Description = "Time budget of the 'practical up to' statement.", DefaultValueFactory = _ => 60 };
        var budgetMb = new Option<double>("--budget-mb") { Description = "Memory budget (MiB) of the 'practical up to' statement.", DefaultValueFactory = _ => 4096 };
        var output = new Option<string?>("--out") { Description = "Directory for bench.md, bench.json and bench.png (default results/hessian-bench, or results/hessian-bench-sweep with --sweep)." };
        var command = new Command("bench", "Time gradient, HVP, full Hessian and eigendecomposition (64-10-5-10 on 8985 samples; --sweep: several nets, exponents, practical size).");
        foreach (var o in new Option[] { sweep, quick, nets, samples, repeats, biasFree, chunk, threads, maxPhase, maxMemory, budget, budgetMb, output }) command.Options.Add(o);
        command.SetAction(parse => Program.Guarded("hessian bench", () =>
        {
            bool isSweep = parse.GetValue(sweep), isQuick = parse.GetValue(quick);
            if (isQuick && !isSweep) throw new InputException("--quick: only with --sweep (the single bench times the full-size net).");
            var netList = parse.GetValue(nets) is { } text
                ? text.Split(',', StringSplitOptions.TrimEntries)
                : isQuick ? BenchNets.QuickSweep : isSweep ? BenchNets.DefaultSweep : [BenchNets.PaperNet];
            var settings = new BenchSettings(
                new BenchNets(netList, !parse.GetValue(biasFree)),
                new BenchData(parse.GetValue(samples) ?? (isQuick ? 300 : BenchData.DigitsSamples)),
                new BenchMethod(parse.GetValue(repeats) ?? (isQuick ? 3 : 20), parse.GetValue(threads) ?? 1, parse.GetValue(chunk)),
                new BenchLimits(parse.GetValue(maxPhase), parse.GetValue(maxMemory), parse.GetValue(budget), parse.GetValue(budgetMb)));
            string dir = parse.GetValue(output) ?? Path.Combine("results", isSweep ? "hessian-bench-sweep" : "hessian-bench");
            var log = ConsoleRunLog.Create();
            return isSweep ? BenchSweep.Run(settings, dir, log, Program.CommandLine) : HessianBench.Run(settings, dir, log, Program.CommandLine);
        }));
        return command;
    }
}
