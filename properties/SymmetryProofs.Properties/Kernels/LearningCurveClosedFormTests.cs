using FsCheck;
using FsCheck.Fluent;
using SymmetryProofs.Kernels;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Kernels;

/// <summary>
/// <see cref="LearningCurveTheory.Predict"/> and <see cref="LearningCurveTheory.OptimalRidge"/> against independent
/// computations: a one-level spectrum, where kappa solves a quadratic; a pure power-law spectrum, where kappa(n) has a
/// closed asymptotic form; every generated spectrum, where the prediction is recomputed mode by mode at a brute-force
/// kappa; and a dense scan of the ridge.
/// </summary>
public class LearningCurveClosedFormTests(ITestOutputHelper output)
{
    private const double Eps = LearningCurveTheoryProperties.Eps;
    private const double NoiseVariance = LearningCurveTheoryProperties.NoiseVariance;

    /// <summary>
    /// One level: M modes of eigenvalue l, target power P. M l/(l + kappa) + delta/kappa = n is
    /// n kappa^2 + (n l - M l - delta) kappa - delta l = 0, whose positive root is kappa; then L = l/(l + kappa),
    /// E0 = n/(n - M L^2), bias P (1 - L)^2, excess risk E0 (bias + sigma^2) - sigma^2.
    /// </summary>
    private static (double Kappa, double Risk) OneLevel(double l, double m, double p, double n, double delta)
    {
        double b = n * l - m * l - delta;
        // The root written without cancellation: for b > 0 the usual form subtracts nearly equal numbers.
        double disc = Math.Sqrt(b * b + 4 * n * delta * l);
        double kappa = b > 0 ? 2 * delta * l / (b + disc) : (-b + disc) / (2 * n);
        double learn = l / (l + kappa);
        double e0 = n / (n - m * learn * learn);
        return (kappa, e0 * (p * (1 - learn) * (1 - learn) + NoiseVariance) - NoiseVariance);
    }

    private static Property OneLevelAgrees(Coverage coverage, SpectrumCase c, bool ridgeInFormula)
    {
        double l = Math.Pow(10, -c.EigenQuarters[0] / 4.0), m = 10 * c.Multiplicities[0], p = c.PowerPercent[0] / 100.0;
        var spectrum = new KernelSpectrum("one level", [new SpectrumLevel(l, m, p)]);
        var predicted = LearningCurveTheory.Predict(spectrum, c.N, c.Ridge, NoiseVariance);
        var (kappa, risk) = OneLevel(l, m, p, c.N, ridgeInFormula ? c.Ridge : c.Ridge * 0.8);
        // kappa: the solver stops at |F| <= 8 eps n with |dF/dlog kappa| >= delta/kappa, so log kappa is off by at most
        // 8 eps n kappa/delta, plus the quadratic's few roundings. The risk is a rational function of kappa with
        // |d log risk / d log kappa| <= 4 + 2 M L^2 E0/n (each factor of (1 - L)^2 and E0), so its error follows.
        double tolKappa = 8 * Eps * c.N * kappa / c.Ridge + 16 * Eps;
        double learn = l / (l + kappa);
        double tolRisk = (4 + 2 * m * learn * learn * predicted.E0 / c.N) * tolKappa + 32 * Eps * (1 + NoiseVariance / Math.Max(risk, 1e-300));
        bool holds = Math.Abs(predicted.Kappa / kappa - 1) <= tolKappa && Math.Abs(predicted.ExcessRisk - risk) <= tolRisk * Math.Abs(risk);
        return coverage.Case((holds, $"{c}: kappa {predicted.Kappa:R} vs closed form {kappa:R} (tol {tolKappa:G2}); risk {predicted.ExcessRisk:R} vs {risk:R} (tol {tolRisk:G2})"),
            ("more modes than samples", m > c.N), ("ridge term is most of n", c.Ridge / kappa > c.N / 2.0), ("target has mass", p > 0));
    }

    /// <summary>One level: kappa and the excess risk equal the quadratic's closed form.</summary>
    [Fact]
    public void One_level_spectrum_matches_the_quadratic_closed_form()
    {
        var coverage = new Coverage(output)
            .AtLeast(0.1, "more modes than samples", "the over-parametrised root must be seen")
            .AtLeast(0.5, "target has mass", "a zero target leaves only the variance term");
        coverage.Check(Prop.ForAll(Arbs.SpectrumCases(), c => OneLevelAgrees(coverage, c, true)));
    }

