using FsCheck;
using FsCheck.Fluent;
using SymmetryProofs.Kernels;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Kernels;

/// <summary>
/// The kappa solver's iteration, step by step, against the method its documentation states: start at the middle of the
/// bracket [ridge/n, (trace + ridge)/n] in log kappa (without a ridge, the upper end divided by 16 until S &gt;= n); at each
/// point report F = S - n and d log S / d log kappa; move the bracket's end on F's side to the point; stop when F = 0,
/// when |F| &lt;= <see cref="LearningCurveTheory.ResidualTolerance"/> n, or when the bracket is at most
/// <see cref="LearningCurveTheory.BracketTolerance"/> max(1, |log kappa|) wide; else take Newton's step on log S - log n
/// against log kappa, or the bracket's midpoint when that step does not land strictly inside the bracket; return the last
/// point. The brute-force
/// and closed-form tests check the root to their tolerances; these pin how it is reached (the start, the bracket, each
/// step and the first stopping rule met), which those tolerances cannot see.
/// </summary>
public class LearningCurveSolverTests(ITestOutputHelper output)
{
    /// <summary>How a run of the solver ended, and whether it bisected, as found by <see cref="Replay"/>.</summary>
    private sealed record Run(bool Holds, string Detail, string Stop, bool Bisected, int Evaluations);

    /// <summary>
    /// Runs the solver and replays its reported evaluations against the stated method. <paramref name="logNewton"/> false
    /// expects Newton's step on F itself (step -F/(dF/d log kappa)) instead of on log S: the negative control.
    /// </summary>
    private static Run Replay(KernelSpectrum spectrum, double n, double ridge, bool logNewton)
    {
        var seen = new List<(double U, double F, double Slope)>();
        double kappa = LearningCurveTheory.SolveKappa(spectrum, n, ridge, (u, f, slope) => seen.Add((u, f, slope)));
        double hi = (spectrum.Trace + ridge) / n, lo = ridge > 0 ? ridge / n : hi;
        if (ridge == 0) while (spectrum.Moments(lo).Learnable < n) lo /= 16;
        double a = Math.Log(lo), b = Math.Log(hi), expected = 0.5 * (a + b);
        string stop = "none";
        bool bisected = false;
        Run Fail(string why) => new(false, why, stop, bisected, seen.Count);
        if (seen.Count == 0) return Fail("no evaluation reported");
        for (int k = 0; k < seen.Count; k++)
        {
            var (u, f, slope) = seen[k];
            if (u != expected) return Fail($"evaluation {k} at log kappa {u:R}, the method's point is {expected:R} (bracket [{a:R}, {b:R}])");
            double kk = Math.Exp(u);
            var m = spectrum.Moments(kk);
            double sum = m.Learnable + ridge / kk;
            if (f != sum - n || slope != (-m.Derivative - ridge / kk) / sum)
                return Fail($"evaluation {k}: reported F {f:R} and slope {slope:R}, the moments give {sum - n:R} and {(-m.Derivative - ridge / kk) / sum:R}");
            double next = double.NaN;
            if (f > 0) a = u; else if (f < 0) b = u; else stop = "F = 0";
            if (stop == "none" && Math.Abs(f) <= LearningCurveTheory.ResidualTolerance * n) stop = "residual";
            if (stop == "none" && b - a <= LearningCurveTheory.BracketTolerance * Math.Max(1, Math.Abs(u))) stop = "bracket";
            if (stop == "none")
            {
                next = logNewton ? u - (Math.Log(f + n) - Math.Log(n)) / slope : u - f / (slope * (f + n));
                if (!(next > a && next < b)) { next = 0.5 * (a + b); bisected = true; }
            }
            bool last = k == seen.Count - 1;
            if (stop != "none" && !last) return Fail($"evaluation {k} meets the stopping rule '{stop}' but the solver went on");
            if (stop == "none" && last)
            {
                if (seen.Count < LearningCurveTheory.MaxSteps) return Fail($"the solver stopped after {seen.Count} evaluations with no rule met");
                stop = "step cap";
            }
            expected = next;
        }
        if (kappa != Math.Exp(seen[^1].U)) return Fail($"returned {kappa:R}, the last point is {Math.Exp(seen[^1].U):R}");
        return new Run(true, $"{seen.Count} evaluations, stopped by '{stop}'", stop, bisected, seen.Count);
    }

