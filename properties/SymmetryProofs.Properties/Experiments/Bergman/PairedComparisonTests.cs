using SymmetryProofs.Experiments.Bergman;

namespace SymmetryProofs.Properties.Experiments.Bergman;

/// <summary>
/// The decision rules of the paired comparisons: the Bonferroni-corrected paired t interval, checked against Student-t
/// quantiles written out (not recomputed by the code under test), cases on either side of the significance boundary, and
/// the settled / not significant / budget-dependent reading of a full- and a half-budget difference.
/// </summary>
public class PairedComparisonTests
{
    /// <summary>
    /// t_{0.975, 4} and t_{1 - 0.025/2, 4} = t_{0.9875, 4}, solved by bisection to full double precision from the closed
    /// form of the t CDF for 4 degrees of freedom, F(t) = 1/2 + (x/2)(1 + (1 - x^2)/2) with x = t / sqrt(t^2 + 4), not by
    /// the library the code under test calls.
    /// </summary>
    private const double T975Df4 = 2.776445105197793, T9875Df4 = 3.4954059325164364;

    /// <summary>
    /// Differences mu + e (1, -1, 1, -1, 0) over five seeds: mean mu, sd e exactly (sum of squares 4 e^2 over 4), so the
    /// half-width is t e / sqrt 5 and the interval's ends are known in closed form.
    /// </summary>
    private static PairedDifference Planted(double mu, double e, int comparisons)
    {
        double[] pattern = [1, -1, 1, -1, 0];
        return PairedComparison.Of(pattern.Select(p => mu + e * p).ToList(), pattern.Select(_ => 0.0).ToList(), comparisons);
    }

    /// <summary>The interval's ends for one and for two comparisons, within 1e-9 relative of the half-width (the library's quantile is iterative; it agrees to about 1e-11).</summary>
    [Theory]
    [InlineData(1, T975Df4)]
    [InlineData(2, T9875Df4)]
    public void The_interval_is_the_paired_t_interval_at_the_corrected_level(int comparisons, double t)
    {
        var d = Planted(0.5, 0.2, comparisons);
        double half = t * 0.2 / Math.Sqrt(5);
        Assert.Equal(5, d.Seeds);
        Assert.True(Math.Abs(d.Mean - 0.5) <= 1e-15, $"mean {d.Mean:R}");
        Assert.True(Math.Abs(d.Low - (0.5 - half)) <= 1e-9 * half && Math.Abs(d.High - (0.5 + half)) <= 1e-9 * half, $"[{d.Low:R}, {d.High:R}] against half-width {half:R}");
    }

    /// <summary>
    /// Near the boundary: e is set so that the uncorrected half-width is 0.99 mu (significant, just) and the corrected one
    /// for two comparisons 1.25 mu (not); 1.01 mu uncorrected is not significant either. Either sign.
    /// </summary>
    [Theory]
    [InlineData(1.0)]
    [InlineData(-1.0)]
    public void A_difference_just_inside_the_uncorrected_interval_is_not_significant_once_corrected(double sign)
    {
        double mu = 0.03 * sign;
        double e = 0.99 * Math.Abs(mu) * Math.Sqrt(5) / T975Df4;
        Assert.Equal((int)sign, Planted(mu, e, 1).Sign);
        Assert.Equal(0, Planted(mu, e, 2).Sign);
        Assert.Equal(0, Planted(mu, 1.01 * Math.Abs(mu) * Math.Sqrt(5) / T975Df4, 1).Sign);
    }

    /// <summary>Equal differences on every seed: sd 0, the interval is the value itself; all zero: no sign. One seed: no interval.</summary>
    [Fact]
    public void Constant_differences_and_single_seeds()
    {
        var same = PairedComparison.Of([0.25, 0.25, 0.25], [0.0, 0.0, 0.0], 10);
        Assert.Equal((0.25, 0.25, 1), (same.Low, same.High, same.Sign));
        Assert.Equal(0, PairedComparison.Of([0.5, 0.5], [0.5, 0.5], 3).Sign);
        var one = PairedComparison.Of([0.9], [0.1], 1);
        Assert.True(double.IsNaN(one.Low) && one.Sign == 0);
        Assert.Equal(Settlement.TooFewSeeds, PairedComparison.Settle(one, one));
        Assert.Throws<ArgumentException>(() => PairedComparison.Of([0.1, 0.2], [0.1], 1));
    }

    /// <summary>
    /// The reading of a full- and a half-budget difference: settled only when both are significant with the same sign;
    /// not significant when neither is; budget-dependent when they disagree in sign or in significance.
    /// </summary>
    [Theory]
    [InlineData(0.1, 0.1, nameof(Settlement.Settled))]
    [InlineData(-0.1, -0.1, nameof(Settlement.Settled))]
    [InlineData(0.1, -0.1, nameof(Settlement.BudgetDependent))]
    [InlineData(0.1, 0.0, nameof(Settlement.BudgetDependent))]
    [InlineData(0.0, 0.1, nameof(Settlement.BudgetDependent))]
    [InlineData(0.0, 0.0, nameof(Settlement.NotSignificant))]
    public void Settled_needs_the_same_significant_sign_at_both_budgets(double full, double half, string expected)
    {
        // e = 0.01: half-width t e / sqrt 5 < 0.04 for one comparison, so +-0.1 is significant and 0 is not.
        Assert.Equal(Enum.Parse<Settlement>(expected), PairedComparison.Settle(Planted(full, 0.01, 1), Planted(half, 0.01, 1)));
    }
}
