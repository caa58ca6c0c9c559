namespace SymmetryProofs.Experiments.Runs;

/// <summary>
/// The exit codes of every command: what a script or a batch scheduler can rely on. A run returns
/// <see cref="Ok"/> or <see cref="CheckFailed"/>; <see cref="Guard"/> turns every exception into
/// <see cref="BadInput"/> or <see cref="InternalError"/>.
/// </summary>
public static class ExitCodes
{
    /// <summary>The command ran and every check it reports held.</summary>
    public const int Ok = 0;

    /// <summary>The command ran and wrote its reports, and at least one check failed.</summary>
    public const int CheckFailed = 1;

    /// <summary>Bad input or usage: nothing was computed (or the run stopped before its reports).</summary>
    public const int BadInput = 2;

    /// <summary>An internal error: a bug, reported in one line.</summary>
    public const int InternalError = 3;
}