    private static Property FollowsTheMethod(Coverage coverage, SpectrumCase c, bool logNewton)
    {
        var run = Replay(c.ToSpectrum(), c.N, c.Ridge, logNewton);
        return coverage.Case((run.Holds, $"{c}: {run.Detail}"),
            ("stopped by the residual", run.Stop == "residual"), ("stopped by the bracket", run.Stop == "bracket"),
            ("a Newton step left the bracket", run.Bisected), ("more than 3 evaluations", run.Evaluations > 3));
    }

    /// <summary>On every generated spectrum the solver takes the stated steps and stops at the first rule met.</summary>
    [Fact]
    public void Kappa_iteration_takes_the_stated_steps_and_stops_at_the_first_rule_met()
    {
        var coverage = new Coverage(output)
            .AtLeast(0.5, "stopped by the residual", "the main stopping rule must be seen")
            .AtLeast(0.5, "more than 3 evaluations", "a run of one or two steps tests little of the iteration");
        coverage.Check(Prop.ForAll(Arbs.SpectrumCases(), c => FollowsTheMethod(coverage, c, true)));
    }

    /// <summary>Negative control: the same replay expecting Newton's step on F itself disagrees with the solver's steps.</summary>
    [Fact]
    public void Newton_on_F_itself_is_not_the_solver_s_step()
    {
        var found = NegativeControl.Require(Arbs.SpectrumCases(), c => FollowsTheMethod(new Coverage(output), c, false), output);
        Assert.Single(found.ShrunkAs<SpectrumCase>().EigenQuarters);
    }

    /// <summary>
    /// Fixed spectra where the rarer paths are taken: without a ridge (the bracket's lower end searched by division),
    /// a pure power law of 200 000 modes, the three-level spectrum just below its mode count (F nearly flat in log kappa),
    /// and tiny ridges where |F| &lt;= 8 eps n can be out of reach (the bracket rule ends the run).
    /// </summary>
    [Theory]
    [InlineData("three levels", 9.5, 0.0)]
    [InlineData("three levels", 5.0, 0.0)]
    [InlineData("three levels", 20.0, 1e-3)]
    [InlineData("power law", 200.0, 0.0)]
    [InlineData("power law", 1000.0, 0.0)]
    [InlineData("power law", 1000.0, 1e-4)]
    [InlineData("one level", 10.0, 1e-250)]
    [InlineData("one level", 10.0, 1e-100)]
    [InlineData("one level", 10.0, 1e-30)]
    public void Kappa_iteration_takes_the_stated_steps_on_fixed_spectra(string name, double n, double ridge)
    {
        // One level of 5 modes at eigenvalue 1 with n = 10 and a tiny ridge: ridge/kappa = 5 - tiny, so kappa is about ridge/5
        // and |log kappa| is large; dF/dlog kappa is about -5, so F moves by about 5 ulp(log kappa) between neighbouring
        // doubles of log kappa, more than the residual band 16 eps n at 1e-250 (|log kappa| about 577): the bracket rule ends that run.
        var spectrum = name switch
        {
            "three levels" => new KernelSpectrum(name, [new SpectrumLevel(1, 2, 0.5), new SpectrumLevel(0.1, 3, 0.3), new SpectrumLevel(0.01, 5, 0.2)]),
            "one level" => new KernelSpectrum(name, [new SpectrumLevel(1, 5, 0)]),
            _ => new KernelSpectrum(name, Enumerable.Range(1, 200_000).Select(k => new SpectrumLevel(Math.Pow(k, -3.0), 1, 0))),
        };
        var run = Replay(spectrum, n, ridge, true);
        output.WriteLine($"{name}, n = {n}, ridge {ridge}: {run.Detail}");
        Assert.True(run.Holds, run.Detail);
        Assert.False(Replay(spectrum, n, ridge, false).Holds, "control: Newton on F itself must disagree");
    }

    // The four boundaries of the method, each on its own function: the replays above follow whatever the solver does at a
    // boundary but cannot reach one, as that needs F or the bracket's width equal to a tolerance, or a Newton step equal to an
    // end of the bracket, to the last bit. Each is pinned at the boundary and one ulp either side.

