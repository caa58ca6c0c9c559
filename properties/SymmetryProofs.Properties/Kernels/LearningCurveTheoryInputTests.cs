using SymmetryProofs.Kernels;

namespace SymmetryProofs.Properties.Kernels;

/// <summary>
/// <see cref="LearningCurveTheory"/> at the edges of its domain: the inputs it refuses, ridgeless regression just below and
/// at the mode count, the per-sample penalty, a ridge hint far from the optimum, and an optimum on the edge of the nu range.
/// </summary>
public class LearningCurveTheoryInputTests
{
    private const double NoiseVariance = LearningCurveTheoryProperties.NoiseVariance;

    private static readonly KernelSpectrum Three = new("three levels", [new SpectrumLevel(1, 2, 0.5), new SpectrumLevel(0.1, 3, 0.3), new SpectrumLevel(0.01, 5, 0.2)]);

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(-1.0, 1.0)]
    [InlineData(double.NaN, 1.0)]
    [InlineData(double.PositiveInfinity, 1.0)]
    [InlineData(5.0, -1e-300)]
    [InlineData(5.0, double.NaN)]
    [InlineData(5.0, double.PositiveInfinity)]
    public void Kappa_refuses_a_sample_count_or_ridge_outside_its_domain(double n, double ridge)
    {
        var refusal = Assert.Throws<ArgumentException>(() => LearningCurveTheory.SolveKappa(Three, n, ridge));
        // The message names the input refused and its value: the sample count when it is out of its domain, else the ridge.
        bool badN = !(n > 0) || !double.IsFinite(n);
        Assert.Contains(badN ? $"sample count must be positive and finite; got {n}." : $"ridge must be non-negative and finite; got {ridge}.", refusal.Message);
    }

    /// <summary>
    /// The bracket [ridge/n, (trace + ridge)/n] must be finite: a trace that overflows (eigenvalue 1e308, 10 modes) is
    /// refused with the value it reached, with or without a ridge, instead of iterating on infinities.
    /// </summary>
    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Kappa_refuses_a_spectrum_whose_trace_overflows(double ridge)
    {
        var huge = new KernelSpectrum("overflowing trace", [new SpectrumLevel(1e308, 10, 0), new SpectrumLevel(1, 10, 0)]);
        var refusal = Assert.Throws<ArgumentException>(() => LearningCurveTheory.SolveKappa(huge, 5, ridge));
        Assert.Contains($"(trace + ridge)/n = {double.PositiveInfinity} at n = 5", refusal.Message);
    }

    /// <summary>
    /// Without a ridge the lower end of the bracket is found by dividing (trace/n) by 16 until sum_i L_i &gt;= n. With one mode
    /// of eigenvalue 1 and one of the smallest positive double, sum L_i &gt;= 1.9 needs kappa &lt;= 2^-1074/9, below every
    /// positive double: the search underflows to 0 and the solver says so, naming n.
    /// </summary>
    [Fact]
    public void Ridgeless_kappa_below_the_smallest_double_is_refused()
    {
        var subnormal = new KernelSpectrum("subnormal mode", [new SpectrumLevel(1, 1, 0), new SpectrumLevel(double.Epsilon, 1, 0)]);
        var refusal = Assert.Throws<ArithmeticException>(() => LearningCurveTheory.SolveKappa(subnormal, 1.9, 0));
        Assert.Contains($"No lower bracket for kappa at n = {1.9} without ridge", refusal.Message);
        // Control: with the small mode at 1e-300 the same n needs kappa = 1e-300/9 (1/(1 + kappa) = 1 to rounding, and
        // 1e-300/(1e-300 + kappa) = 0.9), about 250 divisions by 16 below trace/n, and it is found. The solver stops
        // at |F| <= 8 eps n with dF/dlog kappa = L (1 - L) = 0.09, so log kappa is good to 8 eps 1.9 / 0.09, below 1e-13.
        var small = new KernelSpectrum("small mode", [new SpectrumLevel(1, 1, 0), new SpectrumLevel(1e-300, 1, 0)]);
        double kappa = LearningCurveTheory.SolveKappa(small, 1.9, 0);
        Assert.True(Math.Abs(kappa / (1e-300 / 9) - 1) <= 1e-13, $"kappa {kappa:R}");
    }

    /// <summary>
    /// Without a ridge the root exists only below the mode count (10 here): at n = 10 and above the fit interpolates and the
    /// solver refuses with an ArgumentException; at n = 9.5 it solves sum_i L_i = n to the rounding of a 10-term sum.
    /// </summary>
    [Fact]
    public void Ridgeless_kappa_exists_only_below_the_mode_count()
    {
        var atCount = Assert.Throws<ArgumentException>(() => LearningCurveTheory.SolveKappa(Three, 10, 0));
        Assert.Contains($"n = {10.0} samples and only {10.0} modes interpolates", atCount.Message);
        var above = Assert.Throws<ArgumentException>(() => LearningCurveTheory.SolveKappa(Three, 12, 0));
        Assert.Contains($"n = {12.0} samples and only {10.0} modes interpolates", above.Message);
        double kappa = LearningCurveTheory.SolveKappa(Three, 9.5, 0);
        double sum = Three.Levels.Sum(l => l.Multiplicity * l.Eigenvalue / (l.Eigenvalue + kappa));
        Assert.True(kappa > 0 && Math.Abs(sum - 9.5) <= 16 * LearningCurveTheoryProperties.Eps * 10, $"kappa {kappa:R}: sum of learnabilities {sum:R}, n = 9.5");
    }

    [Fact]
    public void Prediction_refuses_a_negative_or_undefined_noise_variance_and_states_nu_as_ridge_over_n()
    {
        foreach (double bad in new[] { -1e-12, double.NaN })
        {
            var refusal = Assert.Throws<ArgumentException>(() => LearningCurveTheory.Predict(Three, 20, 1, bad));
            Assert.Contains($"Noise variance must be non-negative; got {bad}.", refusal.Message);
        }
        var p = LearningCurveTheory.Predict(Three, 20, 3, 0);
        Assert.Equal(3.0 / 20, p.Nu);
        Assert.Equal(p.TestMse, p.ExcessRisk);
    }

    /// <summary>
    /// A hint six decades off the optimum limits the first scan to two decades around the hint; the scan must then walk to
    /// the optimum. The risk found equals the unhinted one to <see cref="PredictedGainTests.OptimumTolerance"/> (both are
    /// golden-section minima of the same smooth risk, second order in their 2e-6-decade brackets).
    /// </summary>
    [Theory]
    [InlineData(1e-6)]
    [InlineData(1e6)]
    public void A_hint_far_from_the_optimum_still_finds_it(double factor)
    {
        var free = LearningCurveTheory.OptimalRidge(Three, 40, NoiseVariance);
        Assert.True(free.Nu > 1e-10 && free.Nu < 1e-1, $"set-up: interior optimum, nu = {free.Nu:G3}");
        var hinted = LearningCurveTheory.OptimalRidge(Three, 40, NoiseVariance, free.Nu * factor);
        Assert.True(Math.Abs(hinted.ExcessRisk / free.ExcessRisk - 1) <= PredictedGainTests.OptimumTolerance, $"hinted {hinted.ExcessRisk:R} vs {free.ExcessRisk:R}");
        Assert.True(Math.Abs(Math.Log10(hinted.Nu / free.Nu)) < 0.01, $"hinted nu {hinted.Nu:G6} vs {free.Nu:G6}");
    }

    /// <summary>
    /// With the range of nu capped below the optimum the risk falls towards the cap, so the best point is the cap itself (a
    /// grid point, returned as it is, not a golden-section point near it); nu is ridge/n with ridge = n 10^log10(cap),
    /// exact to a few ulps.
    /// </summary>
    [Fact]
    public void An_optimum_beyond_the_range_is_the_range_edge()
    {
        var free = LearningCurveTheory.OptimalRidge(Three, 40, NoiseVariance);
        double cap = free.Nu / 1000, floor = free.Nu * 1000;
        var capped = LearningCurveTheory.OptimalRidge(Three, 40, NoiseVariance, nuMax: cap);
        Assert.True(Math.Abs(capped.Nu / cap - 1) <= 1e-14, $"capped optimum nu {capped.Nu:R}, cap {cap:R}");
        var floored = LearningCurveTheory.OptimalRidge(Three, 40, NoiseVariance, nuMin: floor);
        Assert.True(Math.Abs(floored.Nu / floor - 1) <= 1e-14, $"floored optimum nu {floored.Nu:R}, floor {floor:R}");
        Assert.True(capped.ExcessRisk > free.ExcessRisk && floored.ExcessRisk > free.ExcessRisk);
    }
}
