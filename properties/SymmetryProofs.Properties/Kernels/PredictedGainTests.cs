using FsCheck;
using FsCheck.Fluent;
using SymmetryProofs.Kernels;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Kernels;

/// <summary>
/// <see cref="PredictedGain"/> on spectra with a known gain. Scaling a spectrum's eigenvalues by G and dividing its
/// multiplicities by G (target power kept) gives, at every ridge delta, kappa' = G kappa(G n), the same learnabilities,
/// E0'(n) = E0(G n) and the same bias: R'(n, delta) = R(G n, delta), so the optimal-ridge risks satisfy R*'(n) = R*(G n)
/// and the horizontal gain is exactly G at every n. <see cref="PredictedGain.LogShift"/> and the exponents are pinned on
/// exact power laws and on their definitions.
/// </summary>
public class PredictedGainTests(ITestOutputHelper output)
{
    private const double NoiseVariance = 0.01;

    /// <summary>
    /// The relative error of an optimal-ridge risk: the golden-section search stops within 2e-6 decade of the minimum,
    /// where the risk is flat, so the error is second order (about 1e-11 times the curvature in log10 nu); 1e-9 allows a
    /// curvature of 100 per decade squared.
    /// </summary>
    internal const double OptimumTolerance = 1e-9;

    private static KernelSpectrum Scaled(SpectrumCase c, double g, bool keepPower = true) => new("scaled",
        c.ToSpectrum().Levels.Select(l => new SpectrumLevel(l.Eigenvalue * g, l.Multiplicity / g, keepPower ? l.TargetPower : l.TargetPower / g)));

    /// <summary>The spectrum case with enough modes that the optimal-risk curve still falls at n = 2^12 (1..6 levels, 200 modes each).</summary>
    private static SpectrumCase Wide(SpectrumCase c) => c with { Multiplicities = c.Multiplicities.Select(m => 200 * m).ToArray(), PowerPercent = c.PowerPercent.Select(p => Math.Max(p, 1)).ToArray() };

    /// <summary>
    /// A torus-like spectrum: shells r = 1..40 with eigenvalue (1 + r^2)^(-alpha/2), r^(D-1) modes and target power
    /// (1 + r^2)^(-beta/2) r^(D-1). (Spectra with eigenvalue gaps of decades can make the predicted risk bimodal in the ridge,
    /// where a hinted search finds a local optimum; the experiment's spectra are of this smooth kind.)
    /// </summary>
    public sealed record PowerLaw(int AlphaTenths, int D, int BetaTenths, int QuarterLog2G)
    {
        public double G => Math.Pow(2, QuarterLog2G / 4.0);

        public KernelSpectrum Spectrum(double g = 1, bool keepPower = true) => new("power law", Enumerable.Range(1, 40).Select(r =>
        {
            double q = 1 + r * r, modes = Math.Pow(r, D - 1), power = Math.Pow(q, -BetaTenths / 20.0) * modes;
            return new SpectrumLevel(Math.Pow(q, -AlphaTenths / 20.0) * g, modes / g, keepPower ? power : power / g);
        }));

        public override string ToString() => $"power-law spectrum alpha {AlphaTenths / 10.0}, D {D}, beta {BetaTenths / 10.0}, G = {G:G4}";
    }

    private static Arbitrary<PowerLaw> PowerLaws() => Arb.From(
        from d in Gen.Choose(1, 3)
        from a in Gen.Choose(10 * d + 2, 10 * d + 30)
        from b in Gen.Choose(10 * d + 2, 10 * d + 40)
        from q in Gen.Choose(1, 12)
        select new PowerLaw(a, d, b, q));

    private static Property GainIsG(Coverage coverage, PowerLaw c, bool keepPower)
    {
        double g = c.G;
        var gain = new PredictedGain(c.Spectrum(), c.Spectrum(g, keepPower), NoiseVariance, log2Min: 4, log2Max: 10, extra: 4);
        var results = new List<string>();
        bool holds = true;
        double minDrop = double.PositiveInfinity;
        foreach (double log2n in new[] { 6.0, 8.25, 10.0 })
        {
            double n = Math.Pow(2, log2n), nPrime = n * g;
            // The tabulated R_plain falls by |drop| (in log) over one grid step around n': an error OptimumTolerance in a log
            // risk moves the crossing by OptimumTolerance/|drop| of a step, i.e. log g by ln 2 Step OptimumTolerance/|drop|, twice (both curves).
            double drop = Math.Abs(Math.Log(gain.PlainAt(nPrime * Math.Pow(2, 0.25)).ExcessRisk / gain.PlainAt(nPrime).ExcessRisk));
            minDrop = Math.Min(minDrop, drop);
            double tol = 2 * Math.Log(2) * 0.25 * OptimumTolerance / drop;
            double found = gain.HorizontalGain(n);
            results.Add($"n = 2^{log2n}: gain {found:R} (tolerance {tol:G2})");
            holds &= Math.Abs(Math.Log(found / g)) <= tol;
        }
        return coverage.Case((holds, $"{c}, G = {g:G4}: " + string.Join("; ", results)),
            ("curve still falls at n' (drop > 1e-3 per step)", minDrop > 1e-3), ("G > 2", g > 2));
    }

