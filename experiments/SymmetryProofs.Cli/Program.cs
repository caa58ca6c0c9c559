using System.CommandLine;
using SymmetryProofs.Cli.Commands;
using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Cli;

/// <summary>
/// The console program: parses options and calls the experiment library. Exit codes: 0 = ran and
/// every check held; 1 = ran, wrote its reports, a check failed; 2 = bad input or usage (one line
/// naming the option or file and what was expected); 3 = an internal error (a bug: please report it).
/// </summary>
public static class Program
{
    /// <summary>The arguments of this invocation, recorded in each output folder for `merge`.</summary>
    public static IReadOnlyList<string> CommandLine { get; private set; } = [];

    public static int Main(string[] args)
    {
        CommandLine = args;
        var root = new RootCommand(
            "SymmetryProofs experiments: the paper's tables, Hessian spectra of augmented training, and sample-complexity curves. " +
            "Each command writes CSV, Markdown and PNG files to --out. Exit codes: 0 every check held, 1 a check failed, 2 bad input.");
        root.Subcommands.Add(InfoCommand.Create());
        root.Subcommands.Add(TablesCommand.Create());
        root.Subcommands.Add(FetchDataCommand.Create());
        root.Subcommands.Add(HessianCommand.Create());
        root.Subcommands.Add(SampleComplexityCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(RepresentationsCommand.Create());
        root.Subcommands.Add(ReadmeCommand.Create());
        root.Subcommands.Add(MergeCommand.Create(Main));
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) Console.Error.WriteLine($"usage: {e.Message}");
            Console.Error.WriteLine("(--help lists the commands and options)");
            return ExitCodes.BadInput;
        }
        return parse.Invoke();
    }

    /// <summary>Runs a command's action, turning bad input into one line and exit code 2, never a stack trace.</summary>
    public static int Guarded(string command, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is InputException or DataNotFoundException or OptdigitsFormatException or InvalidDataException or UnauthorizedAccessException or IOException)
        {
            Console.Error.WriteLine($"{command}: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("SYMMETRYPROOFS_DEBUG") is null)
        {
            Console.Error.WriteLine($"{command}: internal error ({e.GetType().Name}: {e.Message}). This is a bug; rerun with SYMMETRYPROOFS_DEBUG=1 for the stack trace and report it.");
            return 3;
        }
    }
}
