using System.Text.Json.Serialization;
using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// Everything that determines the numbers of `hessian bench` (and its --sweep): what nets, on what data, how the phases
/// are computed and timed, and the limits beyond which a phase is extrapolated. Its fingerprint decides which
/// checkpointed nets a resumed sweep reuses; <paramref name="Protocol"/> changes when the same settings would time
/// something else (2: the settings as these records).
/// </summary>
public sealed record BenchSettings(
    [property: JsonPropertyName("net")] BenchNets Nets,
    [property: JsonPropertyName("data")] BenchData Data,
    [property: JsonPropertyName("method")] BenchMethod Method,
    [property: JsonPropertyName("limits")] BenchLimits Limits,
    [property: JsonPropertyName("protocol")] int Protocol = BenchSettings.CurrentProtocol)
{
    /// <summary>The protocol this version times (3: medians of an even count are the mean of the two middle values, and the single bench's headline is the median of repeats).</summary>
    public const int CurrentProtocol = 3;

    /// <summary>Throws an <see cref="InputException"/> naming the first bad option.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Nets);
        ArgumentNullException.ThrowIfNull(Data);
        ArgumentNullException.ThrowIfNull(Method);
        ArgumentNullException.ThrowIfNull(Limits);
        Nets.Validate();
        Data.Validate();
        Method.Validate();
        Limits.Validate();
        foreach (var net in Nets.Names) CheckMemory(net, BenchNets.Parse(net));
    }

    /// <summary>
    /// Limits before work: the gradient and HVP timings hold a few parameter-sized vectors (weights, gradient,
    /// direction, product) and a few sample-by-width activation copies (forward, backward, R-operator); the
    /// full Hessian is extrapolated past --max-memory-mb, so it is not counted here.
    /// </summary>
    private void CheckMemory(string net, int[] widths)
    {
        long parameters = 0, units = 0;
        for (int i = 0; i + 1 < widths.Length; i++) parameters = MemoryBudget.Sum(parameters, MemoryBudget.Product(widths[i] + (Nets.WithBiases ? 1L : 0L), widths[i + 1]));
        foreach (var w in widths) units = MemoryBudget.Sum(units, w);
        MemoryBudget.Check($"--nets {net}", MemoryBudget.Sum(MemoryBudget.Product(4, parameters, MemoryBudget.Double), MemoryBudget.Product(4, Math.Max(Data.Samples, 1), units, MemoryBudget.Double)),
            $"{parameters} parameters and activations of {Data.Samples} samples");
    }
}
