using FsCheck;
using FsCheck.Fluent;

namespace SymmetryProofs.Properties;

/// <summary>
/// Generators and shrinkers for groups and feature maps: images of 1x1 to 4x4 pixels, sign flips
/// of a pixel, a row or a cycle, and groups of the catalogue. Plain data only; maps and groups are
/// built inside the properties.
/// </summary>
public static partial class Arbs
{
    public const int MaxImageSide = 4;

    /// <summary>
    /// Small integers (readable counterexamples, exact zeros), full-precision values in [-1, 1]
    /// (the scaled grey values of the data) and the same spread over 2^-20..2^20 (rounding at
    /// every scale): bit-for-bit claims must hold for all of them.
    /// </summary>
    public static Gen<double> PixelValues =>
        Gen.Frequency(
            (1, Gen.Choose(-3, 3).Select(k => (double)k)),
            (3, Gen.Choose(0, int.MaxValue - 1).Select(UnitValue)),
            (1, from s in Gen.Choose(0, int.MaxValue - 1)
                from e in Gen.Choose(-20, 20)
                select Math.ScaleB(UnitValue(s), e)));

    private static double UnitValue(int seed) => 2 * new Random(seed).NextDouble() - 1;

    /// <summary>
    /// Towards simpler numbers: 0, then positive before negative, then +-1, then integers before
    /// fractions. Every candidate is strictly simpler in (fraction?, |v|, negative?), so shrinking ends.
    /// </summary>
    public static IEnumerable<double> ShrinkValue(double v)
    {
        if (v == 0) yield break;
        yield return 0;
        if (v < 0) yield return -v;
        if (Math.Abs(v) != 1) yield return Math.Sign(v);
        double t = Math.Truncate(v);
        if (t != v && t != 0 && Math.Abs(t) != 1) yield return t;
    }

    public static Gen<Image> ImageGen =>
        from h in Gen.Choose(1, MaxImageSide)
        from w in Gen.Choose(1, MaxImageSide)
        from px in Gen.ArrayOf(PixelValues, h * w)
        select new Image(h, w, px);

    /// <summary>Drop a row, drop a column, then simplify one pixel.</summary>
    public static IEnumerable<Image> ShrinkImage(Image x) => ShrinkImageTracked(x).Select(t => t.Image);

    /// <summary>The shrinks of <see cref="ShrinkImage"/>, each with the old indices of the pixels it keeps, in order.</summary>
    public static IEnumerable<(Image Image, int[] Kept)> ShrinkImageTracked(Image x)
    {
        var all = Enumerable.Range(0, x.Count).ToArray();
        if (x.Height > 1)
            for (int r = 0; r < x.Height; r++)
            {
                var kept = all.Where(i => i / x.Width != r).ToArray();
                yield return (new Image(x.Height - 1, x.Width, kept.Select(i => x.Pixels[i]).ToArray()), kept);
            }
        if (x.Width > 1)
            for (int c = 0; c < x.Width; c++)
            {
                var kept = all.Where(i => i % x.Width != c).ToArray();
                yield return (new Image(x.Height, x.Width - 1, kept.Select(i => x.Pixels[i]).ToArray()), kept);
            }
        for (int i = 0; i < x.Pixels.Length; i++)
            foreach (var v in ShrinkValue(x.Pixels[i]))
            {
                var px = (double[])x.Pixels.Clone();
                px[i] = v;
                yield return (new Image(x.Height, x.Width, px), all);
            }
    }

    /// <summary>
    /// The permutation P induces on the kept points (follow P until it returns to a kept point):
    /// every cycle keeps its order and just loses its removed points. Also maps one pixel to its
    /// new index, or to the next kept point of its cycle (0 when its whole cycle is gone).
    /// </summary>
    public static (int[] P, int Pixel) Restrict(int[] p, int[] kept, int pixel)
    {
        var newIndex = Enumerable.Repeat(-1, p.Length).ToArray();
        for (int t = 0; t < kept.Length; t++) newIndex[kept[t]] = t;
        var restricted = new int[kept.Length];
        for (int t = 0; t < kept.Length; t++)
        {
            int j = p[kept[t]];
            while (newIndex[j] < 0) j = p[j];
            restricted[t] = newIndex[j];
        }
        int k = pixel;
        for (int steps = 0; newIndex[k] < 0 && steps < p.Length; steps++) k = p[k];
        return (restricted, Math.Max(newIndex[k], 0));
    }

