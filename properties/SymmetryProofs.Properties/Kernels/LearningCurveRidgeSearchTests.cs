using FsCheck;
using FsCheck.Fluent;
using SymmetryProofs.Kernels;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Kernels;

/// <summary>
/// <see cref="LearningCurveTheory.OptimalRidge(KernelSpectrum, double, double, double?, double, double)"/>'s search, step by
/// step, against the method its documentation states. In log10 nu, clamped to [log nuMin, log nuMax]: a scan at half a
/// decade from the range's lower end (with a hint h, from log h - 2) up to its upper end (log h + 2), each point evaluated
/// once; while the best scanned point is the lowest (highest) one and inside the range, one more point half a decade
/// below (above) it; then golden-section search (the 0.618 split, 25 steps, keeping the lower of the two inner points,
/// ties to the left) within half a decade of the best grid point, kept unless that grid point is strictly lower, and then
/// around every other local minimum of the grid (no higher than either neighbour), in increasing nu, each result kept if
/// strictly lower than the best so far; the prediction is made at the point kept. The dense-scan and two-basin tests check
/// the optimum to their tolerances; this pins the points evaluated and the choice among them.
/// </summary>
public class LearningCurveRidgeSearchTests(ITestOutputHelper output)
{
    private const double NoiseVariance = LearningCurveTheoryProperties.NoiseVariance;
    private const double Step = 0.5;
    private const double Phi = 0.6180339887498949;

    /// <summary>What a replay found: whether the search took the stated steps, and what it did.</summary>
    private sealed record Search(bool Holds, string Detail, bool Extended, int Basins, bool GridPointKept);

    /// <summary>A reported evaluation where the method puts none, or at another point.</summary>
    private sealed class Mismatch(string message) : Exception(message);

    /// <summary>
    /// Runs the search and replays its reported evaluations against the stated method. <paramref name="window"/> is the
    /// half-width in decades of the hinted scan the replay expects (2 is the method's; another value is the negative control).
    /// </summary>
    private static Search Replay(KernelSpectrum spectrum, double n, double? hint, double nuMin, double nuMax, double window)
    {
        var seen = new List<(double L, double Risk)>();
        var result = LearningCurveTheory.OptimalRidge(spectrum, n, NoiseVariance, hint, nuMin, nuMax, (l, r) => seen.Add((l, r)));
        int k = 0;
        double Take(double l)
        {
            if (k == seen.Count) throw new Mismatch($"evaluation {k} missing: the method evaluates log10 nu = {l:R}");
            var (at, risk) = seen[k++];
            if (at != l) throw new Mismatch($"evaluation {k - 1} at log10 nu = {at:R}, the method's point is {l:R}");
            return risk;
        }
        (double X, double F) Golden(double a, double b)
        {
            double x1 = b - Phi * (b - a), x2 = a + Phi * (b - a), f1 = Take(x1), f2 = Take(x2);
            for (int i = 0; i < 25; i++)
            {
                if (f1 <= f2) { b = x2; x2 = x1; f2 = f1; x1 = b - Phi * (b - a); f1 = Take(x1); }
                else { a = x1; x1 = x2; f1 = f2; x2 = a + Phi * (b - a); f2 = Take(x2); }
            }
            return f1 <= f2 ? (x1, f1) : (x2, f2);
        }
        try
        {
            double lmin = Math.Log10(nuMin), lmax = Math.Log10(nuMax);
            var grid = new SortedDictionary<double, double>();
            void Point(double l) { l = Math.Clamp(l, lmin, lmax); if (!grid.ContainsKey(l)) grid[l] = Take(l); }
            double from = hint is double h ? Math.Clamp(Math.Log10(h) - window, lmin, lmax) : lmin;
            double to = hint is double g ? Math.Clamp(Math.Log10(g) + window, lmin, lmax) : lmax;
            for (double l = from; l <= to + 1e-9; l += Step) Point(l);
            int scanned = grid.Count;
            while (true)
            {
                double best = grid.MinBy(p => p.Value).Key;
                if (best == grid.Keys.First() && best > lmin) Point(best - Step);
                else if (best == grid.Keys.Last() && best < lmax) Point(best + Step);
                else break;
            }
            var keys = grid.Keys.ToList();
            double c = grid.MinBy(p => p.Value).Key;
            var (kept, low) = Golden(Math.Max(lmin, c - Step), Math.Min(lmax, c + Step));
            bool gridPoint = grid[c] < low;
            if (gridPoint) (kept, low) = (c, grid[c]);
            int basins = 1;
            for (int i = 0; i < keys.Count; i++)
            {
                bool localMinimum = (i == 0 || grid[keys[i]] <= grid[keys[i - 1]]) && (i == keys.Count - 1 || grid[keys[i]] <= grid[keys[i + 1]]);
                if (keys[i] == c || !localMinimum) continue;
                basins++;
                var (x, f) = Golden(Math.Max(lmin, keys[i] - Step), Math.Min(lmax, keys[i] + Step));
                if (f < low) { (kept, low) = (x, f); gridPoint = false; }
            }
            if (k != seen.Count) throw new Mismatch($"{seen.Count - k} evaluations beyond the method's {k}, the first at log10 nu = {seen[k].L:R}");
            if (result.Ridge != n * Math.Pow(10, kept) || result.ExcessRisk != low)
                return new Search(false, $"returned ridge {result.Ridge:R} (risk {result.ExcessRisk:R}); the method keeps log10 nu = {kept:R} (ridge {n * Math.Pow(10, kept):R}, risk {low:R})", false, basins, gridPoint);
            return new Search(true, $"{seen.Count} evaluations ({scanned} scanned, {grid.Count - scanned} extending), {basins} basin(s) refined, kept log10 nu = {kept:R}", grid.Count > scanned, basins, gridPoint);
        }
        catch (Mismatch m)
        {
            return new Search(false, m.Message, false, 0, false);
        }
    }

