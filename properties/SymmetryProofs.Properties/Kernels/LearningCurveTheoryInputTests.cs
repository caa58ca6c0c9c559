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
        Assert.Throws<ArgumentException>(() => LearningCurveTheory.SolveKappa(Three, n, ridge));
    }

    /// <summary>
    /// Without a ridge the root exists only below the mode count (10 here): at n = 10 and above the fit interpolates and the
    /// solver refuses with an ArgumentException; at n = 9.5 it solves sum_i L_i = n to the rounding of a 10-term sum.
    /// </summary>
    [Fact]
    public void Ridgeless_kappa_exists_only_below_the_mode_count()
    {
        Assert.Throws<ArgumentException>(() => LearningCurveTheory.SolveKappa(Three, 10, 0));
        Assert.Throws<ArgumentException>(() => LearningCurveTheory.SolveKappa(Three, 12, 0));
        double kappa = LearningCurveTheory.SolveKappa(Three, 9.5, 0);
        double sum = Three.Levels.Sum(l => l.Multiplicity * l.Eigenvalue / (l.Eigenvalue + kappa));
        Assert.True(kappa > 0 && Math.Abs(sum - 9.5) <= 16 * LearningCurveTheoryProperties.Eps * 10, $"kappa {kappa:R}: sum of learnabilities {sum:R}, n = 9.5");
    }

    [Fact]
    public void Prediction_refuses_a_negative_or_undefined_noise_variance_and_states_nu_as_ridge_over_n()
    {
        Assert.Throws<ArgumentException>(() => LearningCurveTheory.Predict(Three, 20, 1, -1e-12));
        Assert.Throws<ArgumentException>(() => LearningCurveTheory.Predict(Three, 20, 1, double.NaN));
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
