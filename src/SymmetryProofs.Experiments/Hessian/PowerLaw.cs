using MathNet.Numerics;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// A least-squares line through (log x, log y): y ~ Prefactor * x^Exponent, fitted over
/// <see cref="Points"/> points. With two points the exponent is the two-point slope (nothing tests
/// the power-law shape); with three or more, <see cref="MaxFoldError"/> says how far the worst point
/// lies from the line (1 = on it; 2 = off by a factor of two).
/// </summary>
internal sealed record PowerLaw(double Exponent, double Prefactor, int Points, double MaxFoldError)
{
    /// <summary>Fits the line; null with fewer than two distinct positive x (no slope) or any non-positive or non-finite value.</summary>
    public static PowerLaw? Fit(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count) throw new ArgumentException($"Expected as many x as y; got {x.Count} and {y.Count}.");
        if (x.Concat(y).Any(v => !double.IsFinite(v) || v <= 0)) return null;
        if (x.Distinct().Count() < 2) return null;
        var lx = x.Select(v => Math.Log(v)).ToArray();
        var ly = y.Select(v => Math.Log(v)).ToArray();
        var (a, b) = MathNet.Numerics.Fit.Line(lx, ly);
        double worst = lx.Zip(ly, (u, v) => Math.Abs(v - (a + b * u))).Max();
        return new PowerLaw(b, Math.Exp(a), x.Count, Math.Exp(worst));
    }

    public bool IsTwoPoint => Points == 2;

    /// <summary>The fitted y at <paramref name="x"/>.</summary>
    public double At(double x) => Prefactor * Math.Pow(x, Exponent);

    /// <summary>The x where the fitted y reaches <paramref name="y"/>; null for a flat or falling fit (no such bound).</summary>
    public double? Where(double y) => Exponent > 0 ? Math.Pow(y / Prefactor, 1 / Exponent) : null;

    /// <summary>"2.87 (3 points, worst point off the line by x1.12)" or "2.87 (two-point slope)".</summary>
    public string Describe() => IsTwoPoint
        ? $"{Exponent:F2} (two-point slope)"
        : $"{Exponent:F2} ({Points} points, worst point off the line by x{MaxFoldError:F2})";
}
