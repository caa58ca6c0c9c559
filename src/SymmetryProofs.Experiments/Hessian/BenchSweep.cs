using SymmetryProofs.Runtime;
using TorchSharp;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>`hessian bench --sweep`: the costs of several nets, run by the <see cref="Runs.Runner"/> as a <see cref="BenchSweepExperiment"/>.</summary>
public static class BenchSweep
{
    /// <summary>Runs the sweep into <paramref name="dir"/> (<paramref name="commandLine"/> goes to its command.txt); returns the exit code.</summary>
    public static int Run(BenchSettings settings, string dir, Runs.IRunLog log, IReadOnlyList<string>? commandLine = null) =>
        Runs.Runner.Run(new BenchSweepExperiment(), settings, new Runs.RunOptions(dir, 1, 1, Runs.Shard.Whole) { CommandLine = commandLine ?? [] }, log);

    /// <summary>Parameter count of a net given as "64-10-5-10".</summary>
    public static int Parameters(string net, bool withBiases)
    {
        var w = BenchSettings.Widths(net);
        return Enumerable.Range(0, w.Length - 1).Sum(l => w[l + 1] * (w[l] + (withBiases ? 1 : 0)));
    }
}

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
