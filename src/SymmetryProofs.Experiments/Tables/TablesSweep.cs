using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Bergman;
using SymmetryProofs.Experiments.Parsing;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.IO;
using SymmetryProofs.Runtime;

namespace SymmetryProofs.Experiments.Tables;

/// <summary>One run of the tables sweep: a seed and a cell.</summary>
internal sealed record TablesUnit(int Seed, BergmanConfig Config);

/// <summary>
/// Bergman's Tables 1 and 2 as a <see cref="Runner"/> experiment: every (seed, configuration) is a unit; the reports
/// (tables.csv, tables-diagnostics.csv, tables.md, tables.png) are written from every run, and the bound and invariance
/// checks decide the exit code. <paramref name="baseline"/>, if given, is read while validating (bad input exits 2 before any training).
/// </summary>
internal sealed class TablesSweep(DataDirectory dataDir, string? baseline) : IExperiment<TablesSettings, TablesUnit, BergmanResult>
{
    private DigitSplits? data;
    private (List<BergmanRow>? Rows, string? Label) baselineRows;
    private TablesSettings? current;

    public string Name => "tables";

    public void Validate(TablesSettings settings, RunOptions options)
    {
        baselineRows = TablesExperiment.ReadBaseline(baseline);
        data = new DigitSplits(dataDir, settings.Protocol, settings.TrainRatio);
        SettingsVersion.RefuseOlder(options.Out, settings.Version);
        current = settings;
    }

    public Fingerprint Fingerprint(TablesSettings settings) => Runs.Fingerprint.Of(settings);

    public IReadOnlyList<TablesUnit> Plan(TablesSettings settings, RunOptions options, IRunLog log)
    {
        TorchSetup.Initialise();
        log.Line($"tables: protocol {settings.Protocol.Name()}, {options.Seeds} seed(s) x {BergmanConfig.All.Count} configurations; {settings.Training.Describe()}.");
        return TablesExperiment.Units(options.Seeds);
    }

    public string Key(TablesUnit unit) => TablesExperiment.Key(unit.Seed, unit.Config);

    public BergmanResult Execute(TablesUnit unit)
    {
        var s = current!;
        return BergmanRun.Execute(unit.Config.Cell, s.Protocol, data!.For(unit.Seed), unit.Seed, s.Training, s.TrainRatio);
    }

    public IReadOnlyList<Check> Report(FinishedRun<TablesSettings, TablesUnit, BergmanResult> run)
    {
        var rows = run.Results.Select(r => r.Result.Row).ToList();
        var diagnostics = run.Results.Select(r => r.Result.Diagnostics).ToList();
        var folder = run.Folder;
        var elapsed = run.Clock.Elapsed;
        AtomicFile.WriteAllText(folder.File("tables.csv"), TablesCsv.Write(rows));
        AtomicFile.WriteAllText(folder.File("tables-diagnostics.csv"), TablesCsv.Write(diagnostics));
        var context = new TablesReportContext(data!.Digits.Count, dataDir, run.Settings.Training, run.Settings.TrainRatio, elapsed, run.Results.Count - run.Reused,
            TablesCoincidences.Compare(data.Digits), baselineRows.Rows, baselineRows.Label);
        AtomicFile.WriteAllText(folder.File("tables.md"), TablesReport.Markdown(rows, diagnostics, context));
        TablesPlot.Save(rows, folder.File("tables.png"));
        run.Log.Line(TablesReport.Summary(rows, run.Settings.Protocol));
        var bound = BergmanChecks.Bound(rows);
        var invariance = BergmanChecks.Invariance(rows);
        run.Log.Line($"wrote tables.csv, tables-diagnostics.csv, tables.md, tables.png to {folder.Path} in {elapsed.TotalSeconds:F1} s");
        return
        [
            new Check("R + R-bar <= 1 on every bias-free run on raw inputs (Eqs. 5-6)", bound.Holds, $"{bound.Held} of {bound.Runs} runs"),
            new Check("R-bar = R exactly on every run on invariant features (Eqs. 7-9)", invariance.Holds, $"{invariance.Held} of {invariance.Runs} runs"),
        ];
    }
}
