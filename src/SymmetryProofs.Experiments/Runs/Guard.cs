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
            error.WriteLine($"{command}: {OneLine(Unwrap(e).Message)}");
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
    public static string OneLine(string message) => Runtime.TorchMessages.Reason(message);

    /// <summary>Whether <paramref name="e"/> is about the input (options, files, the folders written), not about this program.</summary>
    public static bool IsBadInput(Exception e) =>
        e is InputException or DataNotFoundException or OptdigitsFormatException or InvalidDataException or UnauthorizedAccessException or IOException;

    /// <summary>The exception a parallel sweep or a reflection call wrapped.</summary>
    private static Exception Unwrap(Exception e) => e switch
    {
        AggregateException a when a.Flatten().InnerExceptions.Count == 1 => Unwrap(a.Flatten().InnerExceptions[0]),
        System.Reflection.TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        _ => e,
    };
}
