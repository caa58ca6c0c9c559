using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryProofs.Runtime;

/// <summary>
/// Tensors built from managed arrays, copied into libtorch's own (64-byte aligned) memory.
/// A tensor made directly from a managed array may keep that array's address, and BLAS kernels
/// choose their vector paths by alignment: the last bits of a loss then changed between two runs
/// of the same seed. Every tensor the library builds from managed data goes through here.
/// </summary>
public static class Tensors
{
    public static Tensor Float64(double[] values) => Aligned(torch.tensor(values, dtype: float64));

    public static Tensor Float64(ReadOnlySpan<double> values) => Float64(values.ToArray());

    /// <summary>A row-major array viewed with <paramref name="shape"/>, e.g. [n, M] for a data matrix.</summary>
    public static Tensor Float64(double[] values, long[] shape) => Aligned(torch.tensor(values, shape, dtype: float64));

    public static Tensor Int64(long[] values) => Aligned(torch.tensor(values, dtype: int64));

    private static Tensor Aligned(Tensor fromManaged)
    {
        var copy = fromManaged.clone();
        fromManaged.Dispose();
        return copy;
    }
}
