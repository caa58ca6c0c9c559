using System.Text.Json.Serialization;

namespace SymmetryProofs.Experiments.Bergman;

/// <summary>
/// What ended a training run (names: gradient, plateau, budget, linesearch, validation, unknown). A run ended by its rule when
/// the gradient, the plateau or the early-stopping (validation) rule stopped it; unknown is a row of a baseline CSV written before the stop column existed.
/// </summary>
[JsonConverter(typeof(BergmanNames.StopRuleJson))]
internal enum StopRule
{
    /// <summary>max |dL/dtheta| fell below the tolerance.</summary>
    Gradient,
    /// <summary>The loss stopped falling over the plateau window.</summary>
    Plateau,
    /// <summary>The evaluation (or Newton-step) budget ran out.</summary>
    Budget,
    /// <summary>The line search found no step.</summary>
    LineSearch,
    /// <summary>Early stopping: the validation loss did not improve for the patience.</summary>
    Validation,
    /// <summary>Not recorded.</summary>
    Unknown,
}
