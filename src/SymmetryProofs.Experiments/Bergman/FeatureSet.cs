using System.Text.Json.Serialization;

namespace SymmetryProofs.Experiments.Bergman;

/// <summary>The input features a net of Tables 1 and 2 sees (names: x, x2, neighbour, permutation, irreps-inversion, irreps-d4).</summary>
[JsonConverter(typeof(BergmanNames.FeatureSetJson))]
internal enum FeatureSet
{
    /// <summary>The raw pixels x_i.</summary>
    X,
    /// <summary>Squares x_i^2.</summary>
    Squares,
    /// <summary>Neighbour products x_i x_{i+e1}, wrapping around the row.</summary>
    Neighbour,
    /// <summary>Permutation products x_i x_{P(i)}, P drawn from the seed.</summary>
    Permutation,
    /// <summary>The irreducible norms of inversion on the pixels (Sec. 4.2).</summary>
    IrrepsInversion,
    /// <summary>The irreducible norms of D4 on the 8x8 pixels (Sec. 4.2).</summary>
    IrrepsD4,
}
