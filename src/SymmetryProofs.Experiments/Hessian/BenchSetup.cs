using SymmetryProofs.Runtime;
using TorchSharp;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>The process-wide settings of a bench run.</summary>
internal static class BenchSetup
{
    /// <summary>
    /// Initialises torch with <paramref name="threads"/> intra-op threads (LAPACK's too) and MathNet with
    /// one; a process whose torch already runs another count cannot give comparable timings: bad input.
    /// </summary>
    public static void Threads(int threads)
    {
        TorchSetup.Initialise(threads);
        if (torch.get_num_threads() != threads)
            throw new InputException($"--threads: got {threads}, but torch in this process already runs {torch.get_num_threads()} thread(s); run the bench in a fresh process.");
        // MathNet's managed provider splits large products over threads; one keeps the symmetrisation's cost comparable.
        MathNet.Numerics.Control.UseSingleThread();
    }
}
