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
    private static int threadCount;
    [ThreadStatic] private static bool threadPinned;

    /// <summary>
    /// Float64 by default (claims are verified in double precision) and a fixed thread count:
    /// results of a seed must be bit-for-bit repeatable, and intra-op parallel reductions may
    /// change the order of summation between runs with different thread counts. The first call
    /// fixes the count for the process; every thread that calls this adopts it. libtorch keeps the
    /// count per thread (OpenMP's and MKL's thread-local settings): a worker thread that never set it
    /// runs MKL's BLAS with the machine's default, and only a large element-wise operation makes
    /// libtorch set it lazily, so small problems on a fresh worker thread (--jobs, shards) summed in a
    /// different order than on the thread that initialised. Call this on every thread before its
    /// first libtorch operation.
    /// </summary>
    public static void Initialise(int threads = 1)
    {
        lock (Gate)
        {
            if (!initialised)
            {
                heap = NativeHeap.Configure();
                torch.set_default_dtype(torch.float64);
                torch.set_num_threads(threads);
                threadCount = threads;
                threadPinned = true;
                initialised = true;
            }
        }
        if (!threadPinned)
        {
            torch.set_num_threads(threadCount);
            threadPinned = true;
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
