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
}
