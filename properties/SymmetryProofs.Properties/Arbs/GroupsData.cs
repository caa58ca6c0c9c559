using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Symmetry;
using SymmetryProofs.Features;
using SymmetryProofs.IO;

namespace SymmetryProofs.Properties;

/// <summary>An h x w image stored row-major, printed as a person writes it: "2x2 image [[1, -1], [0, 0.5]]".</summary>
public sealed record Image(int Height, int Width, double[] Pixels)
{
    public int Count => Height * Width;
    public Vector<double> Vector => Vector<double>.Build.DenseOfArray(Pixels);
    public double this[int r, int c] => Pixels[r * Width + c];

    public static string Show(int height, int width, IReadOnlyList<double> pixels) =>
        $"{height}x{width} image [" + string.Join(", ", Enumerable.Range(0, height)
            .Select(r => "[" + string.Join(", ", Enumerable.Range(0, width).Select(c => Format.Number(pixels[r * width + c]))) + "]")) + "]";

    public override string ToString() => Show(Height, Width, Pixels);
}

/// <summary>An image and the index of one pixel whose sign is flipped (taken modulo the pixel count).</summary>
public sealed record PixelFlip(Image X, int Pixel)
{
    public int Index => Pixel % X.Count;
    public double[] Flipped() => X.Pixels.Select((v, i) => i == Index ? -v : v).ToArray();
    public override string ToString() => $"x = {X}, flip pixel {Index}: y = {Image.Show(X.Height, X.Width, Flipped())}";
}

/// <summary>An image and one row whose signs are all flipped (taken modulo the height).</summary>
public sealed record RowFlip(Image X, int Row)
{
    public int Index => Row % X.Height;
    public double[] Flipped() => X.Pixels.Select((v, i) => i / X.Width == Index ? -v : v).ToArray();
    public override string ToString() => $"x = {X}, flip row {Index}: y = {Image.Show(X.Height, X.Width, Flipped())}";
}

/// <summary>
/// An image, a permutation P of its pixels ((P x)_i = x_{P(i)}, as in <see cref="SymmetryProofs.Features.PermutationProductsMap"/>)
/// and the cycle of P through one pixel (a fixed point is a cycle of length 1), whose signs are flipped.
/// </summary>
public sealed record CycleFlip(Image X, int[] P, int Pixel)
{
    public int Index => Pixel % X.Count;

    /// <summary>The cycle of P through <see cref="Index"/>, starting there.</summary>
    public int[] FlippedCycle
    {
        get
        {
            var cycle = new List<int> { Index };
            for (int i = P[Index]; i != Index; i = P[i]) cycle.Add(i);
            return cycle.ToArray();
        }
    }

    public double[] Flipped() { var f = FlippedCycle; return X.Pixels.Select((v, i) => f.Contains(i) ? -v : v).ToArray(); }

    public override string ToString() =>
        $"x = {X}, P = ({string.Join(" ", P)}), flip cycle ({string.Join(" ", FlippedCycle)}): y = {Image.Show(X.Height, X.Width, Flipped())}";
}

/// <summary>One group of the catalogue for an h x w image (or for R^(h w) when the group ignores the image shape).</summary>
public sealed record GroupChoice(string Kind, int Height, int Width, int Seed)
{
    public const string Inversion = "inversion", Translations = "translations", Mirror = "mirror", D4 = "D4",
        SignFlips = "sign flips", Permutations = "permutations", RandomCycles = "random cycles";

    public static readonly string[] Kinds = { Inversion, Translations, Mirror, D4, SignFlips, Permutations, RandomCycles };

    public int Dimension => Height * Width;

    public FiniteGroup Build() => Kind switch
    {
        Inversion => GroupCatalog.Inversion(Dimension),
        Translations => GroupCatalog.Translations(Height, Width),
        Mirror => GroupCatalog.HorizontalMirror(Height, Width),
        D4 => GroupCatalog.Dihedral4(Height),
        SignFlips => GroupCatalog.SignFlips(Dimension),
        Permutations => GroupCatalog.CoordinatePermutations(Dimension),
        RandomCycles => GroupCatalog.RandomPermutations(Dimension, Seed),
        _ => throw new ArgumentException($"Unknown group kind '{Kind}'.", nameof(Kind)),
    };

    public override string ToString() => Kind switch
    {
        D4 => $"D4 on a {Height}x{Height} image",
        SignFlips or Permutations or Inversion => $"{Kind} on R^{Dimension}",
        RandomCycles => $"random cycles on R^{Dimension} (seed {Seed})",
        _ => $"{Kind} of a {Height}x{Width} image",
    };
}

/// <summary>Two permutations of Size points drawn from seeds, printed as p = (p(0) p(1) ...).</summary>
public sealed record PermutationPair(int Size, int SeedP, int SeedQ)
{
    public Permutation P => new(SymmetryProofs.Features.PermutationProductsMap.FromSeed(Size, SeedP).Permutation);
    public Permutation Q => new(SymmetryProofs.Features.PermutationProductsMap.FromSeed(Size, SeedQ).Permutation);
    public override string ToString() => $"p = {P}, q = {Q} on {Size} points";
}
