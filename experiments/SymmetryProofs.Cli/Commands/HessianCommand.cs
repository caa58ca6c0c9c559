using System.CommandLine;
using SymmetryProofs.Experiments.Hessian;

namespace SymmetryProofs.Cli.Commands;

/// <summary>`hessian` and `hessian bench`: options in, <see cref="HessianExperiment.Run"/> / <see cref="HessianBench.Run"/> out.</summary>
public static class HessianCommand
{
    public static Command Create()
    {
        var common = new CommonOptions("results/hessian-GROUP", 5, 2, "Small data, fewer seeds and sweep points: under 2 minutes, for CI.");
        var group = new Option<string>("--group") { Description = "so2 (rotations of R^2, ring data) or translations (band-limited T^2 shifts of 8x8 digits).", DefaultValueFactory = _ => "so2" };
        var penalty = new Option<double>("--penalty") { Description = "L2 penalty lambda in (lambda/2)|theta|^2 on every parameter.", DefaultValueFactory = _ => 1e-3 };
        var keepFixed = new Option<bool>("--keep-fixed-modes") { Description = "translations: keep the image modes every translation fixes (DC, Nyquist); by default they are projected out." };
        var fineK = new Option<int?>("--fine-k") { Description = "Grid size K per generator of the fine setting (default 256 so2 / 128 translations, 128 / 32 with --quick); the K sweep then runs up to K." };
        var hidden = new Option<int?>("--hidden") { Description = "Hidden width W of the net input-W-classes (default 8 so2 / 3 translations, 6 / 3 with --quick); translations with W >= 134 has over 10,000 parameters." };
        var spectrum = new Option<string>("--spectrum") { Description = $"How the flat directions are counted: full (dense Hessian, every eigenvalue), tangent (HVPs only: tangent curvatures and residuals, lambda_max and the complement's smallest Ritz values by Lanczos; Hessian-free Newton), auto (full up to {SpectrumPath.AutoLimit} parameters, tangent above) or both (the two at each critical point, with their agreement).", DefaultValueFactory = _ => SpectrumPath.Full };
        var command = new Command("hessian", "Hessian spectra at critical points of augmented training: flat directions along orbit tangents (claims 9, 10).");
        common.AddTo(command, withData: true);
        foreach (var o in new Option[] { group, penalty, keepFixed, fineK, hidden, spectrum }) command.Options.Add(o);
        command.SetAction(parse => Program.Guarded("hessian", () =>
        {
            string g = parse.GetValue(group)!;
            var options = common.Read(parse);
            if (parse.GetValue(common.Out) is null) options = options with { Out = Path.Combine("results", $"hessian-{g}") };
            var settings = new HessianSettings(g, parse.GetValue(common.Quick), parse.GetValue(penalty), parse.GetValue(keepFixed), parse.GetValue(fineK),
                parse.GetValue(hidden), parse.GetValue(spectrum)!);
            return HessianExperiment.Run(settings, options, parse.GetValue(common.Data), ConsoleRunLog.Create());
        }));
        command.Subcommands.Add(Bench());
        return command;
    }

    private static Command Bench()
    {
        var samples = new Option<int>("--samples") { Description = "Number of synthetic samples.", DefaultValueFactory = _ => 8985 };
        var repeats = new Option<int>("--repeats") { Description = "Repetitions of the gradient and HVP timings (median reported).", DefaultValueFactory = _ => 20 };
        var biasFree = new Option<bool>("--bias-free") { Description = "Use the bias-free net (740 parameters) instead of the net with biases (765)." };
        var chunk = new Option<long?>("--chunk-elements") { Description = "Doubles in the R-operator Hessian's largest intermediate (sets how many samples are contracted at once; default MlpObjective's)." };
        var output = new Option<string>("--out") { Description = "Directory for bench.md and bench.json.", DefaultValueFactory = _ => Path.Combine("results", "hessian-bench") };
        var command = new Command("bench", "Time gradient, HVP, full Hessian and eigendecomposition for 64-10-5-10 on 8985 samples.");
        foreach (var o in new Option[] { samples, repeats, biasFree, chunk, output }) command.Options.Add(o);
        command.SetAction(parse => Program.Guarded("hessian bench", () =>
        {
            Console.Write(HessianBench.Run(parse.GetValue(samples), parse.GetValue(repeats), !parse.GetValue(biasFree), parse.GetValue(chunk), parse.GetValue(output)!, ConsoleRunLog.Create()));
            return 0;
        }));
        return command;
    }
}
