using System.Diagnostics;
using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.IO;
using SymmetryProofs.Optimisation;
using SymmetryProofs.Runtime;

namespace SymmetryProofs.Experiments.Tables;

/// <summary>
/// The settings that determine a tables run's numbers, and so its fingerprint (never --seeds, --jobs, --out or --shard).
/// Version tables/4: rows carry their stop rule, Newton steps and final max |g_i|, and training may end with the
/// second-order finish (checkpoints of tables/3 are refused).
/// </summary>
public sealed record TablesSettings(string Protocol, double TrainRatio, TrainingOptions Training, string Version = "tables/4");

/// <summary>One finished run as checkpointed: its row and its diagnostics.</summary>
public sealed record TablesUnit(TablesRow Row, TablesDiagnostics Diagnostics);

/// <summary>
/// Bergman's Tables 1 and 2 over several seeds: trains every (seed, configuration) this shard owns
/// and the checkpoint lacks, then writes tables.csv, tables-diagnostics.csv, tables.md and
/// tables.png from every run, and returns 0 when the theory's checks held on every run, 1 when one failed.
/// </summary>
public static class TablesExperiment
{
    /// <summary>
    /// The main protocol (`--finish none`): L-BFGS alone on a budget of 1500 evaluations. The Newton
    /// finish is not the default: measured on this machine (docs/tables.md), 100 Newton steps after 300 L-BFGS
    /// evaluations left the raw-input nets still descending (loss falling about 1% per 10 steps), at minutes per run.
    /// </summary>
    public static readonly TrainingOptions Default = new(MaxEvaluations: 1500);
    /// <summary>The CI's short protocol: L-BFGS alone, 300 evaluations.</summary>
    public static readonly TrainingOptions Quick = new(MaxEvaluations: 300);
    /// <summary>`--finish newton`: L-BFGS on the same budget, then up to 100 Newton steps with the exact Hessian.</summary>
    public static readonly TrainingOptions Finished = Default with { NewtonSteps = 100 };
    /// <summary>As <see cref="Finished"/> with `--quick`.</summary>
    public static readonly TrainingOptions QuickFinished = Quick with { NewtonSteps = 100 };

    /// <summary>The training options for `--finish` (newton or none) and `--quick`; bad input names the option.</summary>
    public static TrainingOptions Protocol(string finish, bool quick) => finish switch
    {
        "newton" => quick ? QuickFinished : Finished,
        "none" => quick ? Quick : Default,
        _ => throw new InputException($"--finish: got '{finish}'; expected newton (L-BFGS, then Newton to the gradient or plateau rule) or none (L-BFGS alone on its evaluation budget, the default)."),
    };

    /// <summary>`--newton-steps`: only with the finish on, and at least 1 step.</summary>
    public static TrainingOptions WithNewtonSteps(TrainingOptions training, int steps)
    {
        if (!training.Finishes) throw new InputException($"--newton-steps: given with --finish none; Newton steps need --finish newton.");
        if (steps < 1) throw new InputException($"--newton-steps: got {steps}; expected at least 1.");
        return training with { NewtonSteps = steps };
    }

    /// <summary>The key of one run in the checkpoint.</summary>
    public static string Key(int seed, TablesConfig c) => $"seed={seed};bias={c.Bias};features={c.Features};train={c.Train}";

    /// <summary>The sweep in its fixed order: seed by seed, the fourteen configurations of each.</summary>
    public static IReadOnlyList<(int Seed, TablesConfig Config)> Units(int seeds) =>
        (from seed in Enumerable.Range(0, seeds) from config in TablesConfig.All select (seed, config)).ToList();

    /// <summary>Refuses a train ratio that leaves some class without a sample on either side of the split (the real constraint, checked before any work).</summary>
    public static void ValidateRatio(LabelledSet digits, SplitProtocol protocol, double ratio)
    {
        if (!(ratio > 0 && ratio < 1)) throw new InputException($"--train-ratio: got {ratio}; expected a number strictly between 0 and 1.");
        int factor = protocol == SplitProtocol.Paper ? Shift.FiveFold.Count : 1;
        for (int c = 0; c < digits.Classes; c++)
        {
            int n = digits.Labels.Count(l => l == c) * factor;
            int train = (int)Math.Round(ratio * n, MidpointRounding.AwayFromZero);
            if (train < 1 || train > n - 1)
                throw new InputException($"--train-ratio: {ratio} puts {train} of the {n} samples of class {c} in training; every class needs at least one sample on each side (for these data: between {MinRatio(digits, factor):G3} and {1 - MinRatio(digits, factor):G3}).");
        }
    }

    private static double MinRatio(LabelledSet digits, int factor) =>
        Enumerable.Range(0, digits.Classes).Max(c => 0.5 / (digits.Labels.Count(l => l == c) * factor)) * 1.0001;

