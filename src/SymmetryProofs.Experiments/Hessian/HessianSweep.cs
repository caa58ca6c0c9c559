using SymmetryProofs.Experiments.Parsing;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Runtime;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// The hessian sweep as a <see cref="Runner"/> experiment. A unit is one trained setting of one seed (its checkpoint key
/// and line are those of <see cref="HessianRunner.Key"/>, so a killed run loses at most the setting in flight). A seed's
/// settings run in one shard, in order: its K and sampling-rate sweeps warm-start at its fine minimum, read from the
/// finished units. An extension grid (K beyond the fine K) trains only when the seed's previous grid is unresolved, from that
/// grid's minimum; otherwise it is checkpointed as not needed. The units already planned keep their keys, so a checkpoint of
/// an earlier run of the same settings is reused and only the new units run. The reports, with SGD roaming from seed 0's
/// fine and unaugmented minima, are written from every unit.
/// </summary>
internal sealed class HessianSweep(string? dataDir) : IExperiment<HessianSettings, HessianRunId, HessianUnit>
{
    private HessianProblem? problem;
    private HessianRunner? runner;
    private IFinishedUnits<HessianUnit>? finished;
    private IRunLog? log;

    public string Name => "hessian";

    public void Validate(HessianSettings settings, RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        settings.Validated();
        problem = HessianProblem.Create(settings.Group, settings.Quick, dataDir, settings.KeepFixedModes, settings.FineK, settings.Hidden);
        SettingsVersion.RefuseOlder(options.Out, settings.Version);
    }

    public Fingerprint Fingerprint(HessianSettings settings) => Runs.Fingerprint.Of(settings);

    public IReadOnlyList<HessianRunId> Plan(HessianSettings settings, RunOptions options, IRunLog log)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        TorchSetup.Initialise();
        // MathNet's managed provider splits large products and decompositions over threads; one thread keeps a seed's results bit-for-bit repeatable.
        MathNet.Numerics.Control.UseSingleThread();
        var p = problem!;
        runner = new HessianRunner(p, settings.Penalty, log, settings.Spectrum);
        this.log = log;
        log.Line($"hessian: group {settings.Group.Name()}, {(settings.Quick ? "quick" : "full")}, hidden width {p.Hidden}, spectrum path {settings.Spectrum.Name()}, {options.Seeds} seed(s), penalty {settings.Penalty:G3}, writing to {options.Out}" +
            (p.Extension.Length > 0 ? $"; a seed unresolved at K = {p.FineK} continues to K = {string.Join(", then ", p.Extension)} (the cap)" : ""));
        return Enumerable.Range(0, options.Seeds).SelectMany(runner.Units).ToList();
    }

    public string Key(HessianRunId unit) => HessianRunner.Key(unit);

    /// <summary>A seed's settings share its shard: the sweeps start from its fine minimum.</summary>
    public int ShardPosition(HessianRunId unit, int position) => unit.Seed;

    public void Open(IFinishedUnits<HessianUnit> finished) => this.finished = finished;

    public HessianUnit Execute(HessianRunId unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (unit.Kind == SettingKind.Extension) return Extend(unit);
        double[]? start = unit.Kind == SettingKind.Main ? null : Finished(runner!.Fine(unit.Seed)).Theta;
        var trained = runner!.Train(unit, start);
        return new HessianUnit(trained.Result, trained.Theta);
    }

    /// <summary>An extension grid: trained from the previous grid's minimum when that grid left the seed unresolved, else not needed.</summary>
    private HessianUnit Extend(HessianRunId unit)
    {
        var previous = Finished(runner!.Previous(unit));
        if (!FinalGrid.Continues(previous))
        {
            log?.Line($"seed {unit.Seed} extension k={unit.K}: not needed ({(previous.Result is null ? "an earlier grid resolved the seed" : $"resolved at K = {previous.Result.Id.K}")}).");
            return HessianUnit.NotNeeded;
        }
        var trained = runner.Train(unit, previous.Theta!);
        return new HessianUnit(trained.Result, trained.Theta);
    }

    private HessianUnit Finished(HessianRunId id) =>
        finished!.TryGet(Key(id), out var unit) ? unit : throw new InvalidOperationException($"hessian: {Key(id)} is not finished, but a later setting of its seed starts from it.");

    public IReadOnlyList<Check> Report(FinishedRun<HessianSettings, HessianRunId, HessianUnit> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var settings = run.Settings;
        var p = problem!;
        var units = run.Results.ToDictionary(r => r.Unit, r => r.Result);
        var results = Enumerable.Range(0, run.Options.Seeds).SelectMany(seed => runner!.Results(seed, id => units[id].Result)).ToList();
        var roaming = Roaming(p, runner!, units[runner!.Fine(0)], units[new HessianRunId(SettingKind.Main, Augmentation.None, 1, 0)], run.Log);
        var report = new HessianReport(p, settings.Penalty, settings.Quick, settings.Spectrum, run.Options.Seeds, results, roaming, run.Clock.Elapsed.TotalSeconds, Command(run.Options));
        report.Write(run.Folder.Path);
        run.Log.Line($"done in {run.Clock.Elapsed.TotalSeconds:F1} s; wrote hessian.md, hessian.csv, summary.json, spectrum.png (full-path rows only), curvature_vs_k.png, roaming.csv, roaming.png to {run.Folder.Path}");
        foreach (var line in report.Findings()) run.Log.Line("  " + line);
        return HessianChecks.Evaluate(results);
    }

    /// <summary>The command line of the run, or for `merge` (which has none to rerun) what joined the shards.</summary>
    private static string Command(RunOptions options) =>
        options.CommandLine.Count > 0 ? string.Join(" ", options.CommandLine) : $"merge of the shards' checkpoints into {options.Out}";

    /// <summary>SGD from seed 0's fine and unaugmented minima: how far the noise moves each along the orbit and across it.</summary>
    private static List<RoamPoint> Roaming(HessianProblem problem, HessianRunner runner, HessianUnit fine, HessianUnit none, IRunLog log)
    {
        double lr = 0.5 / fine.Result!.Curvature.LambdaMax;
        log.Line($"SGD roaming from the fine and the unaugmented minima: {problem.RoamSteps} steps, batch {problem.RoamBatch}, lr = 0.5/lambda_max = {lr:G3}");
        var points = new List<RoamPoint>();
        points.AddRange(HessianRoaming.Run(Augmentation.Fine, runner.Loss(fine.Result.Id), fine.Theta!, problem.Group, problem.RoamSteps, problem.RoamBatch, lr, 50, 4242));
        points.AddRange(HessianRoaming.Run(Augmentation.None, runner.Loss(none.Result!.Id), none.Theta!, problem.Group, problem.RoamSteps, problem.RoamBatch, lr, 50, 4242));
        return points;
    }
}
