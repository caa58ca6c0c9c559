using MathNet.Numerics;

namespace SymmetryProofs.Kernels;

/// <summary>
/// The part of an untruncated torus spectrum beyond the radius r0, as densities in the frequency
/// radius r = |k|: the eigenvalue of every mode at radius r is w(r) = (1 + pi^2 r^2)^(-s), the
/// number of modes in [r, r + dr] is mu(r) dr and the target's mass there is
/// (tau^2(r)/2) nu(r) dr with tau^2(r) = (1 + pi^2 r^2)^(-e). mu and nu are sums of power laws
/// c r^p (see <see cref="TorusSpectra"/> for their derivation from lattice-point counts). Sums over
/// modes become integrals, taken by Simpson's rule in t = log(r/r0) on [0, 60] (3000 intervals):
/// every integrand is smooth in t and decays at least like r^(D - 2s) = r^(-1) for s = (D+1)/2,
/// so the neglected part beyond r0 e^60 is below e^-60 of the whole and the rule's error ~h^4 ~ 2e-7.
/// </summary>
public sealed class SpectrumTail
{
    private const int Intervals = 3000;
    private const double Span = 60.0;
    public double StartRadius { get; }
    public double Smoothness { get; }
    public double TargetExponent { get; }
    public IReadOnlyList<(double Coefficient, double Power)> ModeDensity { get; }
    public IReadOnlyList<(double Coefficient, double Power)> TargetModeDensity { get; }
    private readonly double[] _w, _modes, _target;

    public SpectrumTail(double startRadius, double smoothness, double targetExponent,
        IReadOnlyList<(double, double)> modeDensity, IReadOnlyList<(double, double)> targetModeDensity)
    {
        if (!(startRadius > 0)) throw new ArgumentException($"The tail must start at a positive radius; got {startRadius}.");
        StartRadius = startRadius;
        Smoothness = smoothness;
        TargetExponent = targetExponent;
        ModeDensity = modeDensity.ToArray();
        TargetModeDensity = targetModeDensity.ToArray();
        _w = new double[Intervals + 1];
        _modes = new double[Intervals + 1];
        _target = new double[Intervals + 1];
        double h = Span / Intervals;
        for (int j = 0; j <= Intervals; j++)
        {
            double r = startRadius * Math.Exp(j * h);
            double simpson = (j == 0 || j == Intervals ? 1.0 : j % 2 == 1 ? 4.0 : 2.0) * h / 3.0;
            double q = 1.0 + Math.PI * Math.PI * r * r;
            _w[j] = Math.Pow(q, -smoothness);
            // dr = r dt: the Jacobian of r = r0 e^t.
            _modes[j] = simpson * r * Density(ModeDensity, r);
            _target[j] = simpson * r * Density(TargetModeDensity, r) * 0.5 * Math.Pow(q, -targetExponent);
        }
    }

    private static double Density(IReadOnlyList<(double Coefficient, double Power)> terms, double r)
    {
        double sum = 0;
        foreach (var (c, p) in terms) sum += c * Math.Pow(r, p);
        return sum;
    }

    /// <summary>Adds the tail's share of every sum <see cref="SpectrumMoments"/> holds.</summary>
    internal void Accumulate(double kappa, ref SpectrumMoments m)
    {
        for (int j = 0; j <= Intervals; j++)
        {
            double w = _w[j], l = w / (w + kappa), u = kappa / (w + kappa);
            m.Learnable += _modes[j] * l;
            m.LearnableSquared += _modes[j] * l * l;
            m.Derivative += _modes[j] * l * u;
            m.Bias += _target[j] * u * u;
        }
    }

    /// <summary>Sum of the tail's eigenvalues (mode count weighted).</summary>
    public double Trace() => Enumerable.Range(0, Intervals + 1).Sum(j => _modes[j] * _w[j]);

    /// <summary>The target's expected mass in the tail.</summary>
    public double TargetPower() => _target.Sum();

    /// <summary>Area of the unit sphere S^(d-1) in R^d (2 for d = 1).</summary>
    public static double SphereArea(int d) => 2.0 * Math.Pow(Math.PI, d / 2.0) / SpecialFunctions.Gamma(d / 2.0);
}
