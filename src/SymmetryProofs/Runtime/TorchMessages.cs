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

    /// <summary>
    /// Whether libtorch refused to mix float32 and float64 tensors in one operation ("expected m1 and m2
    /// to have the same dtype, but got: float != double", "expected scalar type Double but found Float"):
    /// what a model that casts to float32 inside forward (<c>x.float()</c>) meets when run in float64.
    /// </summary>
    public static bool MixesFloat32AndFloat64(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var reason = Reason(message);
        return (reason.Contains("float != double", StringComparison.Ordinal) || reason.Contains("double != float", StringComparison.Ordinal)
            || (reason.Contains("Float", StringComparison.Ordinal) && reason.Contains("Double", StringComparison.Ordinal)))
            && reason.Contains("type", StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"^[A-Za-z_][\w.]*(Error|Exception): ")]
    private static partial Regex Raised();
}
