using System.Text.Json.Serialization;

namespace SymmetryProofs.Experiments.Bergman;

/// <summary>What a net of Tables 1 and 2 is and what it trains on: biases or not, its input features, its training set.</summary>
internal sealed record BergmanCell(Bias Bias, FeatureSet Features, TrainingSet Train)
{
    /// <summary>Whether the net sees the raw pixels (the features where inversion acts; every other map is inversion-invariant).</summary>
    [JsonIgnore]
    public bool IsRawInput => Features == FeatureSet.X;

    /// <summary>Whether it has biases.</summary>
    [JsonIgnore]
    public bool WithBias => Bias == Bias.With;

    /// <summary>Whether it trains on X and -X together.</summary>
    [JsonIgnore]
    public bool TrainedOnInverted => Train == TrainingSet.XAndNegated;

    /// <summary>Bias, features and training set by name, as the report's violations list them.</summary>
    public override string ToString() => $"{Bias.Name()}/{Features.Name()}/{Train.Name()}";
}
