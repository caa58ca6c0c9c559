using FsCheck;
using FsCheck.Fluent;
using SymmetryProofs.Kernels;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Kernels;

/// <summary>
/// The spectral learning-curve theory (Bordelon, Canatar and Pehlevan 2020; Simon et al.): the
/// solver for kappa and the formula's exact limits, on small generated spectra.
/// </summary>
public class LearningCurveTheoryProperties(ITestOutputHelper output)
{
    /// <summary>Unit roundoff of float64 (2^-52).</summary>
    internal const double Eps = 2.220446049250313e-16;
    internal const double NoiseVariance = 0.01;

    /// <summary>kappa by brute force: bisection in log kappa over [1e-300, 1e300] (200 halvings reach the
    /// last bit) of sum over every mode of l/(l + kappa) (+ ridge/kappa) = n.</summary>
    internal static double BruteKappa(double[] modes, double n, double ridge, bool ridgeTerm)
    {
        double a = Math.Log(1e-300), b = Math.Log(1e300);
        for (int i = 0; i < 200; i++)
        {
            double u = 0.5 * (a + b), k = Math.Exp(u);
            double f = modes.Sum(l => l / (l + k)) + (ridgeTerm ? ridge / k : 0) - n;
            if (f > 0) a = u; else b = u;
        }
        return Math.Exp(0.5 * (a + b));
    }

    /// <summary>
    /// Relative tolerance on kappa: F(log kappa) = sum L + ridge/kappa - n is computed with rounding error
    /// about eps (n + M) per solver, and |dF/d log kappa| = sum L (1 - L) + ridge/kappa converts it into
    /// an error in log kappa; 32 covers both solvers, plus 8 eps for exp/log.
    /// </summary>
    internal static double KappaTolerance(SpectrumCase c, double kappa)
    {
        double slope = c.Modes().Sum(l => l * kappa / ((l + kappa) * (l + kappa))) + c.Ridge / kappa;
        return 32 * Eps * (c.N + c.ModeCount) / slope + 8 * Eps;
    }

    private static Property KappaAgrees(Coverage coverage, SpectrumCase c, bool ridgeTerm)
    {
        double kappa = LearningCurveTheory.SolveKappa(c.ToSpectrum(), c.N, c.Ridge);
        double brute = BruteKappa(c.Modes(), c.N, c.Ridge, ridgeTerm);
        double tol = KappaTolerance(c, kappa);
        var learn = c.Modes().Select(l => l / (l + kappa)).ToArray();
        return coverage.Case((Math.Abs(brute / kappa - 1) <= tol)
            .Label($"{c}: solver kappa = {kappa:R}, brute force {brute:R} (relative tolerance {tol:G3})"),
            ("fewer samples than modes", c.N < c.ModeCount), ("ridge term is most of n", c.Ridge / kappa > c.N / 2.0), ("some mode half-learned (0.1 < L < 0.9)", learn.Any(l => l > 0.1 && l < 0.9)));
    }

    /// <summary>kappa solves n = sum_i lambda_i/(lambda_i + kappa) + ridge/kappa: the solver (per level, Newton
    /// in log kappa) agrees with brute-force bisection over every mode.</summary>
    [Fact]
    public void Kappa_solver_agrees_with_brute_force()
    {
        var coverage = new Coverage(output)
            .AtLeast(0.3, "some mode half-learned (0.1 < L < 0.9)", "with every learnability near 0 or 1 the equation is nearly trivial")
            .AtLeast(0.02, "fewer samples than modes", "the under-sampled regime must be seen too");
        coverage.Check(Prop.ForAll(Arbs.SpectrumCases(), c => KappaAgrees(coverage, c, true)));
    }

    /// <summary>Negative control: without the ridge term (the premise that the penalty enters the equation)
    /// the brute-force root differs, and FsCheck shrinks to one level.</summary>
    [Fact]
    public void Kappa_without_the_ridge_term_disagrees()
    {
        var found = NegativeControl.Require(Prop.ForAll(Arbs.SpectrumCases(), c => KappaAgrees(new Coverage(output), c, false)), output);
        Assert.Single(found.ShrunkAs<SpectrumCase>().EigenQuarters);
    }

