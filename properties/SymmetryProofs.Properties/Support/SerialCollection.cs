namespace SymmetryProofs.Properties.Support;

/// <summary>
/// Tests that must not run beside others: xunit runs this collection alone, after the parallel ones.
/// The bench's tests force full garbage collections (to reset the peak memory per net), which run
/// finalizers while other tests' TorchSharp calls may still need a temporary Scalar (the libtorch
/// "Unknown scalar type" / toDouble failure seen before in parallel runs).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "serial: forces garbage collections";
}
