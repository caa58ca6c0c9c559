using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Bergman;
using SymmetryProofs.Experiments.Parsing;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.IO;
using SymmetryProofs.Runtime;

namespace SymmetryProofs.Experiments.LearningCurves;

/// <summary>One run of the learning-curves sweep: a seed, a fraction of the training originals and a configuration.</summary>
internal sealed record LearningCurvesRun(int Seed, double Fraction, LearningCurvesConfig Config);

/// <summary>
/// The learning curves as a <see cref="Runner"/> experiment: every (seed, fraction, configuration) is a unit, its
/// fingerprint that of <see cref="LearningCurvesUnitSettings"/> alone (more fractions or seeds reuse every unit made);
/// the reports are written from every run, and <see cref="LearningCurvesChecks"/> decide the exit code (the verdicts never do).
/// </summary>
internal sealed class LearningCurvesSweep(DataDirectory dataDir) : IExperiment<LearningCurvesSettings, LearningCurvesRun, LearningCurvesUnit>
{
    private DigitSplits? data;
    private LearningCurvesSettings? current;

    public string Name => "learning-curves";

    public void Validate(LearningCurvesSettings settings, RunOptions options)
    {
        data = new DigitSplits(dataDir, settings.Units.Protocol, settings.Units.TrainRatio);
        SettingsVersion.RefuseOlder(options.Out, settings.Units.Version);
        current = settings;
    }

    public Fingerprint Fingerprint(LearningCurvesSettings settings) => Runs.Fingerprint.Of(settings.Units);

    public IReadOnlyList<LearningCurvesRun> Plan(LearningCurvesSettings settings, RunOptions options, IRunLog log)
    {
        TorchSetup.Initialise();
        log.Line($"learning-curves: {options.Seeds} seed(s) x {settings.Fractions.Length} fractions x {LearningCurvesConfig.All.Count} configurations; {settings.Units.Training.Describe()}.");
        return LearningCurvesExperiment.Units(options.Seeds, settings.Fractions);
    }

    public string Key(LearningCurvesRun run) => LearningCurvesUnit.Key(run.Config.Name, run.Fraction, run.Seed);

    private ProtocolSplit SplitOf(int seed) => data!.For(seed);

    public LearningCurvesUnit Execute(LearningCurvesRun run)
    {
        var u = current!.Units;
        return LearningCurvesUnit.Execute(run.Config, u.Protocol, SplitOf(run.Seed), run.Fraction, run.Seed, u.Training, u.TrainRatio, u.LossTargets);
    }

    public IReadOnlyList<Check> Report(FinishedRun<LearningCurvesSettings, LearningCurvesRun, LearningCurvesUnit> run)
    {
        var settings = run.Settings;
        var done = run.Results.Select(r => r.Result).ToList();
        var results = LearningCurvesResults.Compute(done.Select(u => u.Point()).ToList(), LearningCurvesConfig.All, settings.Targets, settings.Units.LossTargets, settings.BootstrapReplicates);
        var checks = LearningCurvesChecks.Evaluate(done);
        var folder = run.Folder;
        var elapsed = run.Clock.Elapsed;
        var context = new LearningCurvesContext(settings, data!.Digits.Count, SplitOf(0).Test.Count, dataDir.IsDefault ? DataDirectory.DefaultPath : dataDir.Path, elapsed, done.Count - run.Reused, done.Count);
        AtomicFile.WriteAllText(folder.File("learning_curves.csv"), LearningCurvesCsv.Write(done));
        AtomicFile.WriteAllText(folder.File("learning_curves.md"), LearningCurvesReport.Markdown(results, checks, context));
        AtomicFile.WriteAllText(folder.File("summary.json"), LearningCurvesJson.Write(results, settings));
        LearningCurvesPlot.Save(results, folder.File("learning_curves.png"));
        foreach (var (part, finding) in results.Parts) run.Log.Line($"verdict: {part.Name()}: {Verdict.Word(finding)}");
        run.Log.Line($"wrote learning_curves.csv, learning_curves.md, learning_curves.png, summary.json to {folder.Path} in {elapsed.TotalSeconds:F1} s");
        return checks;
    }
}
