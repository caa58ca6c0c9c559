using System.Globalization;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace SymmetryProofs.Experiments.Runs;

/// <summary>
/// The one summary of a quantity over seeds, shared by every experiment: the mean, the sample
/// standard deviation (n - 1) and a two-sided 95% Student-t interval for the mean, all from
/// MathNet.Numerics.Statistics. One rule for a single seed: the mean is that seed's value, the
/// standard deviation and the interval are undefined (NaN, never 0: one seed says nothing about the
/// spread), and <see cref="Format"/> prints "(1 seed)" in their place. No seeds: everything NaN, "n/a".
/// </summary>
public readonly record struct SeedStatistics(double Mean, double Sd, int Count)
{
    /// <summary>Mean and standard deviation of <paramref name="values"/> (one value per seed).</summary>
    public static SeedStatistics Of(IEnumerable<double> values)
    {
        var v = values.ToArray();
        return v.Length switch
        {
            0 => new SeedStatistics(double.NaN, double.NaN, 0),
            1 => new SeedStatistics(v[0], double.NaN, 1),
            _ => new SeedStatistics(ArrayStatistics.Mean(v), ArrayStatistics.StandardDeviation(v), v.Length),
        };
    }

    /// <summary>Half-width of the two-sided 95% Student-t interval, t_{0.975, n-1} sd / sqrt(n); NaN below two seeds.</summary>
    public double HalfWidth95 => Count < 2 ? double.NaN : StudentT.InvCDF(0, 1, Count - 1, 0.975) * Sd / Math.Sqrt(Count);

    /// <summary>Lower end of the 95% interval for the mean (NaN below two seeds).</summary>
    public double Low95 => Mean - HalfWidth95;

    /// <summary>Upper end of the 95% interval for the mean (NaN below two seeds).</summary>
    public double High95 => Mean + HalfWidth95;

    /// <summary>"mean ± sd", "mean (1 seed)" or "n/a"; <paramref name="sdSpec"/> defaults to <paramref name="spec"/>.</summary>
    public string Format(string spec = "F3", string? sdSpec = null) => Count == 0 ? "n/a"
        : Count == 1 ? Mean.ToString(spec, CultureInfo.InvariantCulture) + " (1 seed)"
        : $"{Mean.ToString(spec, CultureInfo.InvariantCulture)} ± {Sd.ToString(sdSpec ?? spec, CultureInfo.InvariantCulture)}";
}
