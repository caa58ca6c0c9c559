using static TorchSharp.torch;

namespace SymmetryProofs.Checking;

/// <summary>The one spelling of the floating dtypes `check` runs in (`--dtype`, check.md, check.json, the replay line).</summary>
public static class DtypeNames
{
    /// <summary>"float32" or "float64".</summary>
    public static string Name(ScalarType dtype) => dtype switch
    {
        ScalarType.Float32 => "float32",
        ScalarType.Float64 => "float64",
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "check runs in float32 or float64 only."),
    };

    /// <summary>The dtype a `--dtype` value names; bad input names the option and what was expected.</summary>
    public static ScalarType Parse(string name) => name switch
    {
        "float32" => ScalarType.Float32,
        "float64" => ScalarType.Float64,
        _ => throw new InputException($"--dtype {name}: expected float32 or float64."),
    };
}
