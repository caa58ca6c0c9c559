using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using SymmetryProofs.Experiments.Hessian;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Experiments.Hessian;

/// <summary>
/// Claim 10's decision rule (<see cref="GridDecay"/>) on synthetic K sweeps: it holds on geometric decays beyond
/// 2B whatever the small grids do, and fails on constant, rising and power-law curves and on a curve that rises
/// along a nested chain while it falls between consecutive K.
/// </summary>
public class GridDecayTests(ITestOutputHelper output)
{
    /// <summary>The full translations sweep; B = 3 there (onset 2B = 6).</summary>
    private static readonly int[] Ks = [2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128];
    private const int B = 3;
    private const double Floor = HessianChecks.RoundingFloor;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static SeedCurve Curve(int seed, Func<int, double> c) => new(seed, Ks.Select(k => new CurvaturePoint(k, c(k))).ToList());

    private static IReadOnlyList<SeedCurve> Seeds(int n, Func<int, int, double> c) => Enumerable.Range(0, n).Select(s => Curve(s, k => c(s, k))).ToList();

    /// <summary>A geometric decay beyond the onset: amplitude, rate, per-point noise (log scale) and junk below the onset, per seed.</summary>
    public sealed record Geometric(int Seeds, double Rate, double Noise, int Seed)
    {
        internal IReadOnlyList<SeedCurve> Curves()
        {
            var rng = new Random(Seed);
            return Enumerable.Range(0, Seeds).Select(s =>
            {
                double rate = Rate * (0.8 + 0.4 * rng.NextDouble()), amp = 0.02 * (0.5 + rng.NextDouble());
                return new SeedCurve(s, Ks.Select(k => new CurvaturePoint(k, k <= 2 * B
                    ? 0.005 + 0.02 * rng.NextDouble() // below the onset: anything, unordered
                    : Math.Max(amp * Math.Exp(-rate * k + Noise * (rng.NextDouble() - 0.5)), 1e-12))).ToList());
            }).ToList();
        }

        public IEnumerable<Geometric> Shrink()
        {
            if (Seeds > 3) yield return this with { Seeds = 3 };
            if (Noise > 0) yield return this with { Noise = 0 };
            if (Seed > 0) yield return this with { Seed = 0 };
        }

        public override string ToString() => $"{Seeds} seeds, rate {Rate.ToString("G3", Inv)}, noise {Noise.ToString("G3", Inv)} (seed {Seed})";
    }

    private static Arbitrary<Geometric> Decays() => Arb.From(
        from n in Gen.Choose(3, 6)
        from r in Gen.Choose(4, 20)
        from noise in Gen.Elements(0.0, 0.1, 0.2)
        from seed in Gen.Choose(0, 1000)
        select new Geometric(n, r / 100.0, noise, seed),
        g => g.Shrink());

    [Fact]
    [ClaimProperty(10)]
    public void A_geometric_decay_beyond_2B_holds_whatever_the_small_grids_do()
    {
        var coverage = new Coverage(output)
            .AtLeast(0.3, "noise", "a noisy decay must still pass when each nested step still falls", value: "yes")
            .AtLeast(0.3, "reaches the floor", "points below the floor must be left out, not judged", value: "yes");
        coverage.Check(Prop.ForAll(Decays(), g =>
        {
            var curves = g.Curves();
            var d = GridDecay.Judge(curves, B, Floor);
            // The noise (at most 0.2 in ln c) is smaller than the smallest nested drop (rate 0.8 x 0.04 x K >= 0.26 at K = 8), so every step falls.
            bool holds = d.Rises.Count == 0 && d.Steps.Count > 0 && d.Geometric == true;
            return coverage.Case((holds, $"{g}: rises {d.Rises.Count} of {d.Steps.Count}, geometric {d.Geometric}, rate {d.Rate.Mean:G3} [{d.Rate.Low95:G3}, {d.Rate.High95:G3}]"),
                ("noise", g.Noise > 0 ? "yes" : "no"), ("reaches the floor", curves.Any(c => c.Points.Any(p => p.C <= Floor)) ? "yes" : "no"));
        }), maxTest: Suite.Cases);
    }

    /// <summary>Negative control: the same property on constant curves fails (a constant is not a decay), and FsCheck shrinks to three noiseless seeds.</summary>
    [Fact]
    [ClaimControl(10)]
    public void A_constant_curve_fails_and_FsCheck_shrinks_the_counterexample()
    {
        var found = NegativeControl.Require(Prop.ForAll(Decays(), g =>
        {
            var curves = g.Curves().Select(c => new SeedCurve(c.Seed, c.Points.Select(p => p with { C = 0.01 }).ToList())).ToList();
            var d = GridDecay.Judge(curves, B, Floor);
            return Prop.Label(d.Rises.Count == 0 && d.Geometric == true, $"{g}: rises {d.Rises.Count}, geometric {d.Geometric}");
        }), output);
        var shrunk = found.ShrunkAs<Geometric>();
        Assert.True(shrunk.Seeds == 3 && shrunk.Noise == 0 && shrunk.Seed == 0, $"Expected three seeds, no noise and seed 0 after shrinking; got {shrunk}.");
    }

