using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Bergman;
using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Experiments.Tables;

/// <summary>
/// `tables`: Bergman's Tables 1 and 2 over several seeds, run by the <see cref="Runner"/> (<see cref="TablesSweep"/>):
/// trains every (seed, configuration) this shard owns and the checkpoint lacks, then writes tables.csv,
/// tables-diagnostics.csv, tables.md and tables.png from every run; 0 when the theory's checks held on every run, 1 when one failed.
/// </summary>
public static class TablesExperiment
{
    /// <summary>Runs the sweep; <paramref name="baseline"/>, if given, is read first (bad input exits 2 before any training) and compared in tables.md.</summary>
    public static int Run(TablesSettings settings, RunOptions options, DataDirectory dataDir, IRunLog log, string? baseline = null) =>
        Runner.Run(new TablesSweep(dataDir, baseline), settings, options, log);

    /// <summary>How `merge` writes the reports of joined tables shards (data from the default folder, no baseline).</summary>
    public static MergeableExperiment Mergeable() => Runner.Mergeable(new TablesSweep(DataDirectory.Resolve(null), null));

    /// <summary>The key of one run in the checkpoint.</summary>
    internal static string Key(int seed, BergmanConfig c) => $"seed={seed};bias={c.Bias.Name()};features={c.Features.Name()};train={c.Train.Name()}";

    /// <summary>The sweep in its fixed order: seed by seed, the fourteen configurations of each.</summary>
    internal static IReadOnlyList<TablesUnit> Units(int seeds) =>
        (from seed in Enumerable.Range(0, seeds) from config in BergmanConfig.All select new TablesUnit(seed, config)).ToList();

    /// <summary>The rows of <paramref name="baseline"/> (a tables.csv, or a folder holding one) and how the report names it; none without a baseline.</summary>
    internal static (List<BergmanRow>? Rows, string? Label) ReadBaseline(string? baseline)
    {
        if (string.IsNullOrEmpty(baseline)) return (null, null);
        string path = Directory.Exists(baseline) ? Path.Combine(baseline, "tables.csv") : baseline;
        return (TablesCsv.Read(path), path);
    }
}
