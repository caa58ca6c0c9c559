using MathNet.Numerics;

namespace SymmetryProofs.Kernels;

/// <summary>One power-law piece c r^p of a mode density, counted from radius Start on.</summary>
public readonly record struct DensityTerm(double Coefficient, double Power, double Start);

/// <summary>
/// The part of an untruncated torus spectrum beyond the exact shells, as densities in the frequency
/// radius r = |k|: every mode at radius r has eigenvalue w(r) = (1 + pi^2 r^2)^(-s), the number of
/// modes in [r, r + dr] is mu(r) dr and the target's mass there is (tau^2(r)/2) nu(r) dr with
/// tau^2(r) = (1 + pi^2 r^2)^(-e). mu and nu are sums of power laws, each from its own start (the
/// midpoint between the last exact lattice shell of that piece and the next; see
/// <see cref="TorusSpectra"/>). Sums over modes become integrals, taken by Simpson's rule in
/// t = log(r/start) on [0, 60] (1200 intervals, h = 0.05): every integrand is smooth in t and decays at
/// least like r^(D - 2s) = r^(-1) for s = (D+1)/2, so the part beyond start e^60 is below e^-60 of
/// the whole, and the rule's error is of order h^4 ~ 1e-5 relative.
/// </summary>
public sealed class SpectrumTail
{
    private const int Intervals = 1200;
    private const double Span = 60.0;
    public double Smoothness { get; }
    public double TargetExponent { get; }
    public IReadOnlyList<DensityTerm> ModeDensity { get; }
    public IReadOnlyList<DensityTerm> TargetModeDensity { get; }
    private readonly List<(double[] W, double[] Modes, double[] Target)> _grids = new();

    public SpectrumTail(double smoothness, double targetExponent, IReadOnlyList<DensityTerm> modeDensity, IReadOnlyList<DensityTerm> targetModeDensity)
    {
        if (modeDensity.Concat(targetModeDensity).Any(t => !(t.Start > 0))) throw new ArgumentException("Every tail piece must start at a positive radius.");
        Smoothness = smoothness;
        TargetExponent = targetExponent;
        ModeDensity = modeDensity.ToArray();
        TargetModeDensity = targetModeDensity.ToArray();
        double h = Span / Intervals;
        foreach (double start in ModeDensity.Concat(TargetModeDensity).Select(t => t.Start).Distinct())
        {
            var w = new double[Intervals + 1];
            var modes = new double[Intervals + 1];
            var target = new double[Intervals + 1];
            for (int j = 0; j <= Intervals; j++)
            {
                double r = start * Math.Exp(j * h);
                double simpson = (j == 0 || j == Intervals ? 1.0 : j % 2 == 1 ? 4.0 : 2.0) * h / 3.0;
                double q = 1.0 + Math.PI * Math.PI * r * r;
                w[j] = Math.Pow(q, -smoothness);
                // dr = r dt: the Jacobian of r = start e^t.
                modes[j] = simpson * r * Density(ModeDensity, start, r);
                target[j] = simpson * r * Density(TargetModeDensity, start, r) * 0.5 * Math.Pow(q, -targetExponent);
            }
            _grids.Add((w, modes, target));
        }
    }

    private static double Density(IEnumerable<DensityTerm> terms, double start, double r) =>
        terms.Where(t => t.Start == start).Sum(t => t.Coefficient * Math.Pow(r, t.Power));

    /// <summary>Adds the tail's share of every sum <see cref="SpectrumMoments"/> holds.</summary>
    internal void Accumulate(double kappa, ref SpectrumMoments m)
    {
        foreach (var (w, modes, target) in _grids)
            for (int j = 0; j <= Intervals; j++)
            {
                double l = w[j] / (w[j] + kappa), u = kappa / (w[j] + kappa);
                m.Learnable += modes[j] * l;
                m.LearnableSquared += modes[j] * l * l;
                m.Derivative += modes[j] * l * u;
                m.Bias += target[j] * u * u;
            }
    }

    /// <summary>Sum of the tail's eigenvalues.</summary>
    public double Trace() => _grids.Sum(g => g.Modes.Zip(g.W, (a, b) => a * b).Sum());

    /// <summary>The target's expected mass in the tail.</summary>
    public double TargetPower() => _grids.Sum(g => g.Target.Sum());

    /// <summary>Area of the unit sphere S^(d-1) in R^d (2 for d = 1).</summary>
    public static double SphereArea(int d) => 2.0 * Math.Pow(Math.PI, d / 2.0) / SpecialFunctions.Gamma(d / 2.0);
}
