using System.Globalization;
using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Experiments.LearningCurves;

/// <summary>Per configuration: its curves by size and where it reaches each target, with its gains over both baselines.</summary>
internal sealed record ConfigResults(
    string Config, string Description, CurveRole Role,
    (int N, SeedStatistics Stats)[] Symmetric, (int N, SeedStatistics Stats)[] R, (int N, SeedStatistics Stats)[] Gap,
    (int N, SeedStatistics Stats)[] Seconds, (int N, SeedStatistics Stats)[] Evaluations, (int N, int Converged, int Runs)[] Convergence,
    IReadOnlyList<GainEstimate> VsAugmentation, IReadOnlyList<GainEstimate> VsReference, IReadOnlyList<double?> SecondsToReach)
{
    /// <summary>Seconds to train at the largest size (mean and t-interval over seeds): "to converge" only for the runs that stopped on a convergence rule.</summary>
    public SeedStatistics SecondsAtLargest => Seconds[^1].Stats;
}

/// <summary>Everything the report, the plot and summary.json state, computed once from the runs.</summary>
internal sealed record LearningCurvesResults(IReadOnlyList<ConfigResults> Configs, IReadOnlyList<Verdict> Verdicts, IReadOnlyList<(string Part, Finding Finding)> Parts, IReadOnlyList<double> Targets, int Seeds)
{
    public const string Augmentation = "augmentation";
    public const string Reference = "reference";

    /// <summary>
    /// Computes the curves, the sample counts and gains (bootstrap streams from <see cref="SeedStreams.For"/>(0,
    /// "bootstrap:config/baseline/target"), so every number is the same whatever the order), and the verdicts.
    /// </summary>
    public static LearningCurvesResults Compute(IReadOnlyList<CurvePoint> points, IReadOnlyList<LearningCurvesConfig> configs, IReadOnlyList<double> targets, int replicates)
    {
        var index = new PointIndex(points);
        IReadOnlyList<GainEstimate> Gains(string config, string baseline) => targets.Select(t =>
            DataGain.Estimate(index, config, baseline, t, replicates,
                SeedStreams.For(0, $"bootstrap:{config}/{baseline}/{t.ToString("R", CultureInfo.InvariantCulture)}"))).ToList();
        var results = configs.Where(c => index.Configs.Contains(c.Name)).Select(c => new ConfigResults(
            c.Name, c.Description, c.Role,
            CurveAnalysis.PerSize(index, c.Name, p => p.Symmetric), CurveAnalysis.PerSize(index, c.Name, p => p.R),
            CurveAnalysis.PerSize(index, c.Name, p => p.Gap), CurveAnalysis.PerSize(index, c.Name, p => p.Seconds),
            CurveAnalysis.PerSize(index, c.Name, p => p.Evaluations),
            index.Sizes(c.Name).Select(n => (n, index.Seeds.Count(s => index.Get(c.Name, n, s).Converged), index.Seeds.Count)).ToArray(),
            Gains(c.Name, Augmentation), Gains(c.Name, Reference),
            targets.Select(t => CurveAnalysis.SecondsToReach(index, c.Name, index.Seeds, t)).ToList())).ToList();
        var verdicts = results.Where(r => r.Role == CurveRole.Invariant)
            .SelectMany(r => new[] { (Augmentation, r.VsAugmentation), (Reference, r.VsReference) }
                .SelectMany(b => AbstractVerdicts.For(index, r.Config, b.Item1, b.Item2))).ToList();
        var parts = new[] { AbstractVerdicts.OverFitting, AbstractVerdicts.LessData, AbstractVerdicts.LessTime }
            .Select(p => (p, AbstractVerdicts.Combine(verdicts.Where(v => v.Part == p).Select(v => v.Finding)))).ToList();
        return new LearningCurvesResults(results, verdicts, parts, targets, index.Seeds.Count);
    }
}
