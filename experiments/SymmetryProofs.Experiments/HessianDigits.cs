using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Data;

namespace SymmetryProofs.Experiments;

/// <summary>
/// A minimal reader of UCI optdigits for the translations setting (65 comma-separated integers per
/// line: 64 pixels 0..16, then the label; x = v/8 - 1). The project's own loader lives in Data/ on
/// another branch; this one exists so the Hessian experiment does not depend on it.
/// </summary>
internal static class HessianDigits
{
    public static string ResolveDirectory(string? requested)
    {
        if (requested is not null) return requested;
        if (Directory.Exists("data/optdigits")) return "data/optdigits";
        foreach (var candidate in new[] { "../shared/data/optdigits", "../../shared/data/optdigits" })
            if (Directory.Exists(candidate)) return candidate;
        return "data/optdigits";
    }

    /// <summary>The first <paramref name="count"/> samples of optdigits.tes (the 1797 digits of scikit-learn).</summary>
    public static LabelledSet Load(string directory, int count)
    {
        var path = Path.Combine(directory, "optdigits.tes");
        if (!File.Exists(path))
            throw new FileNotFoundException($"optdigits test file not found at {path}; pass --data DIR (the directory holding optdigits.tes).", path);
        var rows = new List<double[]>();
        var labels = new List<int>();
        int lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var parts = line.Split(',');
            if (parts.Length != 65) throw new FormatException($"{path}:{lineNo}: expected 65 comma-separated integers (64 pixels and a label); got {parts.Length} fields.");
            var x = new double[64];
            for (int j = 0; j < 65; j++)
            {
                if (!int.TryParse(parts[j].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v))
                    throw new FormatException($"{path}:{lineNo}: field {j + 1} is '{parts[j]}'; expected an integer.");
                if (j < 64)
                {
                    if (v < 0 || v > 16) throw new FormatException($"{path}:{lineNo}: pixel {j + 1} is {v}; expected 0..16.");
                    x[j] = v / 8.0 - 1;
                }
                else
                {
                    if (v < 0 || v > 9) throw new FormatException($"{path}:{lineNo}: label is {v}; expected 0..9.");
                    labels.Add(v);
                }
            }
            rows.Add(x);
            if (rows.Count == count) break;
        }
        if (rows.Count < count) throw new FormatException($"{path}: asked for {count} samples but the file has {rows.Count}.");
        return new LabelledSet(Matrix<double>.Build.DenseOfRowArrays(rows), labels, 10);
    }
}
