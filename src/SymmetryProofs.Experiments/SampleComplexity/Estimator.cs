using System.Text.Json.Serialization;

namespace SymmetryProofs.Experiments.SampleComplexity;

/// <summary>The three estimators of a learning curve; curves.csv and the checkpoints write them by <see cref="SampleComplexityNames.Estimator"/>.</summary>
[JsonConverter(typeof(SampleComplexityNames.EstimatorJson))]
public enum Estimator
{
    /// <summary>Kernel ridge regression with the plain kernel.</summary>
    Plain,
    /// <summary>Kernel ridge regression with the group-averaged kernel, its own penalty.</summary>
    Invariant,
    /// <summary>The plain predictor averaged over the group at test time, at the plain fit's penalty.</summary>
    Symmetrised,
}
