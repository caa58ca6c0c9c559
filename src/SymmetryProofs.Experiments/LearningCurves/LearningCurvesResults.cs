using System.Globalization;
using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Experiments.LearningCurves;

/// <summary>
/// Per configuration: its curves by size, where it reaches each accuracy target with its gain over augmentation, and at
/// the largest size the mean evaluations and seconds to reach each loss target (null when some run never reached it).
/// </summary>
internal sealed record ConfigResults(
    string Config, string Description, CurveRole Role,
    (int N, SeedStatistics Stats)[] Symmetric, (int N, SeedStatistics Stats)[] R, (int N, SeedStatistics Stats)[] Gap,
    (int N, SeedStatistics Stats)[] Seconds, (int N, SeedStatistics Stats)[] Evaluations, (int N, int Converged, int Runs)[] Convergence,
    IReadOnlyList<GainEstimate> VsAugmentation, IReadOnlyList<double?> SecondsToTarget, IReadOnlyList<double?> EvaluationsToTarget)
{
    /// <summary>Seconds to train at the largest size (mean and t-interval over seeds).</summary>
    public SeedStatistics SecondsAtLargest => Seconds[^1].Stats;
}

/// <summary>Everything the report, the plot and summary.json state, computed once from the runs.</summary>
internal sealed record LearningCurvesResults(IReadOnlyList<ConfigResults> Configs, IReadOnlyList<Verdict> Verdicts, IReadOnlyList<(AbstractPart Part, Finding Finding)> Parts,
    IReadOnlyList<double> Targets, IReadOnlyList<double> LossTargets, int Seeds)
{
    /// <summary>
    /// Computes the curves, the sample counts and gains over augmentation (bootstrap streams from <see cref="SeedStreams.For"/>(0,
    /// "bootstrap:config/baseline/target"), so every number is the same whatever the order), the time to each loss target, and the verdicts.
    /// The data-gain intervals are Bonferroni-corrected over the accuracy targets times the invariant configurations present
    /// (the part "less training data" combines every one of them into its verdict).
    /// </summary>
    public static LearningCurvesResults Compute(IReadOnlyList<CurvePoint> points, IReadOnlyList<LearningCurvesConfig> configs, IReadOnlyList<double> targets,
        IReadOnlyList<double> lossTargets, int replicates)
    {
        var index = new PointIndex(points);
        var present = configs.Where(c => index.Configs.Contains(c.Name)).ToList();
        int comparisons = Math.Max(1, targets.Count * present.Count(c => c.Role == CurveRole.Invariant));
        string augmentation = LearningCurvesConfig.Augmentation.Name;
        IReadOnlyList<GainEstimate> Gains(string config, string baseline) => targets.Select(t =>
            DataGain.Estimate(index, config, baseline, t, replicates, comparisons,
                SeedStreams.For(0, $"bootstrap:{config}/{baseline}/{t.ToString("R", CultureInfo.InvariantCulture)}"))).ToList();
        List<double?> ToTarget(string config, Func<TargetReach, double?> value)
        {
            int n = index.Sizes(config)[^1];
            return lossTargets.Select((_, t) =>
            {
                var v = index.Seeds.Select(s => index.Get(config, n, s).ToTarget is { } l && t < l.Count ? value(l[t]) : null).ToList();
                return v.Any(x => x is null) ? (double?)null : v.Average(x => x!.Value);
            }).ToList();
        }
        var results = present.Select(c => new ConfigResults(
            c.Name, c.Description, c.Role,
            CurveAnalysis.PerSize(index, c.Name, p => p.Symmetric), CurveAnalysis.PerSize(index, c.Name, p => p.R),
            CurveAnalysis.PerSize(index, c.Name, p => p.Gap), CurveAnalysis.PerSize(index, c.Name, p => p.Seconds),
            CurveAnalysis.PerSize(index, c.Name, p => p.Evaluations),
            index.Sizes(c.Name).Select(n => (n, index.Seeds.Count(s => index.Get(c.Name, n, s).Converged), index.Seeds.Count)).ToArray(),
            Gains(c.Name, augmentation), ToTarget(c.Name, r => r.Seconds), ToTarget(c.Name, r => r.Evaluations))).ToList();
        var verdicts = index.Configs.Contains(augmentation)
            ? results.Where(r => r.Role == CurveRole.Invariant).SelectMany(r => AbstractVerdicts.For(index, r.Config, LearningCurvesConfig.Augmentation, r.VsAugmentation, lossTargets)).ToList()
            : [];
        var parts = Enum.GetValues<AbstractPart>()
            .Select(p => (p, AbstractVerdicts.Combine(verdicts.Where(v => v.Part == p).Select(v => v.Finding)))).ToList();
        return new LearningCurvesResults(results, verdicts, parts, targets, lossTargets, index.Seeds.Count);
    }
}
