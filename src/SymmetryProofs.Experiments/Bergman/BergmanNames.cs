using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Parsing;
using SymmetryProofs.Optimisation;

namespace SymmetryProofs.Experiments.Bergman;

/// <summary>
/// The one spelling of every Bergman option value, as the command line takes it and tables.csv, the checkpoints and the
/// reports write it; the JSON converters the enums carry read and write the same names.
/// </summary>
public static class BergmanNames
{
    internal static readonly OptionNames<Bias> Bias = new("bias", (Bergman.Bias.None, "none"), (Bergman.Bias.With, "with"));

    internal static readonly OptionNames<FeatureSet> Features = new("features",
        (FeatureSet.X, "x"), (FeatureSet.Squares, "x2"), (FeatureSet.Neighbour, "neighbour"), (FeatureSet.Permutation, "permutation"),
        (FeatureSet.IrrepsInversion, "irreps-inversion"), (FeatureSet.IrrepsD4, "irreps-d4"));

    internal static readonly OptionNames<TrainingSet> Train = new("train", (TrainingSet.X, "X"), (TrainingSet.XAndNegated, "X+-X"));

    internal static readonly OptionNames<StopRule> Stop = new("stop",
        (StopRule.Gradient, "gradient"), (StopRule.Plateau, "plateau"), (StopRule.Budget, "budget"), (StopRule.LineSearch, "linesearch"), (StopRule.Validation, "validation"), (StopRule.Unknown, "unknown"));

    /// <summary>The split protocols under the core's names (<see cref="SplitProtocols.Name"/>).</summary>
    public static readonly OptionNames<SplitProtocol> Protocol = new("--protocol", Enum.GetValues<SplitProtocol>().Select(p => (p, p.Name())).ToArray());

    internal static string Name(this Bias b) => Bias.Name(b);
    internal static string Name(this FeatureSet f) => Features.Name(f);
    internal static string Name(this TrainingSet t) => Train.Name(t);
    internal static string Name(this StopRule s) => Stop.Name(s);

    /// <summary>The trainer's reason as a stop rule.</summary>
    internal static StopRule Rule(StopReason reason) => reason switch
    {
        StopReason.Gradient => StopRule.Gradient,
        StopReason.Plateau => StopRule.Plateau,
        StopReason.Budget => StopRule.Budget,
        StopReason.LineSearch => StopRule.LineSearch,
        StopReason.Validation => StopRule.Validation,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "a stop reason without a rule"),
    };

    /// <summary>Whether the rule is a convergence rule (gradient or plateau), not a budget or a failed line search.</summary>
    internal static bool Converged(this StopRule s) => s is StopRule.Gradient or StopRule.Plateau or StopRule.Validation;

    internal sealed class BiasJson() : OptionNameJsonConverter<Bias>(BergmanNames.Bias);
    internal sealed class FeatureSetJson() : OptionNameJsonConverter<FeatureSet>(Features);
    internal sealed class TrainingSetJson() : OptionNameJsonConverter<TrainingSet>(Train);
    internal sealed class StopRuleJson() : OptionNameJsonConverter<StopRule>(Stop);
    /// <summary>For the core's <see cref="SplitProtocol"/>, which carries no converter of its own: put on each property.</summary>
    public sealed class ProtocolJson() : OptionNameJsonConverter<SplitProtocol>(Protocol);
}
