using System.Text.Json.Serialization;

namespace SymmetryProofs.Experiments.Bergman;

/// <summary>What a net of Tables 1 and 2 is trained on (names: X, X+-X).</summary>
[JsonConverter(typeof(BergmanNames.TrainingSetJson))]
internal enum TrainingSet
{
    /// <summary>The enlarged training side X.</summary>
    X,
    /// <summary>X and -X together (augmentation by inversion).</summary>
    XAndNegated,
}