    /// <summary>
    /// The residual rule met with equality in a run of the solver: near n = 40 the sums S are multiples of ulp(40) = 2^-47 and
    /// 8 eps n = 10 ulp(40) is one of them, so |F| can land on the tolerance exactly. On this spectrum (one the replay property
    /// generated) an evaluation does, every one before it is above the tolerance, and the solver stops there.
    /// </summary>
    [Fact]
    public void The_solver_stops_at_an_F_exactly_equal_to_the_residual_tolerance()
    {
        var c = new SpectrumCase([19, 0, 13, 16], [5, 5, 3, 4], [100, 100, 100, 100], 40, -7);
        var seen = new List<double>();
        LearningCurveTheory.SolveKappa(c.ToSpectrum(), c.N, c.Ridge, (_, f, _) => seen.Add(f));
        double tolerance = LearningCurveTheory.ResidualTolerance * c.N;
        Assert.Equal(tolerance, Math.Abs(seen[^1]));
        Assert.All(seen.SkipLast(1), f => Assert.True(Math.Abs(f) > tolerance, $"F = {f:R} before the last evaluation"));
        var run = Replay(c.ToSpectrum(), c.N, c.Ridge, true);
        Assert.True(run.Holds && run.Stop == "residual", run.Detail);
    }

    /// <summary>The residual rule stops at |F| equal to <see cref="LearningCurveTheory.ResidualTolerance"/> n, of either sign, and not one ulp above.</summary>
    [Theory]
    [InlineData(1.0)]
    [InlineData(40.0)]
    [InlineData(1000.5)]
    public void The_residual_rule_stops_when_F_is_at_most_its_tolerance(double n)
    {
        double tolerance = LearningCurveTheory.ResidualTolerance * n;
        foreach (double sign in new[] { 1.0, -1.0 })
        {
            Assert.True(LearningCurveTheory.ResidualSettled(sign * tolerance, n), $"|F| equal to the tolerance at n = {n}");
            Assert.True(LearningCurveTheory.ResidualSettled(sign * Math.BitDecrement(tolerance), n));
            Assert.False(LearningCurveTheory.ResidualSettled(sign * Math.BitIncrement(tolerance), n), $"|F| one ulp above the tolerance at n = {n}");
        }
    }

    /// <summary>
    /// The bracket rule stops at a width equal to <see cref="LearningCurveTheory.BracketTolerance"/> max(1, |u|): 1 below |u| = 1,
    /// |u| above, of either sign (from a = 0 the width b - a is b exactly).
    /// </summary>
    [Theory]
    [InlineData(0.5)]
    [InlineData(-0.5)]
    [InlineData(3.0)]
    [InlineData(-577.0)]
    public void The_bracket_rule_stops_when_the_bracket_is_at_most_its_tolerance_wide(double u)
    {
        double width = LearningCurveTheory.BracketTolerance * Math.Max(1, Math.Abs(u));
        Assert.True(LearningCurveTheory.BracketSettled(0, width, u), $"width equal to the tolerance at u = {u}");
        Assert.True(LearningCurveTheory.BracketSettled(0, Math.BitDecrement(width), u));
        Assert.False(LearningCurveTheory.BracketSettled(0, Math.BitIncrement(width), u), $"width one ulp above the tolerance at u = {u}");
        Assert.False(LearningCurveTheory.BracketSettled(-1, 1, u));
    }

    /// <summary>
    /// A Newton step is taken when it lands strictly inside the bracket, here (-3, 1); one on either end, outside or NaN gives
    /// the midpoint -1 (which neither (a - b)/2 nor 1/(2 (a + b)) is).
    /// </summary>
    [Fact]
    public void A_Newton_step_is_taken_only_strictly_inside_the_bracket()
    {
        const double a = -3, b = 1;
        foreach (double inside in new[] { Math.BitDecrement(b), Math.BitIncrement(a), 0.25 })
            Assert.Equal(inside, LearningCurveTheory.NextPoint(inside, a, b));
        foreach (double notInside in new[] { b, a, 2, -4, double.NaN })
            Assert.Equal(-1.0, LearningCurveTheory.NextPoint(notInside, a, b));
    }

    /// <summary>
    /// Without a ridge the search divides a candidate lower end further only while F &lt; 0 there (kappa above the root); at
    /// F = 0, of either sign of zero, the candidate is the root itself and ends the search, as F &gt; 0 does.
    /// </summary>
    [Fact]
    public void The_ridgeless_search_divides_further_only_while_F_is_negative()
    {
        Assert.True(LearningCurveTheory.AboveRoot(-double.Epsilon));
        Assert.True(LearningCurveTheory.AboveRoot(-1));
        Assert.False(LearningCurveTheory.AboveRoot(0.0));
        Assert.False(LearningCurveTheory.AboveRoot(-0.0));
        Assert.False(LearningCurveTheory.AboveRoot(double.Epsilon));
    }
}
