using System.Diagnostics;
using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Parsing;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Runtime;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// The settings that determine a hessian run's numbers (the fingerprint): group, protocol size,
/// penalty, fixed modes, fine K, hidden width (null: the protocol's) and the <see cref="SpectrumPath"/>.
/// Version hessian/4: checkpointed results hold typed kinds, settings, groups and paths, and translations train to |grad| < 1e-9 (earlier checkpoints are refused).
/// </summary>
public sealed record HessianSettings(HessianGroup Group, bool Quick, double Penalty, bool KeepFixedModes, int? FineK, int? Hidden = null,
    SpectrumPath Spectrum = SpectrumPath.Full, string Version = HessianSettings.CurrentVersion)
{
    public const string CurrentVersion = "hessian/4";

    /// <summary>Throws an <see cref="InputException"/> naming the first bad option: the one check of each.</summary>
    public HessianSettings Validated()
    {
        if (!(Penalty > 0) || !double.IsFinite(Penalty)) throw new InputException($"--penalty: got {Penalty}; expected a positive finite number (it lifts accidental flat directions).");
        if (FineK is < 2 or > 4096) throw new InputException($"--fine-k: got {FineK}; expected 2 to 4096 (a grid of one element is no augmentation).");
        if (Hidden is < 1 or > 100_000) throw new InputException($"--hidden: got {Hidden}; expected a hidden width from 1 to 100000.");
        if (KeepFixedModes && Group == HessianGroup.So2) throw new InputException("--keep-fixed-modes: applies to --group translations only (so2 has no image modes to keep).");
        if (Hidden is { } w)
        {
            // Limits before work: the net inputs-W-classes (at most 64 inputs and 10 classes for translations, 2 and 3 for so2) has n parameters;
            // the full path holds about five dense n x n copies at its peak (MemoryModel), the tangent path Lanczos bases of at most a few hundred n-vectors.
            long n = Group == HessianGroup.So2 ? MemoryBudget.Sum(MemoryBudget.Product(3, w), MemoryBudget.Product(3, w + 1L)) : MemoryBudget.Sum(MemoryBudget.Product(65, w), MemoryBudget.Product(10, w + 1L));
            bool dense = Spectrum is SpectrumPath.Full or SpectrumPath.Both || (Spectrum == SpectrumPath.Auto && n <= SpectrumPaths.AutoLimit);
            MemoryBudget.Check($"--hidden {w}", dense ? MemoryBudget.Product(5, n, n, MemoryBudget.Double) : MemoryBudget.Product(400, n, MemoryBudget.Double),
                dense ? $"five dense Hessians of {n} parameters, --spectrum {Spectrum.Name()}" : $"Lanczos bases of {n} parameters");
        }
        return this;
    }
}

/// <summary>One trained setting as checkpointed: what its Hessian says and where it converged (warm starts and roaming start there).</summary>
internal sealed record HessianUnit(HessianResult Result, double[] Theta);

/// <summary>
/// `hessian`: flat Hessian directions in augmented training (claims 9 and 10). Trains every setting
/// of every seed this shard owns to a critical point, checkpointing each one, analyses its
/// Hessian, and writes the reports once every seed is done. Returns 0 when the checks held.
/// </summary>
public static class HessianExperiment
{
    public static int Run(HessianSettings settings, RunOptions options, string? dataDir, IRunLog log)
    {
        settings.Validated();
        var problem = HessianProblem.Create(settings.Group, settings.Quick, dataDir, settings.KeepFixedModes, settings.FineK, settings.Hidden);
        using var folder = OutputFolder.Open(options, "hessian", log);
        SettingsVersion.RefuseOlder(folder.Path, settings.Version);
        TorchSetup.Initialise();
        // MathNet's managed provider splits large products and decompositions over threads; one thread keeps a seed's results bit-for-bit repeatable.
        MathNet.Numerics.Control.UseSingleThread();
        var watch = Stopwatch.StartNew();
        var checkpoint = Checkpoint<HessianUnit>.Open(folder.Path, Runs.Fingerprint.Of(settings), log);
        var runner = new HessianRunner(problem, settings.Penalty, checkpoint, log, settings.Spectrum) { Total = options.Seeds * HessianRunner.RunsPerSeed(problem) };
        log.Line($"hessian: group {settings.Group.Name()}, {(settings.Quick ? "quick" : "full")}, hidden width {problem.Hidden}, spectrum path {settings.Spectrum.Name()}, {options.Seeds} seed(s), penalty {settings.Penalty:G3}, writing to {folder.Path}");
        var seeds = Enumerable.Range(0, options.Seeds).Where(options.Shard.Owns).ToList();
        // Seeds run one after another, whatever --jobs says: two seeds at once made libtorch fail with
        // "Unknown scalar type" in CI (TorchSharp's temporary Scalars are not safe under concurrent
        // collection). Within a seed the sweeps warm-start from its fine minimum; every setting is checkpointed.
        if (options.Jobs > 1) log.Line("hessian: seeds run one at a time (--jobs does not apply to this command).");
        var results = new List<HessianResult>();
        var roaming = new List<RoamPoint>();
        foreach (int seed in seeds)
        {
            var (r, fine, none) = runner.RunSeed(seed);
            results.AddRange(r);
            if (seed == 0) roaming.AddRange(Roaming(problem, fine, none, log));
        }
        if (!options.Shard.IsWhole && !Enumerable.Range(0, options.Seeds).All(s => checkpoint.TryGet(HessianRunner.Key(s, SettingKind.Main, Augmentation.Fine, problem.FineK), out _)))
        {
            log.Line($"shard {options.Shard}: its settings are in {checkpoint.Path}; join the shards with `merge` to write the reports.");
            return ExitCodes.Ok;
        }
        var report = new HessianReport(problem, settings.Penalty, settings.Quick, settings.Spectrum, options.Seeds, results, roaming, watch.Elapsed.TotalSeconds, string.Join(" ", options.CommandLine));
        report.Write(folder.Path);
        log.Line($"done in {watch.Elapsed.TotalSeconds:F1} s; wrote hessian.md, hessian.csv, summary.json, spectrum.png (full-path rows only), curvature_vs_k.png, roaming.csv, roaming.png to {folder.Path}");
        foreach (var line in report.Findings()) log.Line("  " + line);
        var checks = HessianChecks.Evaluate(results);
        foreach (var c in checks) log.Line(c.ToString());
        return Check.ExitCode(checks);
    }

    private static List<RoamPoint> Roaming(HessianProblem problem, HessianRunner.Trained fine, HessianRunner.Trained none, IRunLog log)
    {
        double lr = 0.5 / fine.Result.Curvature.LambdaMax;
        log.Line($"SGD roaming from the fine and the unaugmented minima: {problem.RoamSteps} steps, batch {problem.RoamBatch}, lr = 0.5/lambda_max = {lr:G3}");
        var points = new List<RoamPoint>();
        points.AddRange(HessianRoaming.Run(Augmentation.Fine, fine.Loss, fine.Theta, problem.Group, problem.RoamSteps, problem.RoamBatch, lr, 50, 4242));
        points.AddRange(HessianRoaming.Run(Augmentation.None, none.Loss, none.Theta, problem.Group, problem.RoamSteps, problem.RoamBatch, lr, 50, 4242));
        return points;
    }
}
