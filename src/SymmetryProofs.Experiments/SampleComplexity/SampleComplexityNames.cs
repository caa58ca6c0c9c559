using SymmetryProofs.Experiments.Parsing;

namespace SymmetryProofs.Experiments.SampleComplexity;

/// <summary>
/// The one spelling of the sample-complexity experiment's named values, as curves.csv, the checkpoints and the reports
/// write them; the JSON converter <see cref="SampleComplexity.Estimator"/> carries reads and writes the same names.
/// </summary>
public static class SampleComplexityNames
{
    public static readonly OptionNames<Estimator> Estimator = new("estimator",
        (SampleComplexity.Estimator.Plain, "plain"), (SampleComplexity.Estimator.Invariant, "invariant"), (SampleComplexity.Estimator.Symmetrised, "symmetrised"));

    /// <summary>The group name of the translation average along the last axis (finite groups carry their catalogue names).</summary>
    public const string Translation = "translation";

    public static string Name(this Estimator e) => Estimator.Name(e);

    internal sealed class EstimatorJson() : OptionNameJsonConverter<Estimator>(Estimator);
}
