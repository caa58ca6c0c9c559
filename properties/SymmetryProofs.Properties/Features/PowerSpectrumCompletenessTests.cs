using Complex = System.Numerics.Complex;
using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Features;
using SymmetryProofs.IO;
using SymmetryProofs.Properties.Support;
using SymmetryProofs.Symmetry;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Features;

/// <summary>
/// Claim 11 for the cyclic translations of an h x w image (Sec. 4.2): the power spectrum, the
/// norms of the irreducible (Fourier) blocks, is invariant, obeys Parseval, and is NOT complete:
/// FsCheck finds two images with the same spectrum that no translation relates.
/// </summary>
public class PowerSpectrumCompletenessTests(ITestOutputHelper output)
{
    private const double U = 1.1102230246251565e-16;

    /// <summary>
    /// Error of Re or Im of one DFT coefficient, relative to |x|_1: the sum of hw products adds at
    /// most (hw - 1) u |x|_1, and each factor cos/sin(phase) is off by at most ~51 u (the phase, of
    /// size up to 4 pi, is rounded in about 4 operations: 4 x 4 pi u ~ 50 u, plus 1 u in cos/sin).
    /// </summary>
    public static double CoefficientError(int pixels) => (pixels + 51) * U;

    /// <summary>One power feature (re^2 + im^2) / hw is off by at most 4 |x|_1 CoefficientError |x|_1 / hw (|re| + |im| &lt;= 2 |x|_1); two such differ by twice that.</summary>
    public static double InvarianceTolerance(int pixels) => 8 * CoefficientError(pixels) / pixels;

    /// <summary>sum_f m_f phi_f weighs hw feature errors of 4 CE |x|_1^2 / hw; both sums add at most hw u |x|_1^2 of their own rounding.</summary>
    public static double ParsevalTolerance(int pixels) => 4 * CoefficientError(pixels) + 2 * pixels * U;

    /// <summary>A pixel of the inverse DFT: the (1/hw) sum of hw terms, each carrying 2 CE |x|_1 from its coefficient and CE |x|_1 from its own phase and sum: 3 CE |x|_1.</summary>
    public static double PixelTolerance(int pixels) => 3 * CoefficientError(pixels);

    private static double L1(Vector<double> x) => x.L1Norm();

    /// <summary>phi(T x) = phi(x) for every cyclic translation T of the image (all hw of them).</summary>
    [Fact]
    [ClaimProperty(11)]
    public void Power_spectrum_is_invariant_under_every_cyclic_translation()
    {
        var coverage = new Coverage(output).AtLeast(0.8, "some translate differs from x", "an image fixed by every translation checks nothing");
        coverage.Check(Prop.ForAll(Arbs.Images(), x =>
        {
            var (holds, label) = InvariantUnder(x, Translates(x.Height, x.Width, x.Vector));
            bool moves = Translates(x.Height, x.Width, x.Vector).Any(y => !y.Equals(x.Vector));
            return coverage.Case((holds, label), ("some translate differs from x", moves), ("image", $"{x.Height}x{x.Width}"));
        }));
    }

    /// <summary>Negative control: a pixel permutation that need not be a translation changes the spectrum.</summary>
    [Fact]
    [ClaimControl(11)]
    public void Pixel_permutations_change_the_spectrum_and_FsCheck_shrinks_the_counterexample()
    {
        static (bool, string) Check(PixelPermutation p) => InvariantUnder(p.X, new[] { p.Y.Vector });
        var found = NegativeControl.Require(Prop.ForAll(Arbs.PixelPermutations(), p => { var (h, l) = Check(p); return Prop.Label(h, l); }), output);
        var shrunk = found.ShrunkAs<PixelPermutation>();
        Assert.False(Check(shrunk).Item1, "The shrunk case must falsify the property by returning false.");
        // Up to 3 pixels every permutation is a translation or a reflection (S3 = D3), and reflections keep the spectrum: a counterexample needs 4 pixels or more.
        Assert.True(shrunk.X.Count >= 4, $"Expected 4 pixels or more; got {shrunk.X}.");
    }

