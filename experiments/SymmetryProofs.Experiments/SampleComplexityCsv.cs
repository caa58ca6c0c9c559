using System.Globalization;

namespace SymmetryProofs.Experiments;

/// <summary>Reads back curves.csv (for --resume), naming the file, line and field on any malformed row.</summary>
public static class SampleComplexityCsv
{
    private const string Header = "group,D,estimator,seed,n,risk,nu,lambda,validation_mse";

    public static List<CurvePoint> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != Header)
            throw new FormatException($"{path}, line 1: expected the header '{Header}'.");
        var points = new List<CurvePoint>();
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            var f = lines[i].Split(',');
            if (f.Length != 9) throw new FormatException($"{path}, line {i + 1}: expected 9 comma-separated fields, got {f.Length}.");
            int Int(int j, string name) => int.TryParse(f[j], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v
                : throw new FormatException($"{path}, line {i + 1}: field '{name}' = '{f[j]}' is not an integer.");
            double Real(int j, string name) => double.TryParse(f[j], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v
                : throw new FormatException($"{path}, line {i + 1}: field '{name}' = '{f[j]}' is not a finite number.");
            if (f[2] != "plain" && f[2] != "invariant") throw new FormatException($"{path}, line {i + 1}: estimator '{f[2]}' is neither 'plain' nor 'invariant'.");
            points.Add(new CurvePoint(f[0], Int(1, "D"), f[2], Int(3, "seed"), Int(4, "n"), Real(5, "risk"), Real(6, "nu"), Real(8, "validation_mse")));
        }
        return points;
    }
}