    /// <summary>The generated case's search: n = N + 8, hinted at nu = ridge/10 when the ridge's quarter-decade exponent is even.</summary>
    private static Property FollowsTheMethod(Coverage coverage, SpectrumCase c, double window)
    {
        double? hint = c.RidgeQuarters % 2 == 0 ? c.Ridge / 10 : null;
        var search = Replay(c.ToSpectrum(), c.N + 8, hint, 1e-16, 1e3, window);
        return coverage.Case((search.Holds, $"{c}, hint {hint?.ToString("G3") ?? "none"}: {search.Detail}"),
            ("hinted", hint is not null), ("scan extended", search.Extended), ("more than one basin", search.Basins > 1));
    }

    [Fact]
    public void Ridge_search_evaluates_the_stated_points_and_keeps_the_stated_one()
    {
        var coverage = new Coverage(output)
            .AtLeast(0.3, "hinted", "the hinted scan must be seen")
            .AtLeast(0.05, "scan extended", "the extension past a hinted scan's edge must be seen");
        coverage.Check(Prop.ForAll(Arbs.SpectrumCases(), c => FollowsTheMethod(coverage, c, 2)), maxTest: 60);
    }

    /// <summary>Negative control: a replay expecting a hinted scan of one decade either side disagrees with the search.</summary>
    [Fact]
    public void A_hint_window_of_one_decade_is_not_the_search_s()
    {
        var found = NegativeControl.Require(Arbs.SpectrumCases(), c => FollowsTheMethod(new Coverage(output), c, 1), output, maxTest: 60);
        Assert.Single(found.ShrunkAs<SpectrumCase>().EigenQuarters);
    }

    private static readonly KernelSpectrum Three = new("three levels", [new SpectrumLevel(1, 2, 0.5), new SpectrumLevel(0.1, 3, 0.3), new SpectrumLevel(0.01, 5, 0.2)]);

    /// <summary>
    /// No target and 5 modes at eigenvalue 1e-8: the excess risk is (E0 - 1) sigma^2, and from nu about 1 up, where
    /// sum L^2 &lt;= 5e-16 is below half an ulp of n = 40, E0 is 1 and the risk exactly 0: a plateau of ties, every point of
    /// it a local minimum, where the tie rules decide which points are evaluated and kept.
    /// </summary>
    private static readonly KernelSpectrum Flat = new("flat", [new SpectrumLevel(1e-8, 5, 0)]);

    /// <summary>The generated two-basin spectrum of <see cref="LearningCurveClosedFormTests"/> (n = 11).</summary>
    private static readonly KernelSpectrum TwoBasins = new SpectrumCase([2, 5, 15, 10], [5, 1, 5, 5], [40, 15, 25, 32], 3, 0).ToSpectrum();

    /// <summary>
    /// Fixed searches along the rarer paths: ranges capped or floored so the optimum is the range's edge (the grid point
    /// kept, the scan extended to the clamp), hints far below and above the optimum (extension both ways), hints on the
    /// edges of the range and outside it, fewer samples than modes (n = 5 of 10), a risk exactly 0 over the top decades (ties everywhere), and the two-basin spectrum with and without a hint.
    /// </summary>
    [Theory]
    [InlineData("three", 40.0, null, 1e-16, 1e3, false)]
    [InlineData("three", 5.0, null, 1e-16, 1e3, false)]
    [InlineData("three", 5.0, 1e-10, 1e-16, 1e3, true)]
    [InlineData("three", 40.0, null, 1e-16, 1e-9, false)]
    [InlineData("three", 40.0, null, 1e-2, 1e3, false)]
    [InlineData("three", 40.0, 1e-12, 1e-16, 1e3, true)]
    [InlineData("three", 40.0, 1e2, 1e-16, 1e3, true)]
    [InlineData("three", 40.0, 1e-16, 1e-16, 1e3, false)]
    [InlineData("three", 40.0, 1e3, 1e-16, 1e3, true)]
    [InlineData("three", 40.0, 3e-9, 1e-10, 1e-8, true)]
    [InlineData("three", 40.0, 1e-1, 1e-10, 1e-8, false)]
    [InlineData("flat", 40.0, null, 1e-16, 1e3, false)]
    [InlineData("flat", 40.0, 1e-3, 1e-16, 1e3, true)]
    [InlineData("two basins", 11.0, null, 1e-16, 1e3, false)]
    [InlineData("two basins", 11.0, 1e-3, 1e-16, 1e3, true)]
    [InlineData("two basins", 11.0, 1e-8, 1e-16, 1e3, true)]
    public void Ridge_search_takes_the_stated_steps_on_fixed_cases(string name, double n, double? hint, double nuMin, double nuMax, bool windowMatters)
    {
        var spectrum = name switch { "three" => Three, "flat" => Flat, _ => TwoBasins };
        var search = Replay(spectrum, n, hint, nuMin, nuMax, 2);
        output.WriteLine($"{name}, n = {n}, hint {hint}, nu in [{nuMin}, {nuMax}]: {search.Detail}");
        Assert.True(search.Holds, search.Detail);
        // Control: a replay expecting a window of one decade disagrees, where the window changes the points evaluated (with
        // the hint on the range's lower edge the wider scan only evaluates first what the extension would evaluate next;
        // with a hint outside the range both windows clamp to the same point; without a hint there is no window).
        if (windowMatters) Assert.False(Replay(spectrum, n, hint, nuMin, nuMax, 1).Holds, "control: a replay expecting a window of one decade must disagree");
    }
}
