using SymmetryProofs.Checking;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Runtime;

namespace SymmetryProofs.Experiments.Checking;

/// <summary>
/// `check` (a model's verdict, or the planted-bug benchmark) as a one-unit run of the <see cref="Runner"/>:
/// --out locked and command.txt and run.json written before any model is loaded; the verdict is its
/// one check (0 the symmetry holds, 1 a violation was found). The checker itself is the core's
/// <see cref="CheckRunner"/>; this class only places it in the run.
/// </summary>
public sealed class CheckExperiment(TextWriter output) : ISingleRunExperiment<CheckRequest>
{
    public string Name => "check";

    /// <summary>
    /// Refuses before the folder what the checker would otherwise ignore (--shape with --example: an example has its own
    /// shape); the checker validates the rest of the request as it resolves it.
    /// </summary>
    public void Validate(CheckRequest settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Example is not null && settings.Shape is not null)
            throw new InputException($"--shape {settings.Shape}: applies to --model only; --example {settings.Example} has its own input shape (see check --list).");
    }

    public IReadOnlyList<Check> Run(CheckRequest settings, OutputFolder folder, IRunLog log)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(folder);
        // libtorch aborts the process on some files (TorchScript code that does not compile): a child loads the file first,
        // while this process initialises libtorch and resolves the options; the file is loaded here once the child has.
        using var probe = ModelLoadProbe.Available && !settings.Benchmark && settings.ModelPath is not null && File.Exists(settings.ModelPath) ? ModelLoadProbe.Start(settings) : null;
        TorchSetup.Initialise();
        if (settings.Benchmark)
        {
            CheckRunner.Benchmark(folder.Path, output);
            return [];
        }
        var report = CheckRunner.Check(settings, probe is null ? null : probe.Wait);
        CheckRunner.Write(report, folder.Path, output);
        return [new Check("the declared symmetry", report.Passed, report.Summary)];
    }
}
