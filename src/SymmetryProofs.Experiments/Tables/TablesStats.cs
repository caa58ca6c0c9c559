using System.Globalization;

namespace SymmetryProofs.Experiments.Tables;

/// <summary>Mean and sample standard deviation over seeds, printed as people write them.</summary>
public readonly record struct TablesStats(double Mean, double Std, int Count)
{
    public static TablesStats Of(IEnumerable<double> values)
    {
        var v = values.ToArray();
        if (v.Length == 0) return new TablesStats(double.NaN, double.NaN, 0);
        double mean = v.Average();
        double std = v.Length > 1 ? Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1)) : double.NaN;
        return new TablesStats(mean, std, v.Length);
    }

    public string Format(string spec = "F3") => Count == 0 ? "n/a"
        : Count == 1 ? Mean.ToString(spec, CultureInfo.InvariantCulture) + " (1 seed)"
        : $"{Mean.ToString(spec, CultureInfo.InvariantCulture)} ± {Std.ToString(spec, CultureInfo.InvariantCulture)}";
}