    [Fact]
    public void Horizontal_gain_of_a_spectrum_scaled_by_G_is_G()
    {
        var coverage = new Coverage(output).AtLeast(0.8, "curve still falls at n' (drop > 1e-3 per step)", "a flat curve makes any shift fit");
        coverage.Check(Prop.ForAll(PowerLaws(), c => GainIsG(coverage, c, true)), maxTest: 25);
    }

    /// <summary>Negative control: dividing the target power by G too (the premise "same target" dropped) moves the gain off G.</summary>
    [Fact]
    public void Scaling_the_target_power_too_moves_the_gain_off_G()
    {
        NegativeControl.Require(PowerLaws(), c => GainIsG(new Coverage(output), c, false), output, maxTest: 25);
    }

    /// <summary>
    /// LogShift on exact power laws: R_plain = C n^a and R_inv = C (g n)^a over n = 2^6..2^12 give log g back, to a few ulps of
    /// log n ~ 10 times 1/|a| (at most 20): 1e-12. ShiftOverSizes is LogShift of the tabulated optimal risks with their own
    /// least-squares slope, computed here by hand.
    /// </summary>
    [Fact]
    public void Log_shift_recovers_the_shift_of_exact_power_laws_and_ShiftOverSizes_is_that_estimator()
    {
        var rng = new Random(5);
        var sizes = Enumerable.Range(6, 7).Select(e => 1 << e).ToArray();
        for (int trial = 0; trial < 200; trial++)
        {
            double a = -(0.05 + 2 * rng.NextDouble()), g = 1 + 40 * rng.NextDouble(), logC = 4 * rng.NextDouble() - 2;
            var plain = sizes.Select(n => logC + a * Math.Log(n)).ToArray();
            var inv = sizes.Select(n => logC + a * Math.Log(g * n)).ToArray();
            double found = PredictedGain.LogShift(plain, inv, a);
            Assert.True(Math.Abs(found - Math.Log(g)) <= 1e-12 * Math.Max(1, Math.Log(g)) / Math.Abs(a), $"a = {a}, g = {g}: log shift {found:R} vs {Math.Log(g):R}");
            // Negative control: a vertical shift by g (R_inv = R_plain / g) is a horizontal shift by g^(-1/a), not g.
            var vertical = plain.Select(v => v - Math.Log(g)).ToArray();
            Assert.True(Math.Abs(PredictedGain.LogShift(plain, vertical, a) - Math.Log(g)) > 1e-6 || Math.Abs(a + 1) < 1e-3);
        }
        var c = Wide(new SpectrumCase([0, 4, 8, 12], [1, 2, 3, 4], [50, 30, 15, 5], 10, 0));
        var gain = new PredictedGain(c.ToSpectrum(), Scaled(c, 2.5), NoiseVariance, log2Min: 4, log2Max: 12, extra: 4);
        var x = sizes.Select(n => Math.Log(n)).ToArray();
        var y = sizes.Select(n => Math.Log(gain.PlainAt(n).ExcessRisk)).ToArray();
        double mx = x.Average(), my = y.Average();
        double slope = x.Zip(y, (u, v) => (u - mx) * (v - my)).Sum() / x.Sum(u => (u - mx) * (u - mx));
        double byHand = -sizes.Select((n, i) => y[i] - Math.Log(gain.InvariantAt(n).ExcessRisk)).Average() / slope;
        double shift = gain.ShiftOverSizes(sizes);
        output.WriteLine($"ShiftOverSizes {shift:R}, by hand {Math.Exp(byHand):R}, planted G = 2.5");
        Assert.True(Math.Abs(Math.Log(shift) - byHand) <= 1e-12 * Math.Max(1, Math.Abs(byHand)) / Math.Abs(slope), $"ShiftOverSizes {shift:R} vs {Math.Exp(byHand):R}");
        // The scaled spectrum has R_inv(n) = R_plain(2.5 n), so the estimator reads the plain curve's own drop over a factor 2.5,
        // -mean_n(log R_plain(n) - log R_plain(2.5 n)) / a: G exactly only for a power law. Both optimal risks to OptimumTolerance.
        double viaScaling = -sizes.Select((n, i) => y[i] - Math.Log(gain.PlainAt(2.5 * n).ExcessRisk)).Average() / slope;
        Assert.True(Math.Abs(Math.Log(shift) - viaScaling) <= 2 * OptimumTolerance / Math.Abs(slope), $"ShiftOverSizes {shift:R} vs the plain curve's drop {Math.Exp(viaScaling):R}");
    }