    /// <summary>Parseval: sum_f m_f phi_f(x) = |x|^2, where m_f = 2 for a conjugate pair {k, -k} and 1 for a self-conjugate k.</summary>
    [Fact]
    [ClaimProperty(11)]
    public void Power_spectrum_obeys_Parseval()
    {
        var coverage = new Coverage(output).AtLeast(0.5, "has a conjugate pair k != -k", "with every frequency self-conjugate the weights do not matter");
        coverage.Check(Prop.ForAll(Arbs.Images(), x =>
        {
            var (holds, label) = Parseval(x, weighted: true);
            bool pairs = x.Height > 2 || x.Width > 2;
            return coverage.Case((holds, label), ("has a conjugate pair k != -k", pairs));
        }));
    }

    /// <summary>Negative control: counting each conjugate pair once breaks Parseval as soon as a pair exists (a side of 3 or more).</summary>
    [Fact]
    [ClaimControl(11)]
    public void Parseval_without_multiplicities_fails_and_FsCheck_shrinks_the_counterexample()
    {
        var found = NegativeControl.Require(Prop.ForAll(Arbs.Images(), x => { var (h, l) = Parseval(x, weighted: false); return Prop.Label(h, l); }), output);
        var shrunk = found.ShrunkAs<Image>();
        Assert.False(Parseval(shrunk, weighted: false).Holds, "The shrunk case must falsify the property by returning false.");
        Assert.True(Math.Min(shrunk.Height, shrunk.Width) == 1 && Math.Max(shrunk.Height, shrunk.Width) == 3,
            $"Expected a 1x3 or 3x1 image after shrinking (the smallest with a conjugate pair); got {shrunk}.");
    }

    /// <summary>
    /// Not complete: "same spectrum implies related by a translation" is false. FsCheck finds an
    /// image and a sign change of its Fourier coefficients that keeps the spectrum but is no
    /// translate, and shrinks it; the smallest is x = [1] and y = -x (the spectrum is even, and -x
    /// is not a translate).
    /// </summary>
    [Fact]
    [ClaimControl(11)]
    public void Power_spectrum_is_not_complete_and_FsCheck_shrinks_two_non_translates_with_equal_spectra()
    {
        var found = NegativeControl.Require(Prop.ForAll(Arbs.SpectrumPairs(), p => { var (h, l) = SameSpectrumMeansTranslate(p, upToSign: false); return Prop.Label(h, l); }), output);
        var shrunk = found.ShrunkAs<SpectrumPair>();
        Assert.False(SameSpectrumMeansTranslate(shrunk, upToSign: false).Holds, "The shrunk case must falsify the property by returning false.");
        Assert.True(shrunk.X.Count == 1, $"Expected a single pixel after shrinking; got {shrunk}.");
    }

    /// <summary>Not complete even up to sign: FsCheck finds equal spectra with y != +-T x for every translation T, and shrinks it.</summary>
    [Fact]
    [ClaimControl(11)]
    public void Power_spectrum_is_not_complete_up_to_sign_and_FsCheck_shrinks_the_counterexample()
    {
        var found = NegativeControl.Require(Prop.ForAll(Arbs.SpectrumPairs(), p => { var (h, l) = SameSpectrumMeansTranslate(p, upToSign: true); return Prop.Label(h, l); }), output);
        var shrunk = found.ShrunkAs<SpectrumPair>();
        Assert.False(SameSpectrumMeansTranslate(shrunk, upToSign: true).Holds, "The shrunk case must falsify the property by returning false.");
        // 1x1 and 1x2 images: every sign pattern gives +-x or a translate of it; so do other 2-pixel images.
        Assert.True(shrunk.X.Count >= 3 && shrunk.X.Count <= 4, $"Expected 3 or 4 pixels after shrinking; got {shrunk}.");
    }

    private static IEnumerable<Vector<double>> Translates(int h, int w, Vector<double> x)
    {
        var group = GroupCatalog.Translations(h, w);
        return Enumerable.Range(0, group.Order).Select(g => group.Act(g, x));
    }

