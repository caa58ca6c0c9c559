using SymmetryProofs.Features;
using SymmetryProofs.IO;

namespace SymmetryProofs.Properties;

/// <summary>
/// An image x and a sign pattern s on its Fourier coefficients: y has Y(k) = s_f X(k) and
/// Y(-k) = s_f X(-k) for the conjugate pair f of k, so y is real with the power spectrum of x.
/// </summary>
public sealed record SpectrumPair(Image X, int SignMask)
{
    /// <summary>Features of the largest generated image (4x4: (16 + 4) / 2 = 10 conjugate pairs).</summary>
    public const int MaxFeatures = 10;

    public int Sign(int feature) => (SignMask >> feature & 1) == 1 ? -1 : 1;

    public override string ToString()
    {
        var phi = new TorusPowerSpectrum(X.Height, X.Width);
        var flipped = Enumerable.Range(0, phi.OutputDim).Where(f => Sign(f) < 0).Select(f => $"({phi.Frequencies[f].K1}, {phi.Frequencies[f].K2})");
        return $"x = {X}, Fourier signs flipped at k = {{{string.Join(", ", flipped)}}} (mask {SignMask})";
    }
}

/// <summary>An image x and a permutation P of its pixels, y_i = x_{P(i)}.</summary>
public sealed record PixelPermutation(Image X, int[] P)
{
    public Image Y => new(X.Height, X.Width, P.Select(j => X.Pixels[j]).ToArray());

    public override string ToString() => $"x = {X}, P = ({string.Join(" ", P)}): y = {Y}";
}

/// <summary>
/// A small training problem for claim 9: a tanh net with one hidden layer of <see cref="Hidden"/>
/// units and <see cref="Classes"/> logits, <see cref="Samples"/> ring samples drawn with
/// <see cref="DataSeed"/>, and a start drawn with <see cref="StartSeed"/>.
/// </summary>
public sealed record FlatnessCase(int Hidden, int Classes, int Samples, int DataSeed, int StartSeed)
{
    public override string ToString() =>
        $"hidden width {Hidden}, {Classes} classes, {Samples} samples (data seed {DataSeed}), start seed {StartSeed}";

    public IEnumerable<FlatnessCase> Shrink()
    {
        if (Hidden > 1) yield return this with { Hidden = Hidden - 1 };
        if (Classes > 2) yield return this with { Classes = 2 };
        if (Samples > 2 * Classes) yield return this with { Samples = Samples - 1 };
        if (DataSeed > 0) yield return this with { DataSeed = DataSeed / 2 };
        if (StartSeed > 0) yield return this with { StartSeed = StartSeed / 2 };
    }
}

/// <summary>Element choice for the claims 8 and 10 tests.</summary>
public static class ImageLossCaseElements
{
    /// <summary>
    /// A non-identity element (index 1..order-1; index 0 is the identity) picked by the case's seed,
    /// so no check compares W with W I. The trivial group (order 1) has only the identity.
    /// </summary>
    public static int NonIdentityElement(this ImageLossCase c, int order) => order == 1 ? 0 : 1 + c.ElementSeed % (order - 1);
}

/// <summary>A kernel ridge problem: <see cref="Count"/> points in [-1, 1)^<see cref="Dimension"/> with labels in [-1, 1), drawn from <see cref="Seed"/>, and the penalty <see cref="Lambda"/>.</summary>
public sealed record RidgeCase(int Dimension, int Count, double Lambda, int Seed)
{
    public (double[][] X, double[] Y) Draw()
    {
        var rng = new Random(Seed);
        var x = Enumerable.Range(0, Count).Select(_ => Enumerable.Range(0, Dimension).Select(_ => 2 * rng.NextDouble() - 1).ToArray()).ToArray();
        var y = Enumerable.Range(0, Count).Select(_ => 2 * rng.NextDouble() - 1).ToArray();
        return (x, y);
    }

    public override string ToString()
    {
        var (x, y) = Draw();
        return $"lambda = {Format.Number(Lambda)}, {Count} point(s) in R^{Dimension} (seed {Seed}):" +
            string.Concat(x.Select((p, i) => $"\n  x{i} = {Format.Vector(p)}, y{i} = {Format.Number(y[i])}"));
    }

    public IEnumerable<RidgeCase> Shrink()
    {
        if (Count > 1) yield return this with { Count = 1 };
        if (Count > 2) yield return this with { Count = Count - 1 };
        if (Dimension > 1) yield return this with { Dimension = 1 };
        if (Lambda != 1) yield return this with { Lambda = 1 };
        if (Seed > 0) yield return this with { Seed = Seed / 2 };
    }
}
