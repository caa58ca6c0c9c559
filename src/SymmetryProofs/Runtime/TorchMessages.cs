using System.Text.RegularExpressions;

namespace SymmetryProofs.Runtime;

/// <summary>
/// The one line of a libtorch message that says what went wrong. libtorch's messages carry a
/// TorchScript traceback, "Exception raised from ..." and native <c>frame #N: c10::Error::Error(...)</c>
/// lines around the reason; users get the reason alone.
/// </summary>
public static partial class TorchMessages
{
    /// <summary>The last "SomeError: reason" (or "builtins.Exception: reason") line outside the native frames, else the first line; never empty.</summary>
    public static string Reason(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith("frame #", StringComparison.Ordinal) && !l.StartsWith("Exception raised from", StringComparison.Ordinal)).ToArray();
        return lines.LastOrDefault(l => Raised().IsMatch(l)) ?? lines.FirstOrDefault() ?? "(no message)";
    }

    [GeneratedRegex(@"^[A-Za-z_][\w.]*(Error|Exception): ")]
    private static partial Regex Raised();
}