    private static (bool Holds, string Label) InvariantUnder(Image x, IEnumerable<Vector<double>> images)
    {
        var phi = new TorusPowerSpectrum(x.Height, x.Width);
        var before = phi.Apply(x.Vector);
        double tolerance = InvarianceTolerance(x.Count) * Math.Pow(L1(x.Vector), 2);
        foreach (var y in images)
        {
            double gap = (phi.Apply(y) - before).InfinityNorm();
            if (gap > tolerance)
                return (false, $"phi(x) = {Format.Vector(before)}, phi(y) = {Format.Vector(phi.Apply(y))} for y = {Image.Show(x.Height, x.Width, y.ToArray())}: gap {Format.Number(gap)} > {Format.Number(tolerance)}");
        }
        return (true, "");
    }

    private static (bool Holds, string Label) Parseval(Image x, bool weighted)
    {
        var phi = new TorusPowerSpectrum(x.Height, x.Width);
        var features = phi.Apply(x.Vector);
        double sum = Enumerable.Range(0, phi.OutputDim).Sum(f => (weighted ? phi.Multiplicity(f) : 1) * features[f]);
        double energy = x.Vector.DotProduct(x.Vector);
        double tolerance = ParsevalTolerance(x.Count) * Math.Pow(L1(x.Vector), 2);
        return (Math.Abs(sum - energy) <= tolerance,
            $"sum of features {Format.Number(sum)}, |x|^2 = {Format.Number(energy)}, tolerance {Format.Number(tolerance)}");
    }

    /// <summary>The image whose Fourier coefficients are those of x with the pair signs of <paramref name="p"/>.</summary>
    public static Vector<double> SignChanged(SpectrumPair p)
    {
        var phi = new TorusPowerSpectrum(p.X.Height, p.X.Width);
        var coefficients = TorusFourier.Transform(p.X.Vector, p.X.Height, p.X.Width);
        for (int f = 0; f < phi.OutputDim; f++)
        {
            var (k1, k2) = phi.Frequencies[f];
            var (c1, c2) = TorusFourier.Conjugate(p.X.Height, p.X.Width, k1, k2);
            coefficients[k1 * p.X.Width + k2] *= p.Sign(f);
            if ((c1, c2) != (k1, k2)) coefficients[c1 * p.X.Width + c2] *= p.Sign(f);
        }
        return TorusFourier.Inverse(coefficients, p.X.Height, p.X.Width);
    }

    /// <summary>
    /// The completeness property that must fail: when phi(y) = phi(x) (within the tolerance of
    /// two spectra), y is within <see cref="PixelTolerance"/> |x|_1 of some translate T x (or of
    /// +-T x when <paramref name="upToSign"/>).
    /// </summary>
    private static (bool Holds, string Label) SameSpectrumMeansTranslate(SpectrumPair p, bool upToSign)
    {
        var x = p.X.Vector;
        var y = SignChanged(p);
        var phi = new TorusPowerSpectrum(p.X.Height, p.X.Width);
        double scale = L1(x);
        // y's spectrum carries y's own rounding (PixelTolerance |x|_1 per pixel, times hw pixels in each coefficient) on top of two spectra.
        double spectrumTolerance = (InvarianceTolerance(p.X.Count) + 4 * p.X.Count * PixelTolerance(p.X.Count)) * scale * scale;
        double spectrumGap = (phi.Apply(y) - phi.Apply(x)).InfinityNorm();
        if (spectrumGap > spectrumTolerance) return (true, "spectra differ: premise not met");
        double pixelTolerance = PixelTolerance(p.X.Count) * scale;
        var candidates = Translates(p.X.Height, p.X.Width, x).ToList();
        if (upToSign) candidates.AddRange(candidates.Select(t => -t).ToList());
        double nearest = candidates.Min(t => (y - t).InfinityNorm());
        return (nearest <= pixelTolerance,
            $"y = {Image.Show(p.X.Height, p.X.Width, y.Select(v => Math.Round(v, 12) + 0.0).ToArray())} has the spectrum {Format.Vector(phi.Apply(x))} of x, " +
            $"but is {Format.Number(nearest)} from the nearest {(upToSign ? "+-" : "")}translate of x");
    }
}
