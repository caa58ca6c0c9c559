using SymmetryProofs.Data;

namespace SymmetryProofs.Experiments.Runs;

/// <summary>
/// The one place exceptions become exit codes: bad input (an <see cref="InputException"/>, a data
/// file that is missing or malformed, a path that cannot be read or written) is one line and
/// <see cref="ExitCodes.BadInput"/>; anything else is a bug, one line and <see cref="ExitCodes.InternalError"/>.
/// Never a stack trace, unless <see cref="DebugVariable"/> is set (then the exception propagates).
/// </summary>
public static class Guard
{
    /// <summary>Set this environment variable to let an internal error propagate with its stack trace.</summary>
    public const string DebugVariable = "SYMMETRYPROOFS_DEBUG";

    /// <summary>
    /// Set this environment variable to <see cref="InjectedFault"/> and every guarded command fails
    /// with a deliberate internal error before it starts: how the tests see each command's exit-3 path.
    /// </summary>
    public const string FaultVariable = "SYMMETRYPROOFS_INJECT_FAULT";

    /// <summary>The value of <see cref="FaultVariable"/> that injects the internal error.</summary>
    public const string InjectedFault = "internal-error";

    /// <summary>
    /// The value of <see cref="FaultVariable"/> that injects the internal error inside a run, once its
    /// --out folder is locked and command.txt written: how the tests see the runner's exit-3 path (the lock released, one line).
    /// </summary>
    public const string InjectedRunFault = "internal-error-in-run";

    /// <summary>Throws the deliberate internal error when <see cref="FaultVariable"/> is <paramref name="value"/>.</summary>
    public static void InjectFault(string value)
    {
        if (Environment.GetEnvironmentVariable(FaultVariable) == value) throw new InvalidOperationException($"fault injected by {FaultVariable}={value}");
    }

    /// <summary>Runs <paramref name="action"/> (which returns <see cref="ExitCodes.Ok"/> or <see cref="ExitCodes.CheckFailed"/>), writing any failure to <paramref name="error"/> as one line prefixed by <paramref name="command"/>.</summary>
    public static int Run(string command, Func<int> action, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            InjectFault(InjectedFault);
            return action();
        }
        catch (Exception e) when (IsBadInput(Unwrap(e)))
        {
            var message = OneLine(Unwrap(e).Message) + Hint(Unwrap(e));
            // Messages that already begin with the command's name are not prefixed twice.
            error.WriteLine(message.StartsWith(command + ":", StringComparison.Ordinal) ? message : $"{command}: {message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable(DebugVariable) is null)
        {
            var inner = Unwrap(e);
            error.WriteLine($"{command}: internal error ({inner.GetType().Name}: {OneLine(inner.Message)}). This is a bug; rerun with {DebugVariable}=1 for the stack trace and report it.");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>A message as one line: libtorch's reason without its traceback and native frames (<see cref="Runtime.TorchMessages"/>).</summary>
    public static string OneLine(string message)
    {
        var reason = Runtime.TorchMessages.Reason(message);
        int plea = reason.IndexOf(TorchPlea, StringComparison.Ordinal);
        return plea < 0 ? reason : (reason[..plea].TrimEnd() + reason[(plea + TorchPlea.Length)..]).Replace(" .", ".", StringComparison.Ordinal).Replace(" )", ")", StringComparison.Ordinal);
    }

    /// <summary>libtorch's request for feedback appended to some of its messages: no reason, so not shown.</summary>
    private const string TorchPlea = "(Could this error message be improved?  If so, please report an enhancement request to PyTorch.)";

    /// <summary>What to do about a full disk or a refused write (the path is in .NET's message): free space or fix the permission, and rerun to continue.</summary>
    private static string Hint(Exception e) => e switch
    {
        IOException when e.Message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase) || e.HResult == DiskFullHResult =>
            " The disk is full: free space, then rerun the same command (finished units are kept).",
        UnauthorizedAccessException => " Permission denied: make the path writable or choose another --out, then rerun the same command.",
        _ => "",
    };

    /// <summary>ERROR_DISK_FULL as an HRESULT, how Windows reports a full disk.</summary>
    private const int DiskFullHResult = unchecked((int)0x80070070);

    /// <summary>Whether <paramref name="e"/> is about the input (options, files, the folders written), not about this program.</summary>
    public static bool IsBadInput(Exception e) =>
        e is InputException or DataNotFoundException or OptdigitsFormatException or InvalidDataException or UnauthorizedAccessException or IOException;

    /// <summary>
    /// The exception a parallel sweep or a reflection call wrapped. Of several (units failing at once, --jobs), the first
    /// that is not about the input when there is one (a bug is never hidden behind bad input), else the first: a full
    /// disk under two jobs is still exit 2 naming the path.
    /// </summary>
    private static Exception Unwrap(Exception e) => e switch
    {
        AggregateException a when a.Flatten().InnerExceptions.Count == 1 => Unwrap(a.Flatten().InnerExceptions[0]),
        AggregateException a when a.Flatten().InnerExceptions.Count > 1 =>
            a.Flatten().InnerExceptions.Select(Unwrap).FirstOrDefault(x => !IsBadInput(x)) ?? Unwrap(a.Flatten().InnerExceptions[0]),
        System.Reflection.TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        _ => e,
    };
}