    /// <summary>
    /// ridge -&gt; infinity: kappa -&gt; infinity, every L_i -&gt; 0, E0 -&gt; 1, so the test MSE tends to
    /// sum v^2 + sigma^2 (the zero predictor's). At ridge = 1e10 (trace + n): kappa &gt;= ridge/n, so
    /// L_i &lt;= lambda_i n / ridge &lt;= 1e-10, the bias differs from sum v^2 by at most 2 max L sum v^2 and
    /// E0 - 1 &lt;= M max L^2 / (n - M max L^2); relative 1e-8 leaves a margin of 50 over both and rounding.
    /// </summary>
    private static Property LargeRidgeLimit(Coverage coverage, SpectrumCase c, bool large)
    {
        var spectrum = c.ToSpectrum();
        double ridge = large ? 1e10 * (spectrum.Trace + c.N) : c.Ridge;
        var p = LearningCurveTheory.Predict(spectrum, c.N, ridge, NoiseVariance);
        double limit = spectrum.TargetPower + NoiseVariance;
        return coverage.Case((Math.Abs(p.TestMse / limit - 1) <= 1e-8 && Math.Abs(p.ExcessRisk - spectrum.TargetPower) <= 1e-8 * limit)
            .Label($"{c}, ridge {ridge:G3}: test MSE {p.TestMse:R} but sum v^2 + sigma^2 = {limit:R}; excess {p.ExcessRisk:R}"),
            ("target has mass", spectrum.TargetPower > 0), ("more samples than modes", c.N > c.ModeCount));
    }

    [Fact]
    public void Infinite_ridge_predicts_the_zero_predictor_risk()
    {
        var coverage = new Coverage(output)
            .AtLeast(0.9, "target has mass", "a zero target makes both sides 0");
        coverage.Check(Prop.ForAll(Arbs.SpectrumCases(), c => LargeRidgeLimit(coverage, c, true)));
    }

    /// <summary>Negative control: at the generated (finite) ridge the prediction is not the zero predictor's risk.</summary>
    [Fact]
    public void Finite_ridge_does_not_predict_the_zero_predictor_risk()
    {
        var found = NegativeControl.Require(Prop.ForAll(Arbs.SpectrumCases(), c => LargeRidgeLimit(new Coverage(output), c, false)), output);
        Assert.Single(found.ShrunkAs<SpectrumCase>().EigenQuarters);
    }

    /// <summary>
    /// n -&gt; infinity at a fixed ridge delta: kappa = delta/(n - sum L) &lt;= delta/(n - M) for n &gt; M modes,
    /// so 1 - L_i = kappa/(lambda_i + kappa) &lt;= delta/((n - M) lambda_i) -&gt; 0: every mode is learned,
    /// at rate 1/n. Checked at n = M + 10^4 N, to the solver's tolerance on kappa.
    /// </summary>
    private static Property LearnabilitiesTendToOne(Coverage coverage, SpectrumCase c, bool fixedRidge)
    {
        double n = c.ModeCount + 1e4 * c.N;
        double ridge = fixedRidge ? c.Ridge : c.Ridge * n; // the experiment's lambda = n nu grows with n
        double kappa = LearningCurveTheory.SolveKappa(c.ToSpectrum(), n, ridge);
        double tol = KappaTolerance(c with { N = (int)Math.Min(n, int.MaxValue) }, kappa);
        var worst = c.Modes().Select(l => kappa / (l + kappa) * (n - c.ModeCount) * l / c.Ridge).Max();
        return coverage.Case((worst <= 1 + tol)
            .Label($"{c}, n = {n}, ridge {ridge:G3}: max_i (1 - L_i) (n - M) lambda_i / delta = {worst:R} > 1"),
            ("every mode nearly learned (bound < 1%)", c.Modes().Min() * (n - c.ModeCount) / c.Ridge > 100));
    }

    [Fact]
    public void Learnabilities_tend_to_one_as_n_grows_at_fixed_ridge()
    {
        var coverage = new Coverage(output)
            .AtLeast(0.3, "every mode nearly learned (bound < 1%)", "otherwise the limit is not approached at the n tested");
        coverage.Check(Prop.ForAll(Arbs.SpectrumCases(), c => LearnabilitiesTendToOne(coverage, c, true)));
    }

    /// <summary>Negative control: with the experiment's ridge lambda = n nu (not fixed), kappa -&gt; nu and the learnabilities stay below 1.</summary>
    [Fact]
    public void Learnabilities_stay_below_one_when_the_ridge_grows_with_n()
    {
        var found = NegativeControl.Require(Prop.ForAll(Arbs.SpectrumCases(), c => LearnabilitiesTendToOne(new Coverage(output), c, false)), output);
        Assert.Single(found.ShrunkAs<SpectrumCase>().EigenQuarters);
    }
}
