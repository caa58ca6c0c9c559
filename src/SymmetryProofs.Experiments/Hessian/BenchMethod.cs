using System.Text.Json.Serialization;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>How `hessian bench` computes and times the phases.</summary>
/// <param name="Repeats">Calls of the gradient and the HVP whose median is reported (after one warm-up call).</param>
/// <param name="Threads">Torch intra-op threads, LAPACK's included.</param>
/// <param name="ChunkElements">The R-operator Hessian's largest intermediate in doubles; null: <see cref="Objectives.MlpObjective"/>'s default.</param>
public sealed record BenchMethod(
    [property: JsonPropertyName("repeats")] int Repeats,
    [property: JsonPropertyName("threads")] int Threads,
    [property: JsonPropertyName("chunk_elements")] long? ChunkElements)
{
    /// <summary>Throws an <see cref="InputException"/> naming the first bad option.</summary>
    public void Validate()
    {
        if (Repeats < 1) throw new InputException($"--repeats: got {Repeats}; expected at least 1.");
        if (Threads < 1) throw new InputException($"--threads: got {Threads}; expected at least 1.");
        if (ChunkElements is < 1) throw new InputException($"--chunk-elements: got {ChunkElements}; expected at least 1.");
    }
}