    [Fact]
    [ClaimControl(10)]
    public void Constant_rising_and_power_law_curves_fail_both_parts_as_stated()
    {
        var constant = GridDecay.Judge(Seeds(5, (_, _) => 0.01), B, Floor);
        Assert.False(constant.NestedCheck(Inv).Held, "a constant curve does not fall along nested steps");
        Assert.Equal(false, constant.Geometric);

        var rising = GridDecay.Judge(Seeds(5, (s, k) => 1e-4 * (1 + 0.1 * s) * Math.Exp(0.02 * k)), B, Floor);
        Assert.False(rising.NestedCheck(Inv).Held);
        Assert.Equal(false, rising.Geometric);

        // c = K^-3: every nested step falls, but by the same factor 8: refinement that helps ever less is a power law, not geometric.
        var power = GridDecay.Judge(Seeds(5, (s, k) => (1 + 0.2 * s) * Math.Pow(k, -3)), B, Floor);
        Assert.True(power.NestedCheck(Inv).Held);
        Assert.Equal(false, power.Geometric);
        Assert.True(power.MeanPowerLaw.Rss < power.MeanGeometric.Rss);
    }

    /// <summary>
    /// One seed rising along the nested chain 24 -> 48 while the seed mean falls there must fail: the rule judges
    /// every seed's nested steps, not the mean curve nor consecutive grids.
    /// </summary>
    [Fact]
    [ClaimControl(10)]
    public void A_rise_along_a_nested_chain_on_one_seed_fails_although_the_mean_falls()
    {
        static double Decay(int k) => 0.05 * Math.Exp(-0.08 * k);
        var d = GridDecay.Judge(Seeds(3, (s, k) => s == 2 && k == 48 ? 1.2 * Decay(24) : Decay(k)), B, Floor);
        var mean48 = d.MeanCurve.Single(p => p.K == 48).C;
        var mean24 = d.MeanCurve.Single(p => p.K == 24).C;
        Assert.True(mean48 < mean24, "the premise: the seed mean falls from 24 to 48");
        var rise = Assert.Single(d.Rises);
        Assert.Equal((2, 24), (rise.Seed, rise.K));
        Assert.False(d.NestedCheck(Inv).Held);
    }

    /// <summary>Steps starting at or below 2B are not judged (the quadratic part still aliases there); the first judged step starts above it, and pairs below the floor are not rises.</summary>
    [Fact]
    public void Steps_at_or_below_2B_and_pairs_below_the_floor_are_not_judged()
    {
        var d = GridDecay.Judge(Seeds(3, (s, k) => k switch { 3 => 1e-3, 6 => 5e-3, 12 => 8e-3, _ => 0.05 * Math.Exp(-0.08 * k) }), B, Floor);
        Assert.Equal(8, d.Steps.Min(s => s.K));
        Assert.DoesNotContain(d.Steps, s => s.K <= 2 * B);
        // 6 -> 12 rises but is at the onset; 12 -> 24 falls (8e-3 -> 7e-3): nothing beyond the onset rises.
        Assert.Empty(d.Rises);
        Assert.True(new NestedStep(0, 64, 1e-9, 2e-9).Falls(Floor));
        Assert.False(new NestedStep(0, 64, 1e-7, 2e-7).Falls(Floor));
        Assert.False(new NestedStep(0, 64, 1e-3, 1e-3).Falls(Floor));
    }

    [Fact]
    public void One_seed_or_too_few_points_is_inconclusive_not_a_pass()
    {
        var one = GridDecay.Judge(Seeds(1, (_, k) => 0.05 * Math.Exp(-0.08 * k)), B, Floor);
        Assert.Null(one.Geometric);
        Assert.False(one.GeometricCheck(Inv).Conclusive);
        var none = GridDecay.Judge(Seeds(3, (_, k) => k <= 8 ? 0.01 : 1e-12), B, Floor);
        Assert.Null(none.Geometric);
    }

    [Fact]
    public void The_bandwidth_is_the_highest_harmonic_of_the_action()
    {
        Assert.Equal(1, OrbitBandwidth.Of(HessianGroup.So2));
        // 8 pixels a period: harmonics 0..4, and the Nyquist one (4) is fixed by every translation, so 3 moves.
        Assert.Equal(3, OrbitBandwidth.Of(HessianGroup.Translations));
    }
}
