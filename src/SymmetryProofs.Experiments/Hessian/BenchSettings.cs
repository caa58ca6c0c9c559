using System.Text.Json.Serialization;

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
    /// <summary>The protocol this version times.</summary>
    public const int CurrentProtocol = 2;

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
    }
}
