using System.Globalization;
using System.Text.Json.Serialization;
using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Bergman;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Optimisation;

namespace SymmetryProofs.Experiments.LearningCurves;

/// <summary>
/// What determines one training run of the learning curves, and so the checkpoint's fingerprint: the split ratio of the
/// originals and the training options (the protocol is always split-first, since sizes count originals before the
/// five-fold enlargement). Fractions, targets and the bootstrap are not in it: a run with more fractions or seeds reuses
/// every unit already made with these settings. The loss targets are in it: each run records when its training loss
/// reached them. Version learning-curves/4: training has a protocol (penalised by default), runs record the half-budget
/// accuracies and the evaluations and seconds to each loss target, and the loss and gradient come from the fused managed
/// pass (<see cref="Objectives.FusedCrossEntropy"/>), whose last bits differ from autograd's (checkpoints of earlier
/// versions are refused).
/// </summary>
public sealed record LearningCurvesUnitSettings(double TrainRatio, TrainingOptions Training, double[] LossTargets,
    [property: JsonConverter(typeof(BergmanNames.ProtocolJson))] SplitProtocol Protocol = SplitProtocol.SplitFirst, string Version = LearningCurvesUnitSettings.CurrentVersion)
{
    public const string CurrentVersion = "learning-curves/4";
}

/// <summary>
/// A learning-curves run: the fractions of the training originals to train on (ascending), the symmetric-accuracy
/// targets whose sample counts are read off the curves, and the bootstrap replicates of the data-gain intervals.
/// </summary>
public sealed record LearningCurvesSettings(LearningCurvesUnitSettings Units, double[] Fractions, double[] Targets, int BootstrapReplicates = 2000)
{
    public static readonly double[] DefaultFractions = [1.0 / 32, 1.0 / 16, 1.0 / 8, 1.0 / 4, 1.0 / 2, 1];
    public static readonly double[] QuickFractions = [1.0 / 16, 1.0 / 4, 1];
    public static readonly double[] DefaultTargets = [0.7, 0.8];

    /// <summary>Mean training cross-entropies whose time to reach is measured ("less training time" at a stated target).</summary>
    public static readonly double[] DefaultLossTargets = [1.2, 1.0];

    /// <summary>The budget protocol's fixed budget, and its --quick budget.</summary>
    public const int Budget = 1500, QuickBudget = 200;

    /// <summary>The most bootstrap replicates: each is a resampled curve per arm and target, so a typo such as 2000000000 would run for days.</summary>
    public const int MaxBootstrap = 1_000_000;

    /// <summary>
    /// The settings of the options, each checked here and nowhere else: `--max-evals` at least 2, `--bootstrap` from
    /// 100 to <see cref="MaxBootstrap"/>; <paramref name="fractions"/> and <paramref name="targets"/> are the option texts (null: the defaults for
    /// <paramref name="quick"/>). The train ratio is checked against the data (<see cref="SplitRatio"/>).
    /// </summary>
    public static LearningCurvesSettings Create(double trainRatio, bool quick, int? maxEvaluations, string? fractions, string targets, int bootstrap,
        TrainingProtocol protocol = TrainingProtocol.Penalised, double? penalty = null, string? lossTargets = null)
    {
        if (penalty is double p && (p < 0 || !double.IsFinite(p))) throw new InputException($"--penalty: got {p}; expected a finite number at least 0.");
        var training = TrainingProtocols.Options(protocol, quick ? QuickBudget : Budget, penalty, quick);
        if (maxEvaluations is int budget)
        {
            if (budget < 2) throw new InputException($"--max-evals: got {budget}; expected at least 2.");
            training = training with { MaxEvaluations = budget };
        }
        if (bootstrap is < 100 or > MaxBootstrap) throw new InputException($"--bootstrap: got {bootstrap}; expected 100 to {MaxBootstrap} replicates.");
        var f = fractions is null ? quick ? QuickFractions : DefaultFractions : ParseFractions(fractions);
        var losses = lossTargets is null ? DefaultLossTargets : ParseLossTargets(lossTargets);
        return new LearningCurvesSettings(new LearningCurvesUnitSettings(trainRatio, training, losses), f, ParseTargets(targets), bootstrap);
    }

    /// <summary>Fractions as "1/32,1/16,...,1" (each a/b or a decimal), strictly between 0 and 1 inclusive of 1, strictly increasing once sorted.</summary>
    public static double[] ParseFractions(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new List<double>();
        foreach (var p in parts)
        {
            double v = ParseFraction(p);
            if (!(v > 0 && v <= 1)) throw new InputException($"--fractions: got '{p}' in '{text}'; expected each fraction in (0, 1], e.g. 1/32,1/16,1/8,1/4,1/2,1.");
            values.Add(v);
        }
        values.Sort();
        for (int i = 1; i < values.Count; i++)
            if (values[i] == values[i - 1]) throw new InputException($"--fractions: {values[i].ToString("R", CultureInfo.InvariantCulture)} appears twice in '{text}'; expected distinct fractions.");
        return values.ToArray();
    }

    /// <summary>Targets as "0.7,0.8": symmetric accuracies strictly between 0 and 1.</summary>
    public static double[] ParseTargets(string text)
    {
        var values = new List<double>();
        foreach (var p in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !(v > 0 && v < 1))
                throw new InputException($"--targets: got '{p}' in '{text}'; expected accuracies strictly between 0 and 1, e.g. 0.7,0.8.");
            values.Add(v);
        }
        return values.Distinct().Order().ToArray();
    }

    /// <summary>Loss targets as "0.5,0.3": mean cross-entropies above 0, in decreasing order.</summary>
    public static double[] ParseLossTargets(string text)
    {
        var values = new List<double>();
        foreach (var p in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !(v > 0 && double.IsFinite(v)))
                throw new InputException($"--loss-targets: got '{p}' in '{text}'; expected mean cross-entropies above 0, e.g. 0.5,0.3.");
            values.Add(v);
        }
        return values.Distinct().OrderDescending().ToArray();
    }

    private static double ParseFraction(string p)
    {
        var slash = p.Split('/');
        if (slash.Length == 2 && double.TryParse(slash[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double a)
            && double.TryParse(slash[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double b) && b != 0)
            return a / b;
        if (slash.Length == 1 && double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)) return v;
        throw new InputException($"--fractions: got '{p}'; expected a fraction such as 1/8 or 0.125.");
    }

    /// <summary>A fraction as people write it: 1/32 when it is one over a power of two, else the number.</summary>
    public static string Label(double fraction)
    {
        if (fraction == 1) return "1";
        double inverse = 1 / fraction;
        return inverse == Math.Round(inverse) ? $"1/{inverse.ToString("R", CultureInfo.InvariantCulture)}" : fraction.ToString("G4", CultureInfo.InvariantCulture);
    }
}
