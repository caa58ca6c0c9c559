using SymmetryProofs.Runtime;
using TorchSharp;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// `hessian bench --sweep`: the costs of the nets in <see cref="BenchSettings.Nets"/>, one net at a
/// time (smallest first, so the predictions that decide whether to run a phase rest on measured
/// nets), each checkpointed when finished; then the exponents, the practical size, and
/// bench.md, bench.json and bench.png.
/// </summary>
public static class BenchSweep
{
    public static int Run(BenchSettings settings, string dir, Runs.IRunLog log)
    {
        settings.Validate();
        BenchSetup.Threads(settings.Threads);
        using var folder = Runs.OutputFolder.Open(dir, "hessian bench --sweep", log);
        var checkpoint = Runs.Checkpoint<BenchRow>.Open(dir, Runs.Fingerprint.Of(settings), log);
        PeakMemory.Reset();
        double baseline = PeakMemory.ResidentMb() ?? 0;
        var order = settings.Nets.OrderBy(n => Parameters(n, settings.WithBiases)).ToList();
        Runs.Sweep.Run(order, n => n, net =>
        {
            var earlier = order.TakeWhile(o => o != net).Select(o => checkpoint.TryGet(o, out var r) ? r : null).OfType<BenchRow>().ToList();
            return BenchMeasure.Run(net, settings, earlier, log).Row;
        }, checkpoint, Runs.Shard.Whole, 1, log);
        var rows = order.Select(n => checkpoint.Units[n]).ToList();
        var analysis = BenchAnalysis.Of(rows, settings.BudgetSeconds, settings.BudgetMb);
        var checks = BenchReport.Checks(rows);
        BenchReport.WriteSweep(dir, settings, rows, analysis, checks, baseline);
        foreach (var c in checks) log.Line(c.ToString());
        log.Line(analysis.Practical.Statement());
        return Runs.Check.ExitCode(checks);
    }

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
