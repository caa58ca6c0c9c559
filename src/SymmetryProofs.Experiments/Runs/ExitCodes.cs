namespace SymmetryProofs.Experiments.Runs;

/// <summary>The exit codes of every command: what a script or a batch scheduler can rely on.</summary>
public static class ExitCodes
{
    /// <summary>The command ran and every check it reports held.</summary>
    public const int Ok = 0;

    /// <summary>The command ran and wrote its reports, and at least one check failed.</summary>
    public const int CheckFailed = 1;

    /// <summary>Bad input or usage: nothing was computed (or the run stopped before its reports).</summary>
    public const int BadInput = 2;
}

/// <summary>Bad input or usage, stated in one line that names the option or file and what was expected (exit code 2).</summary>
public sealed class InputException(string message) : Exception(message);
