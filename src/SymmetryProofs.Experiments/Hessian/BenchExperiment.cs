namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// `hessian bench` (one net) as a one-unit <see cref="Runs.Runner"/> experiment: the settings are checked and torch's
/// thread count set before anything is created; the runner owns the lock on the folder, command.txt, run.json and the
/// exit code from the checks; <see cref="HessianBench.Measure"/> times the net and writes bench.md, bench.json and bench.png.
/// </summary>
internal sealed class BenchExperiment : Runs.ISingleRunExperiment<BenchSettings>
{
    /// <inheritdoc/>
    public string Name => "hessian bench";

    /// <inheritdoc/>
    public void Validate(BenchSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (settings.Nets.Count != 1) throw new InputException($"--nets: got {settings.Nets.Count} nets; the single bench takes one (use --sweep for several).");
        BenchSetup.Threads(settings.Method.Threads);
    }

    /// <inheritdoc/>
    public IReadOnlyList<Runs.Check> Run(BenchSettings settings, Runs.OutputFolder folder, Runs.IRunLog log)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return HessianBench.Measure(settings, folder.Path, log);
    }
}
