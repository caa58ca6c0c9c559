using SymmetryProofs.Checking;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Runtime;

namespace SymmetryProofs.Experiments.Checking;

/// <summary>
/// `check` as a run: --out validated, created and locked before any model is loaded, command.txt
/// beside check.md and check.json, and the exit code of the verdict (0 the symmetry holds, 1 a
/// violation was found). Bad input, a model that raises and unwritable paths are exceptions that
/// <see cref="Guard"/> turns into one line and exit code 2.
/// </summary>
public static class CheckRun
{
    /// <summary>Runs <paramref name="request"/>: --list, --export, --benchmark or a check; <paramref name="commandLine"/> goes to command.txt.</summary>
    public static int Run(CheckRequest request, IReadOnlyList<string> commandLine, TextWriter output, IRunLog log)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        if (request.List)
        {
            CheckRunner.List(output);
            return ExitCodes.Ok;
        }
        if (request.Export is not null)
        {
            TorchSetup.Initialise();
            CheckRunner.Export(request, output);
            return ExitCodes.Ok;
        }
        using var folder = OutputFolder.Open(request.Out, "check", commandLine, log);
        TorchSetup.Initialise();
        if (request.Benchmark)
        {
            CheckBenchmark.Run(folder.Path, output);
            return ExitCodes.Ok;
        }
        var report = CheckRunner.Check(request);
        CheckRunner.Write(report, folder.Path, output);
        return report.Passed ? ExitCodes.Ok : ExitCodes.CheckFailed;
    }
}