    /// <summary>Negative control: the closed form with the ridge scaled by 0.8 (a wrong ridge convention) disagrees.</summary>
    [Fact]
    public void One_level_closed_form_with_a_wrong_ridge_disagrees()
    {
        var found = NegativeControl.Require(Arbs.SpectrumCases(), c => OneLevelAgrees(new Coverage(output), c, false), output);
        Assert.Single(found.ShrunkAs<SpectrumCase>().EigenQuarters);
    }

    /// <summary>
    /// The prediction recomputed mode by mode at the brute-force kappa (bisection over every mode,
    /// <see cref="LearningCurveTheoryProperties.BruteKappa"/>): learnabilities, E0, bias and risk. The brute kappa is
    /// good to its tolerance t (<see cref="LearningCurveTheoryProperties.KappaTolerance"/>), so the solver's risk must
    /// lie between the brute risks at kappa (1 - t) and kappa (1 + t), widened by 64 eps for the sums' rounding.
    /// </summary>
    private static Property PredictionAgrees(Coverage coverage, SpectrumCase c, double ridgeFactor)
    {
        var spectrum = c.ToSpectrum();
        var p = LearningCurveTheory.Predict(spectrum, c.N, c.Ridge, NoiseVariance);
        double kappa = LearningCurveTheoryProperties.BruteKappa(c.Modes(), c.N, c.Ridge * ridgeFactor, true);
        double tol = LearningCurveTheoryProperties.KappaTolerance(c, kappa);
        double Risk(double k)
        {
            double sumL2 = c.Modes().Sum(l => l / (l + k) * (l / (l + k)));
            double bias = c.EigenQuarters.Select((e, j) => { double l = Math.Pow(10, -e / 4.0), u = k / (l + k); return c.PowerPercent[j] / 100.0 * u * u; }).Sum();
            return c.N / (c.N - sumL2) * (bias + NoiseVariance) - NoiseVariance;
        }
        double a = Risk(kappa * (1 - tol)), b = Risk(kappa * (1 + tol));
        double lo = Math.Min(a, b), hi = Math.Max(a, b), slack = 64 * Eps * (hi + NoiseVariance);
        bool holds = p.ExcessRisk >= lo - slack && p.ExcessRisk <= hi + slack;
        return coverage.Case((holds, $"{c}: predicted risk {p.ExcessRisk:R}, brute force [{lo:R}, {hi:R}] (kappa {kappa:R})"),
            ("fewer samples than modes", c.N < c.ModeCount), ("variance inflated (E0 > 1.1)", p.E0 > 1.1));
    }

    [Fact]
    public void Predicted_risk_equals_the_mode_by_mode_formula_at_the_brute_force_kappa()
    {
        var coverage = new Coverage(output)
            .AtLeast(0.1, "variance inflated (E0 > 1.1)", "E0 must matter, not only the bias");
        coverage.Check(Prop.ForAll(Arbs.SpectrumCases(), c => PredictionAgrees(coverage, c, 1.0)));
    }

    /// <summary>Negative control: a brute force that reads the ridge as 0.8 delta gives a different risk, and FsCheck shrinks it.</summary>
    [Fact]
    public void Prediction_at_a_ridge_scaled_by_0_8_disagrees()
    {
        var found = NegativeControl.Require(Arbs.SpectrumCases(), c => PredictionAgrees(new Coverage(output), c, 0.8), output);
        Assert.True(found.ShrunkAs<SpectrumCase>().EigenQuarters.Length <= 2, found.ShrunkAs<SpectrumCase>().ToString());
    }