    private static IEnumerable<int> ShrinkIndex(int raw, int normalised)
    {
        if (raw != normalised) yield return normalised;
        for (int j = 0; j < normalised; j++) yield return j;
    }

    public static Arbitrary<Image> Images() => Arb.From(ImageGen, ShrinkImage);

    public static Arbitrary<PixelFlip> PixelFlips() => Arb.From(
        from x in ImageGen from k in Gen.Choose(0, MaxImageSide * MaxImageSide - 1) select new PixelFlip(x, k),
        f => ShrinkImage(f.X).Select(x => new PixelFlip(x, f.Index)).Concat(ShrinkIndex(f.Pixel, f.Index).Select(k => f with { Pixel = k })));

    public static Arbitrary<RowFlip> RowFlips() => Arb.From(
        from x in ImageGen from r in Gen.Choose(0, MaxImageSide - 1) select new RowFlip(x, r),
        f => ShrinkImage(f.X).Select(x => new RowFlip(x, f.Index)).Concat(ShrinkIndex(f.Row, f.Index).Select(r => f with { Row = r })));

    public static Arbitrary<CycleFlip> CycleFlips() => Arb.From(
        from x in ImageGen
        from p in Gen.Shuffle(Enumerable.Range(0, x.Count))
        from k in Gen.Choose(0, x.Count - 1)
        select new CycleFlip(x, p, k),
        ShrinkCycleFlip);

    private static IEnumerable<CycleFlip> ShrinkCycleFlip(CycleFlip f)
    {
        foreach (var (x, kept) in ShrinkImageTracked(f.X))
        {
            var (p, pixel) = Restrict(f.P, kept, f.Index);
            yield return new CycleFlip(x, p, pixel);
        }
        foreach (var k in ShrinkIndex(f.Pixel, f.Index)) yield return f with { Pixel = k };
    }

    /// <summary>Two random permutations of 1..2 x MaxImageSide^2 points; shrinking drops points and moves the seeds towards 0.</summary>
    public static Arbitrary<PermutationPair> PermutationPairs() => Arb.From(
        from n in Gen.Choose(1, 2 * MaxImageSide * MaxImageSide)
        from s in Gen.Choose(0, 1000)
        from t in Gen.Choose(0, 1000)
        select new PermutationPair(n, s, t),
        ShrinkPermutationPair);

    private static IEnumerable<PermutationPair> ShrinkPermutationPair(PermutationPair pair)
    {
        if (pair.Size > 1)
        {
            yield return pair with { Size = pair.Size - 1 };
            // Dropping a point redraws both permutations; trying a few seeds keeps a non-commuting pair from getting stuck one point too large.
            for (int s = 0; s < 6; s++)
                for (int t = 0; t < 6; t++) yield return new PermutationPair(pair.Size - 1, s, t);
        }
        if (pair.SeedP > 0) yield return pair with { SeedP = pair.SeedP / 2 };
        if (pair.SeedQ > 0) yield return pair with { SeedQ = pair.SeedQ / 2 };
    }

    /// <summary>
    /// A group of the catalogue. Sign flips (2^d) and all permutations (d!) grow fast, so they get
    /// d &lt;= 4; image groups get images up to 4x4, D4 a square one.
    /// </summary>
    public static Gen<GroupChoice> GroupChoiceGen =>
        from kind in Gen.Elements(GroupChoice.Kinds)
        from h in Gen.Choose(1, MaxImageSide)
        from w in Gen.Choose(kind == GroupChoice.Permutations ? 2 : 1, MaxImageSide)
        from seed in Gen.Choose(0, 1000)
        select kind switch
        {
            GroupChoice.D4 => new GroupChoice(kind, h, h, seed),
            GroupChoice.SignFlips or GroupChoice.Permutations => new GroupChoice(kind, 1, w, seed),
            _ => new GroupChoice(kind, h, w, seed),
        };

    public static Arbitrary<GroupChoice> GroupChoices() => Arb.From(GroupChoiceGen);
}
