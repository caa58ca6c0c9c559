using System.Globalization;
using SymmetryProofs.Runtime;
using static TorchSharp.torch;

namespace SymmetryProofs.Checking.Examples;

/// <summary>
/// Seeded weights for the example models, every value a float32 number: the float32 model and its
/// float64 twin then hold the same real weights, so the twin differs only by rounding in evaluation.
/// </summary>
internal sealed class ExampleWeights(int seed)
{
    private readonly Random rng = new(seed);

    /// <summary>Gaussian values of standard deviation <paramref name="scale"/>, rounded to float32.</summary>
    public double[] Values(int count, double scale) =>
        ErrorAscent.Gaussian(count, rng).Select(v => (double)(float)(scale * v)).ToArray();

    /// <summary>A float64 tensor of the given shape (detached from any dispose scope: the model keeps it).</summary>
    public Tensor Tensor(double scale, params long[] shape) =>
        Tensors.Float64(Values((int)shape.Aggregate(1L, (a, b) => a * b), scale), shape).DetachFromDisposeScope();

    /// <summary>A tensor as TorchScript source: nested lists of exact decimals, in the input's dtype.</summary>
    public static string Literal(Tensor t)
    {
        var values = t.contiguous().data<double>().ToArray();
        string Nest(int dim, int offset, int stride)
        {
            if (dim == t.shape.Length) return Number(values[offset]);
            int inner = stride / (int)t.shape[dim];
            return "[" + string.Join(", ", Enumerable.Range(0, (int)t.shape[dim]).Select(i => Nest(dim + 1, offset + i * inner, inner))) + "]";
        }
        return $"torch.tensor({Nest(0, 0, values.Length)}, dtype=x.dtype)";
    }

    private static string Number(double v)
    {
        var s = v.ToString("R", CultureInfo.InvariantCulture);
        return s.Contains('.') || s.Contains('E') ? s : s + ".0";
    }
}