    /// <summary>
    /// A pure power law lambda_k = k^-alpha, k = 1..M, no ridge. With f(k) = 1/(1 + kappa k^alpha), Euler-Maclaurin gives
    /// sum_(k=1..M) f(k) = C kappa^(-1/alpha) - T - 1/2 + f(M)/2 + (B_4/4) kappa, C = (pi/alpha)/sin(pi/alpha), T =
    /// M^(1-alpha)/((alpha - 1) kappa) the integral beyond M; the B_4 term is -(1/720) f'''(0) with f'''(0) = -6 kappa for
    /// alpha = 3 and 0 for alpha = 4 (every odd derivative at 0 vanishes); the next terms are of order kappa^3 and
    /// 1/(kappa^2 M^(2 alpha - 1)), below 1e-20 here. So kappa is the fixed point of (C/(n + 1/2 + T - f(M)/2 - B_4 kappa/4))^alpha.
    /// Tolerance: the sums' rounding, 8 eps (n + M) in n, times |d log kappa / dn| = alpha/n, plus 1e-13 for the fixed point and exp/log.
    /// </summary>
    [Theory]
    [InlineData(3.0, 200, 200_000)]
    [InlineData(3.0, 1000, 400_000)]
    [InlineData(4.0, 500, 100_000)]
    public void Power_law_spectrum_has_the_asymptotic_kappa(double alpha, int n, int modes)
    {
        var spectrum = new KernelSpectrum("power law", Enumerable.Range(1, modes).Select(k => new SpectrumLevel(Math.Pow(k, -alpha), 1, 0)));
        double kappa = LearningCurveTheory.SolveKappa(spectrum, n, 0);
        double c = Math.PI / alpha / Math.Sin(Math.PI / alpha), closed = Math.Pow(c / (n + 0.5), alpha);
        double b4 = alpha == 3 ? -1.0 / 30 : 0;
        for (int i = 0; i < 50; i++)
            closed = Math.Pow(c / (n + 0.5 + Math.Pow(modes, 1 - alpha) / ((alpha - 1) * closed) - 0.5 / (1 + closed * Math.Pow(modes, alpha)) - b4 / 4 * closed), alpha);
        double tol = 8 * Eps * (n + modes) * alpha / n + 1e-13;
        output.WriteLine($"alpha {alpha}, n {n}: kappa {kappa:R}, closed form {closed:R}, relative difference {kappa / closed - 1:G3} (tolerance {tol:G3})");
        Assert.True(Math.Abs(kappa / closed - 1) <= tol, $"kappa {kappa:R} vs the asymptotic {closed:R}");
        // Negative control: without the Euler-Maclaurin half (the sum read as the integral) the closed form is off by about alpha/(2n).
        double integral = Math.Pow(c / n, alpha);
        Assert.True(Math.Abs(kappa / integral - 1) > 100 * tol, "the integral alone must be distinguishable at this tolerance");
    }

    /// <summary>
    /// The optimal ridge is at least as good as every point of a dense scan of nu (step 1/100 decade over the search
    /// range): the golden-section minimum may only beat the grid, up to 1e-12 relative (rounding of the risk).
    /// </summary>
    private static Property OptimumBeatsScan(Coverage coverage, SpectrumCase c, double shift)
    {
        var spectrum = c.ToSpectrum();
        double n = c.N + 8;
        var best = LearningCurveTheory.OptimalRidge(spectrum, n, NoiseVariance);
        double scan = Enumerable.Range(0, 1901).Min(j => LearningCurveTheory.Predict(spectrum, n, n * Math.Pow(10, -16 + j / 100.0), NoiseVariance).ExcessRisk);
        double risk = shift == 1 ? best.ExcessRisk : LearningCurveTheory.Predict(spectrum, n, n * best.Nu * shift, NoiseVariance).ExcessRisk;
        return coverage.Case((risk <= scan * (1 + 1e-12), $"{c}: optimum {risk:R} at nu {best.Nu:G4}, scan minimum {scan:R}"),
            ("interior optimum (1e-14 < nu < 1e2)", best.Nu > 1e-14 && best.Nu < 1e2));
    }

    [Fact]
    public void Optimal_ridge_is_at_least_as_good_as_a_dense_scan()
    {
        var coverage = new Coverage(output).AtLeast(0.5, "interior optimum (1e-14 < nu < 1e2)", "a boundary optimum tests only the range");
        coverage.Check(Prop.ForAll(Arbs.SpectrumCases(), c => OptimumBeatsScan(coverage, c, 1)), maxTest: 40);
    }

    /// <summary>
    /// A spectrum whose risk has two basins in nu (levels four decades apart): the best point of the coarse grid lies in
    /// the shallower basin, and refining around it alone missed the deeper one (0.86527 against a scan minimum of 0.86408).
    /// </summary>
    [Fact]
    public void Optimal_ridge_finds_the_deeper_of_two_basins()
    {
        var twoBasins = new SpectrumCase([2, 5, 15, 10], [5, 1, 5, 5], [40, 15, 25, 32], 3, 0);
        var verdict = OptimumBeatsScan(new Coverage(output), twoBasins, 1);
        verdict.QuickCheckThrowOnFailure();
    }

    /// <summary>Negative control: a ridge a factor 2 off the optimum is beaten by the scan.</summary>
    [Fact]
    public void A_ridge_off_the_optimum_is_beaten_by_the_scan()
    {
        NegativeControl.Require(Arbs.SpectrumCases(), c => OptimumBeatsScan(new Coverage(output), c, 2), output, maxTest: 40);
    }
}
