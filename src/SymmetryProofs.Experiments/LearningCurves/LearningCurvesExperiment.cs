using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Experiments.LearningCurves;

/// <summary>
/// `learning-curves`: the learning curves of Bergman's abstract (claim 12), run by the <see cref="Runner"/>
/// (<see cref="LearningCurvesSweep"/>): trains every (seed, fraction, configuration) this shard owns and the checkpoint
/// lacks, then writes learning_curves.csv, learning_curves.md, learning_curves.png and summary.json from every run.
/// Exit 0 when <see cref="LearningCurvesChecks"/> held, 1 when one failed; the verdicts never set it.
/// </summary>
public static class LearningCurvesExperiment
{
    /// <summary>The sweep in its fixed order: seed by seed, then fraction, then configuration, so an interrupted run leaves whole seeds behind.</summary>
    internal static IReadOnlyList<LearningCurvesRun> Units(int seeds, IReadOnlyList<double> fractions) =>
        (from seed in Enumerable.Range(0, seeds) from f in fractions from c in LearningCurvesConfig.All select new LearningCurvesRun(seed, f, c)).ToList();

    /// <summary>Runs the sweep into <see cref="RunOptions.Out"/>; returns the exit code.</summary>
    public static int Run(LearningCurvesSettings settings, RunOptions options, DataDirectory dataDir, IRunLog log) =>
        Runner.Run(new LearningCurvesSweep(dataDir), settings, options, log);

    /// <summary>How `merge` writes the reports of joined learning-curves shards (data from the default folder).</summary>
    public static MergeableExperiment Mergeable() => Runner.Mergeable(new LearningCurvesSweep(DataDirectory.Resolve(null)));
}