    /// <summary>The rows of <paramref name="baseline"/> (a tables.csv, or a folder holding one) and how the report names it; none without a baseline.</summary>
    public static (List<TablesRow>? Rows, string? Label) ReadBaseline(string? baseline)
    {
        if (string.IsNullOrEmpty(baseline)) return (null, null);
        string path = Directory.Exists(baseline) ? Path.Combine(baseline, "tables.csv") : baseline;
        return (TablesCsv.Read(path), path);
    }

    /// <summary>Runs the sweep; <paramref name="baseline"/>, if given, is read first (bad input exits 2 before any training) and compared in tables.md.</summary>
    public static int Run(TablesSettings settings, RunOptions options, DataDirectory dataDir, IRunLog log, string? baseline = null)
    {
        var (baselineRows, baselineLabel) = ReadBaseline(baseline);
        SplitProtocol protocol;
        try { protocol = SplitProtocols.Parse(settings.Protocol); }
        catch (ArgumentException) { throw new InputException($"--protocol: got '{settings.Protocol}'; expected split-first or paper."); }
        if (settings.Training.MaxEvaluations < 2) throw new InputException($"--max-evals: got {settings.Training.MaxEvaluations}; expected at least 2.");
        if (settings.Training.NewtonSteps < 0) throw new InputException($"--newton-steps: got {settings.Training.NewtonSteps}; expected at least 0.");
        var digits = Optdigits.LoadVerified(dataDir);
        ValidateRatio(digits, protocol, settings.TrainRatio);
        var clock = Stopwatch.StartNew();
        using var folder = OutputFolder.Open(options, "tables", log);
        TorchSetup.Initialise();
        var checkpoint = Checkpoint<TablesUnit>.Open(folder.Path, Fingerprint.Of(settings), log);
        var units = Units(options.Seeds);
        log.Line($"tables: protocol {settings.Protocol}, {options.Seeds} seed(s) x {TablesConfig.All.Count} configurations; {settings.Training.Describe()}.");
        var splits = new System.Collections.Concurrent.ConcurrentDictionary<int, Lazy<ProtocolSplit>>();
        Sweep.Run(units, u => Key(u.Seed, u.Config), u =>
        {
            var split = splits.GetOrAdd(u.Seed, s => new Lazy<ProtocolSplit>(() => protocol.Apply(digits, settings.TrainRatio, SeedStreams.SeedOf(s, "split")))).Value;
            var (row, diag) = TablesRun.Execute(u.Config, protocol, split, u.Seed, settings.Training, settings.TrainRatio);
            return new TablesUnit(row, diag);
        }, checkpoint, options.Shard, options.Jobs, log);
        if (!Sweep.Complete(units, u => Key(u.Seed, u.Config), checkpoint))
        {
            log.Line($"shard {options.Shard}: its runs are in {checkpoint.Path}; join the shards with `merge` to write the reports.");
            return ExitCodes.Ok;
        }
        var done = units.Select(u => checkpoint.Units[Key(u.Seed, u.Config)]).ToList();
        var rows = done.Select(d => d.Row).ToList();
        var diagnostics = done.Select(d => d.Diagnostics).ToList();
        clock.Stop();
        AtomicFile.WriteAllText(folder.File("tables.csv"), TablesCsv.Write(rows));
        AtomicFile.WriteAllText(folder.File("tables-diagnostics.csv"), TablesCsv.Write(diagnostics));
        var context = new TablesReportContext(digits.Count, dataDir, settings.Training, settings.TrainRatio, clock.Elapsed, done.Count - checkpoint.Reused,
            TablesCoincidences.Compare(digits), baselineRows, baselineLabel);
        AtomicFile.WriteAllText(folder.File("tables.md"), TablesReport.Markdown(rows, diagnostics, context));
        TablesPlot.Save(rows, folder.File("tables.png"));
        log.Line(TablesReport.Summary(rows, settings.Protocol));
        var bound = TablesReport.BoundCheck(rows);
        var invariance = TablesReport.InvarianceCheck(rows);
        log.Line($"checks: R + R-bar <= 1 on {bound.Runs - bound.Violations.Count} of {bound.Runs} bias-free raw-input runs; R-bar = R exactly on {invariance.Runs - invariance.Violations.Count} of {invariance.Runs} invariant-feature runs.");
        log.Line($"wrote tables.csv, tables-diagnostics.csv, tables.md, tables.png to {folder.Path} in {clock.Elapsed.TotalSeconds:F1} s");
        return bound.Violations.Count == 0 && invariance.Violations.Count == 0 ? ExitCodes.Ok : ExitCodes.CheckFailed;
    }
}
