using System.Text.Json.Serialization;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// The data `hessian bench` times on: <paramref name="Samples"/> synthetic samples of the digits' shape drawn from the
/// seed stream (<paramref name="Seed"/>, "hessian-bench").
/// </summary>
/// <param name="Samples">The number of samples.</param>
/// <param name="Seed">The seed of the data's stream: fixed, so every bench and every net of a sweep times the same data.</param>
public sealed record BenchData(
    [property: JsonPropertyName("samples")] int Samples,
    [property: JsonPropertyName("seed")] int Seed = BenchData.DataSeed)
{
    /// <summary>
    /// The default seed of the data's stream, kept at the value the committed bench reports were made with, so their
    /// settings and the sweeps' checkpoint fingerprints stay those they were made with.
    /// </summary>
    public const int DataSeed = 2019;

    /// <summary>The digits' sample count (train + test of optdigits' pre-split files, as in the paper).</summary>
    public const int DigitsSamples = 8985;

    /// <summary>Whether this is the paper's data size (the PyTorch reference was measured on it).</summary>
    [JsonIgnore]
    public bool IsDigitsSize => Samples == DigitsSamples;

    /// <summary>Throws an <see cref="InputException"/> naming --samples.</summary>
    public void Validate()
    {
        if (Samples < 1) throw new InputException($"--samples: got {Samples}; expected at least 1.");
    }
}
