using System.CommandLine;
using System.Text.RegularExpressions;
using SymmetryProofs.Cli.Commands;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Experiments.SampleComplexity;

namespace SymmetryProofs.Cli;

/// <summary>
/// The console program: parses options and calls the experiment library. Exit codes (<see cref="ExitCodes"/>):
/// 0 = ran and every check held; 1 = ran, wrote its reports, a check failed; 2 = bad input or usage
/// (one line naming the option or file and what was expected); 3 = an internal error (a bug: please report it).
/// </summary>
internal static partial class Program
{
    /// <summary>The arguments of this invocation, recorded in each output folder's command.txt (what was run, for people).</summary>
    public static IReadOnlyList<string> CommandLine { get; private set; } = [];

    /// <summary>The experiments whose shards `merge` can join.</summary>
    public static IReadOnlyList<MergeableExperiment> Mergeable { get; } =
        [Runner.Mergeable(new SampleComplexityExperiment()), Experiments.Tables.TablesExperiment.Mergeable(), Experiments.LearningCurves.LearningCurvesExperiment.Mergeable(), Experiments.Hessian.HessianExperiment.Mergeable()];

    public static int Main(string[] args)
    {
        CommandLine = args;
        Experiments.Checking.ModelLoadProbe.EnableForThisProgram();
        var root = new RootCommand(
            "SymmetryProofs experiments: the paper's tables, Hessian spectra of augmented training, and sample-complexity curves. " +
            "Each command writes CSV, Markdown and PNG files to --out. Exit codes: 0 every check held, 1 a check failed, 2 bad input, 3 a bug.");
        root.Subcommands.Add(InfoCommand.Create());
        root.Subcommands.Add(TablesCommand.Create());
        root.Subcommands.Add(FetchDataCommand.Create());
        root.Subcommands.Add(HessianCommand.Create());
        root.Subcommands.Add(SampleComplexityCommand.Create());
        root.Subcommands.Add(LearningCurvesCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(RepresentationsCommand.Create());
        root.Subcommands.Add(ReadmeCommand.Create());
        root.Subcommands.Add(MergeCommand.Create());
        // Every command's action runs inside Guarded, so only the parser's own errors are handled here.
        var parse = root.Parse(args);
        if (parse.Errors.Count == 0) return parse.Invoke();
        Console.Error.WriteLine($"usage: {Usage(parse.Errors[0].Message)} (--help lists the commands and options)");
        return ExitCodes.BadInput;
    }

    /// <summary>Runs a command's action through the one <see cref="Guard"/>: bad input is one line and exit code 2, a bug one line and exit code 3.</summary>
    public static int Guarded(string command, Func<int> action) => Guard.Run(command, action, Console.Error);

    /// <summary>A parser's message in the user's words: "an integer", not a CLR type name.</summary>
    internal static string Usage(string message) =>
        TypeName().Replace(message, m => m.Groups[1].Value switch
        {
            var t when t.Contains("Int32", StringComparison.Ordinal) || t.Contains("Int64", StringComparison.Ordinal) => ": expected an integer",
            var t when t.Contains("Double", StringComparison.Ordinal) => ": expected a number",
            var t when t.Contains("Boolean", StringComparison.Ordinal) => ": expected true or false",
            _ => ": expected another kind of value",
        }).ReplaceLineEndings(" ").Trim();

    [GeneratedRegex(@"\s*as expected type '([^']+)'")]
    private static partial Regex TypeName();
}
