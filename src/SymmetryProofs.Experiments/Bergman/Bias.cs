using System.Text.Json.Serialization;

namespace SymmetryProofs.Experiments.Bergman;

/// <summary>Whether a net of Tables 1 and 2 has biases (names: none, with).</summary>
[JsonConverter(typeof(BergmanNames.BiasJson))]
internal enum Bias
{
    /// <summary>Every bias fixed at 0: the net is odd (claim 1).</summary>
    None,
    /// <summary>All biases trained.</summary>
    With,
}
