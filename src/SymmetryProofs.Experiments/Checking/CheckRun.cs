using SymmetryProofs.Checking;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Runtime;

namespace SymmetryProofs.Experiments.Checking;

/// <summary>
/// `check`'s entry: --list and --export write nothing into --out and run at once; a check or the
/// benchmark runs through the one <see cref="Runner"/> as <see cref="CheckExperiment"/> (lock,
/// command.txt, run.json, progress, exit code of the verdict). Bad input, a model that raises and
/// unwritable paths are exceptions that <see cref="Guard"/> turns into one line and exit code 2.
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
        if (request.ProbeLoad)
        {
            TorchSetup.Initialise();
            CheckRunner.LoadOnce(request);
            return ExitCodes.Ok;
        }
        if (request.Export is not null)
        {
            if (!string.IsNullOrWhiteSpace(request.Export) && !Directory.Exists(request.Export)) ProbeWritable(request.Export);
            TorchSetup.Initialise();
            CheckRunner.Export(request, output);
            return ExitCodes.Ok;
        }
        return Runner.Run(new CheckExperiment(output), request, Runner.SingleRunOptions(request.Out, commandLine), log);
    }

    /// <summary>Refuses an --export path that cannot be created or written, in .NET's words (libtorch's own would name its source file); leaves no file behind.</summary>
    private static void ProbeWritable(string path)
    {
        bool existed = File.Exists(path);
        try
        {
            using (new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write)) { }
            if (!existed) File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new InputException($"--export {path}: cannot write this file ({e.Message.TrimEnd('.')}).");
        }
    }
}
