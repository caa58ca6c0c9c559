using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Cli;

/// <summary>The console's run log: lines to standard output, progress as a line per finished unit (readable in CI logs and batch-scheduler output files).</summary>
internal static class ConsoleRunLog
{
    public static IRunLog Create() => new TextRunLog(Console.Out);
}
