using FsCheck;
using FsCheck.Fluent;
using SymmetryProofs.Experiments.Hessian;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Experiments.Hessian;

/// <summary>
/// The bench's analysis on synthetic data: the log-log exponent fit returns a planted power law's
/// exponent (and not an offset curve's), the memory model returns planted copies, and the
/// "practical up to" rule solves the planted costs for the budgets.
/// </summary>
public class BenchAnalysisTests(ITestOutputHelper output)
{
    /// <summary>
    /// Least squares on logs of planted values: log y carries rounding of about u |log y| (|log y| &lt;= 40
    /// here), and the slope divides it by the spread of log x, at least log(1011/1010) ~ 1e-3, so the
    /// exponent is exact to ~ 40 * 2.2e-16 / 1e-3 ~ 1e-11; 1e-9 leaves a hundredfold margin.
    /// </summary>
    private const double ExponentTolerance = 1e-9;

    private static Property Recovers(Coverage coverage, PowerLawCase c)
    {
        var fit = PowerLaw.Fit(c.X, c.Y);
        bool ok = fit is not null && Math.Abs(fit.Exponent - c.Exponent) <= ExponentTolerance
            && Math.Abs(fit.MaxFoldError - 1) <= ExponentTolerance && fit.IsTwoPoint == (c.Sizes.Length == 2);
        return coverage.Case((ok, $"{c}: fitted {fit?.Describe() ?? "nothing"}"), ("three or more sizes", c.Sizes.Length >= 3));
    }

    /// <summary>A planted power law y = c x^a returns a (and lies on its line) from two to six sizes.</summary>
    [Fact]
    public void The_log_log_fit_returns_a_planted_exponent()
    {
        // Two to six sizes, uniformly: four fifths have three or more, where the fold error tests the shape.
        var coverage = new Coverage(output).AtLeast(0.5, "three or more sizes", "with two sizes the fit passes through both points whatever the curve");
        coverage.Check(Prop.ForAll(Arbs.PowerLaws(), c => Recovers(coverage, c)));
    }

    /// <summary>Negative control: with an offset of half of y at the median size, the fitted exponent is not a; shrinks to two sizes.</summary>
    [Fact]
    public void An_offset_curve_does_not_return_the_exponent()
    {
        var found = NegativeControl.Require(Arbs.Dropped.OffsetPowerLaws(), c => Recovers(new Coverage(output), c), output);
        var shrunk = found.ShrunkAs<PowerLawCase>();
        Assert.True(shrunk.OffsetPercent > 0 && shrunk.Sizes.Length == 2, $"Expected an offset case with two sizes; got {shrunk}.");
    }

    [Fact]
    public void Fewer_than_two_sizes_or_non_positive_costs_give_no_fit()
    {
        Assert.Null(PowerLaw.Fit([765], [1.0]));
        Assert.Null(PowerLaw.Fit([765, 765], [1.0, 2.0]));
        Assert.Null(PowerLaw.Fit([765, 3000], [1.0, 0.0]));
        Assert.Null(PowerLaw.Fit([765, 3000], [1.0, double.NaN]));
    }

    /// <summary>Peaks planted as 300 MiB + 7 dense copies return both; flat peaks (no growth with n^2) give no model.</summary>
    [Fact]
    public void The_memory_model_returns_planted_copies_and_refuses_flat_peaks()
    {
        double[] n = [765, 3000, 10_000];
        var model = MemoryModel.Fit(n.Select(x => (x, 300 + 7 * MemoryModel.DenseMb(x))).ToArray())!;
        // A straight line through exact points: rounding only (relative 1e-12 covers the sums of three products).
        Assert.Equal(7, model.Copies, 1e-9);
        Assert.Equal(300, model.FixedMb, 1e-7);
        Assert.Null(MemoryModel.Fit(n.Select(x => (x, 300.0)).ToArray()));
        Assert.Null(MemoryModel.Fit([(765, 300.0)]));
    }

    /// <summary>
    /// Planted costs 2e-9 n^3 s and 250 MiB + 6 copies: within 60 s up to (60 / 2e-9)^(1/3) = 3107 parameters,
    /// within 4096 MiB up to sqrt(3846 * 2^20 / 48) = 9166; the limit is the smaller, time.
    /// </summary>
    [Fact]
    public void The_practical_size_solves_the_planted_costs_for_the_budgets()
    {
        double[] n = [765, 1620, 3102];
        var p = PracticalSize.Of(n, n.Select(x => 2e-9 * x * x * x).ToArray(), n.Select(x => (x, 250 + 6 * MemoryModel.DenseMb(x))).ToArray(), 60, 4096);
        double byTime = Math.Pow(60 / 2e-9, 1.0 / 3), byMemory = Math.Sqrt(3846.0 * (1 << 20) / 48);
        Assert.Equal(1, p.ByTime!.Value / byTime, 1e-9);
        Assert.Equal(1, p.ByMemory!.Value / byMemory, 1e-6);
        Assert.Equal(p.ByTime, p.Limit);
        output.WriteLine(p.Statement());
        Assert.Contains("up to about 3,100 parameters", p.Statement());
        Assert.Contains("extrapolated beyond", p.Statement());
    }

    /// <summary>Control: costs that fall with the size, or a single measured net, give no time bound, and the statement says why.</summary>
    [Fact]
    public void No_time_bound_without_a_rising_fit()
    {
        var falling = PracticalSize.Of([765, 3000], [2.0, 1.0], [], 60, 4096);
        Assert.Null(falling.ByTime);
        Assert.Null(falling.Limit);
        Assert.Contains("does not rise", falling.Statement());
        var single = PracticalSize.Of([765], [1.0], [], 60, 4096);
        Assert.Null(single.Limit);
        Assert.Contains("fewer than two nets", single.Statement());
    }

    /// <summary>One measured net scales by the assumed exponent; two or more are fitted; none predicts nothing.</summary>
    [Fact]
    public void Cost_predictions_scale_or_fit_the_measured_nets()
    {
        Assert.Null(CostModel.Predict([], 1000, 3));
        Assert.Equal(8.0, CostModel.Predict([(1000, 1.0)], 2000, 3)!.Value.Value, 1e-12);
        Assert.Equal(4.0, CostModel.Predict([(1000, 1.0), (2000, 2.0)], 4000, 3)!.Value.Value, 1e-9);
    }
}