    /// <summary>
    /// LocalExponent is the central difference log(R*(2n)/R*(n/2))/log 4 of the optimal-ridge risk (computed here without the
    /// ridge hint), and for a spectrum scaled by G it equals the unscaled one's at G n. Both to 2 OptimumTolerance / log 4.
    /// </summary>
    [Fact]
    public void Local_exponent_is_the_central_difference_and_moves_with_the_scaling()
    {
        double tol = 4 * OptimumTolerance / Math.Log(4);
        foreach (var c0 in new[] { new SpectrumCase([0, 4, 8, 12], [1, 2, 3, 4], [50, 30, 15, 5], 10, 0), new SpectrumCase([2, 6, 10], [3, 1, 5], [10, 80, 10], 10, 0) })
        {
            var c = Wide(c0);
            foreach (double n in new[] { 64.0, 300.0, 2048.0 })
            {
                double local = PredictedGain.LocalExponent(c.ToSpectrum(), n, NoiseVariance);
                double byHand = Math.Log(LearningCurveTheory.OptimalRidge(c.ToSpectrum(), 2 * n, NoiseVariance).ExcessRisk
                    / LearningCurveTheory.OptimalRidge(c.ToSpectrum(), n / 2, NoiseVariance).ExcessRisk) / Math.Log(4);
                double scaled = PredictedGain.LocalExponent(Scaled(c, 4), n / 4, NoiseVariance);
                output.WriteLine($"{c0}, n = {n}: local exponent {local:R}, by hand {byHand:R}, scaled spectrum at n/4 {scaled:R}");
                Assert.True(Math.Abs(local - byHand) <= tol, $"local exponent {local:R} vs central difference {byHand:R}");
                Assert.True(Math.Abs(local - scaled) <= tol, $"local exponent {local:R} vs the scaled spectrum's {scaled:R}");
                Assert.True(local < 0, "the optimal risk falls with n");
            }
        }
    }

    /// <summary>
    /// SamplesForGain returns the first n (grid scan, then bisection to 1e-3 in log2 n) where the horizontal gain reaches
    /// the target: the gain there is at least the target and 2^-0.001 n still falls short, and no grid point below does;
    /// null exactly when the gain stays below the target up to 2^Log2Max.
    /// </summary>
    [Fact]
    public void Samples_for_gain_is_the_first_crossing()
    {
        // Invariant spectrum: the plain levels scaled by 4 up to the third, the rest unscaled: the gain rises with n.
        var plain = new KernelSpectrum("plain", Enumerable.Range(0, 12).Select(j => new SpectrumLevel(Math.Pow(10, -j / 2.0), 40 * (j + 1), Math.Pow(10, -j / 3.0))));
        var inv = new KernelSpectrum("invariant", plain.Levels.Select((l, j) => j < 6 ? l : l with { Eigenvalue = l.Eigenvalue * 4, Multiplicity = l.Multiplicity / 4 }));
        var gain = new PredictedGain(plain, inv, NoiseVariance, log2Min: 4, log2Max: 14, extra: 4);
        var grid = Enumerable.Range(0, 41).Select(j => 4 + j * 0.25).ToArray();
        double gMax = grid.Max(l => gain.HorizontalGain(Math.Pow(2, l)));
        output.WriteLine("gain on the grid: " + string.Join(", ", grid.Select(l => $"2^{l}: {gain.HorizontalGain(Math.Pow(2, l)):F3}")));
        int crossings = 0;
        foreach (double target in new[] { 1.05, 1.3, 1.8, 2.5, 0.5 * (1 + gMax), gMax * 1.5 })
        {
            double? n = gain.SamplesForGain(target);
            if (n is not double found)
            {
                Assert.All(grid, l => Assert.True(gain.HorizontalGain(Math.Pow(2, l)) < target, $"target {target}: null, but the gain reaches it at 2^{l}"));
                continue;
            }
            double log2 = Math.Log2(found);
            Assert.True(gain.HorizontalGain(found) >= target, $"target {target}: gain at n = 2^{log2:F4} is {gain.HorizontalGain(found):R}");
            Assert.All(grid.Where(l => l < log2 - 1e-9), l => Assert.True(gain.HorizontalGain(Math.Pow(2, l)) < target, $"target {target}: grid point 2^{l} already reaches it before 2^{log2}"));
            if (log2 > 4) { Assert.True(gain.HorizontalGain(Math.Pow(2, log2 - 1e-3)) < target, $"target {target}: 2^{log2 - 1e-3} already reaches it"); crossings++; }
        }
        Assert.True(crossings >= 2, $"Only {crossings} interior crossings: the planted gain curve must rise through the targets.");
    }
}
