using SymmetryProofs.Kernels;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Kernels;

/// <summary>
/// <see cref="PredictedGain"/> at the edges of its tabulated grid of log2 n (step 1/4 from Log2Min to Log2Max + extra):
/// a shift that lands below the grid is NaN, one beyond it +inf, one on its last interior points is read exactly; a
/// crossing of the target gain in the last grid step is found, one at the first grid point is that point; curves of
/// different lengths are refused. Spectra are <see cref="PredictedGainTests.PowerLaw"/> scaled by G, whose gain is G at
/// every n (<see cref="PredictedGainTests"/>), with n' = G n on a grid point so no interpolation enters.
/// </summary>
public class PredictedGainGridTests(ITestOutputHelper output)
{
    private const double NoiseVariance = 0.01;
    private static readonly PredictedGainTests.PowerLaw Law = new(25, 2, 30, 0);

    /// <summary>
    /// The tolerance on log g of <see cref="PredictedGainTests"/>: an error OptimumTolerance in each of the two log risks
    /// moves the crossing by OptimumTolerance/|drop| of a grid step, drop the plain curve's fall over the step at n'.
    /// </summary>
    private static double Tolerance(PredictedGain gain, double nPrime)
    {
        double drop = Math.Abs(Math.Log(gain.PlainAt(nPrime).ExcessRisk / gain.PlainAt(nPrime / Math.Pow(2, 0.25)).ExcessRisk));
        Assert.True(drop > 1e-3, $"the plain curve must still fall at n' = {nPrime} (drop {drop:G3} per step)");
        return 2 * Math.Log(2) * 0.25 * PredictedGainTests.OptimumTolerance / drop;
    }

    /// <summary>
    /// The same spectrum on both sides: at n = 2^Log2Min the invariant optimum is computed exactly as the first tabulated
    /// plain point (same n, no ridge hint), so the target equals the grid's first value and the gain is 2^0 = 1 exactly, not
    /// NaN; with a gain G = 1/4, n' = n/4 falls below the grid at n = 2^Log2Min (NaN) and inside it at n = 2^7.
    /// </summary>
    [Fact]
    public void A_shift_below_the_grid_is_NaN_and_the_grid_start_itself_is_inside()
    {
        var same = new PredictedGain(Law.Spectrum(), Law.Spectrum(), NoiseVariance, log2Min: 4, log2Max: 8, extra: 2);
        Assert.Equal(1.0, same.HorizontalGain(16));
        var slower = new PredictedGain(Law.Spectrum(), Law.Spectrum(0.25), NoiseVariance, log2Min: 4, log2Max: 8, extra: 2);
        Assert.True(double.IsNaN(slower.HorizontalGain(16)), $"n' = 4 lies below the grid: {slower.HorizontalGain(16):R}");
        double g = slower.HorizontalGain(128);
        output.WriteLine($"gain 1/4 read at n = 2^7: {g:R}");
        Assert.True(Math.Abs(Math.Log(g / 0.25)) <= Tolerance(slower, 32), $"gain at n = 2^7 is {g:R}, planted 1/4");
    }

    /// <summary>
    /// The plain curve is tabulated up to 2^(Log2Max + extra) = 2^14 here, 33 points: a gain 2^3.75 at n = 2^Log2Max reads
    /// the point before the last (a grid two points shorter would return +inf), a gain 2^5 leaves the grid (+inf).
    /// </summary>
    [Fact]
    public void A_shift_past_the_grid_is_infinite_and_its_last_points_are_read()
    {
        double inside = Math.Pow(2, 3.75);
        var near = new PredictedGain(Law.Spectrum(), Law.Spectrum(inside), NoiseVariance, log2Min: 4, log2Max: 10, extra: 4);
        double g = near.HorizontalGain(1024);
        output.WriteLine($"gain 2^3.75 read at n = 2^10: {g:R}");
        Assert.True(Math.Abs(Math.Log(g / inside)) <= Tolerance(near, 1024 * inside), $"gain at n = 2^10 is {g:R}, planted {inside:R}");
        var far = new PredictedGain(Law.Spectrum(), Law.Spectrum(32), NoiseVariance, log2Min: 4, log2Max: 10, extra: 4);
        Assert.Equal(double.PositiveInfinity, far.HorizontalGain(1024));
    }

    /// <summary>
    /// SamplesForGain at the grid's ends: a target below the gain at 2^Log2Min returns 2^Log2Min itself; a target equal to the
    /// gain at 2^Log2Max (reached first in the last grid step, the gain rising there) is found in that step, not null; a
    /// target above every gain is null.
    /// </summary>
    [Fact]
    public void Samples_for_gain_finds_crossings_at_both_ends_of_the_grid()
    {
        var constant = new PredictedGain(Law.Spectrum(), Law.Spectrum(Math.Sqrt(2)), NoiseVariance, log2Min: 4, log2Max: 8, extra: 2);
        Assert.Equal(16.0, constant.SamplesForGain(1.2));
        Assert.Null(constant.SamplesForGain(1.6));

        // Levels from the sixth on scaled by 4: the gain rises from about 1 towards 4 as those levels are learned.
        var plain = new KernelSpectrum("plain", Enumerable.Range(0, 12).Select(j => new SpectrumLevel(Math.Pow(10, -j / 2.0), 40 * (j + 1), Math.Pow(10, -j / 3.0))));
        var inv = new KernelSpectrum("invariant", plain.Levels.Select((l, j) => j < 6 ? l : l with { Eigenvalue = l.Eigenvalue * 4, Multiplicity = l.Multiplicity / 4 }));
        var rising = new PredictedGain(plain, inv, NoiseVariance, log2Min: 4, log2Max: 10, extra: 4);
        var grid = Enumerable.Range(0, 25).Select(j => 4 + 0.25 * j).ToArray();
        var gains = grid.Select(l => rising.HorizontalGain(Math.Pow(2, l))).ToArray();
        output.WriteLine("gain on the grid: " + string.Join(", ", grid.Select((l, j) => $"2^{l}: {gains[j]:F4}")));
        double target = gains[^1];
        Assert.True(gains.Take(24).All(v => v < target), "set-up: the gain must reach its value at 2^10 only in the last step");
        double? found = rising.SamplesForGain(target);
        Assert.NotNull(found);
        double log2 = Math.Log2(found!.Value);
        Assert.True(log2 > 9.75 && log2 <= 10, $"crossing at 2^{log2:R}, expected in (2^9.75, 2^10]");
        Assert.True(rising.HorizontalGain(found.Value) >= target, $"gain at the crossing {rising.HorizontalGain(found.Value):R} < target {target:R}");
        Assert.Null(rising.SamplesForGain(target * 1.01));
    }

    [Fact]
    public void Log_shift_refuses_curves_of_different_lengths_or_none()
    {
        Assert.Contains("same sizes", Assert.Throws<ArgumentException>(() => PredictedGain.LogShift([1.0, 2.0], [1.0], -1)).Message);
        Assert.Throws<ArgumentException>(() => PredictedGain.LogShift([], [], -1));
        Assert.Equal(Math.Log(2), PredictedGain.LogShift([0.0], [-Math.Log(2)], -1), 15);
    }
}
