using FsCheck;
using FsCheck.Fluent;

namespace SymmetryProofs.Properties;

/// <summary>
/// Generators for the claims 9 to 11 tests: spectrum-preserving sign changes of an image's
/// Fourier coefficients (claim 11) and small invariant-feature training problems (claim 9).
/// Claims 8 and 10 reuse <see cref="ImageLossCases"/>.
/// </summary>
public static partial class Arbs
{
    /// <summary>
    /// An image and a sign pattern on its Fourier coefficients (bit f of the mask flips feature f's
    /// pair). Shrinks the image, then tries the mask 1 (flip the mean only), then clears one set
    /// bit: every candidate mask is smaller, so shrinking ends.
    /// </summary>
    public static Arbitrary<SpectrumPair> SpectrumPairs() => Arb.From(
        from x in ImageGen
        from mask in Gen.Choose(0, (1 << SpectrumPair.MaxFeatures) - 1)
        select new SpectrumPair(x, mask),
        p => ShrinkImage(p.X).Select(x => p with { X = x })
            .Concat(p.SignMask > 1 ? new[] { p with { SignMask = 1 } } : Array.Empty<SpectrumPair>())
            .Concat(Enumerable.Range(0, SpectrumPair.MaxFeatures).Where(b => (p.SignMask >> b & 1) == 1).Select(b => p with { SignMask = p.SignMask & ~(1 << b) })));

    /// <summary>An image and a pixel permutation (shrinking as <see cref="CycleFlips"/> does: the permutation follows the kept pixels).</summary>
    public static Arbitrary<PixelPermutation> PixelPermutations() => Arb.From(
        CycleFlips().Generator.Select(f => new PixelPermutation(f.X, f.P)),
        p => ShrinkCycleFlip(new CycleFlip(p.X, p.P, 0)).Select(f => new PixelPermutation(f.X, f.P)));

    /// <summary>
    /// Claim 9: hidden width 1..3, 2..3 classes, 6..12 samples, seeds for the data and the start.
    /// Shrinks towards one hidden unit, two classes, fewer samples and seed 0.
    /// </summary>
    public static Arbitrary<FlatnessCase> FlatnessCases() => Arb.From(
        from hidden in Gen.Choose(1, 3)
        from classes in Gen.Choose(2, 3)
        from samples in Gen.Choose(6, 12)
        from dataSeed in Gen.Choose(0, 1000)
        from startSeed in Gen.Choose(0, 1000)
        select new FlatnessCase(hidden, classes, samples, dataSeed, startSeed),
        c => c.Shrink());

    /// <summary>
    /// Kernel ridge regression problems: dimension 1..3, 1..8 points, lambda from 1e-3 to 10, a
    /// seed for the points and labels. Shrinks towards one point, dimension 1, lambda 1 and seed 0.
    /// </summary>
    public static Arbitrary<RidgeCase> RidgeCases() => Arb.From(
        from d in Gen.Choose(1, 3)
        from n in Gen.Choose(1, 8)
        from e in Gen.Choose(-3, 1)
        from seed in Gen.Choose(0, 1000)
        select new RidgeCase(d, n, Math.Pow(10, e), seed),
        c => c.Shrink());
}
