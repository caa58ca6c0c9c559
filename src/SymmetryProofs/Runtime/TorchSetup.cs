using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryProofs.Runtime;

/// <summary>
/// One place that touches TorchSharp's process-wide state, so experiments and tests agree on it.
/// </summary>
public static class TorchSetup
{
    private static readonly object Gate = new();
    private static bool initialised;
    private static string heap = "";

    /// <summary>
    /// Float64 by default (claims are verified in double precision) and a fixed thread count:
    /// results of a seed must be bit-for-bit repeatable, and intra-op parallel reductions may
    /// change the order of summation between runs with different thread counts.
    /// </summary>
    public static void Initialise(int threads = 1)
    {
        lock (Gate)
        {
            if (initialised) return;
            heap = NativeHeap.Configure();
            torch.set_default_dtype(torch.float64);
            torch.set_num_threads(threads);
            initialised = true;
        }
    }

    /// <summary>Loads libtorch and computes d/da sum(a^2) at a = (1, 2, 3): a one-line health check.</summary>
    public static string Describe()
    {
        Initialise();
        using var scope = torch.NewDisposeScope();
        var a = torch.tensor(new double[] { 1, 2, 3 }, dtype: torch.float64, requires_grad: true);
        (a * a).sum().backward();
        var grad = a.grad!.data<double>().ToArray();
        return $"TorchSharp {typeof(torch).Assembly.GetName().Version}, libtorch loaded, threads={torch.get_num_threads()}, {heap}, " +
               $"d/da sum(a^2) at (1,2,3) = ({string.Join(", ", grad)})";
    }
}
