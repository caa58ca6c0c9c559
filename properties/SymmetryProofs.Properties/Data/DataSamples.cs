using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Data;

namespace SymmetryProofs.Properties.Data;

/// <summary>Small synthetic digits and optdigits text for the data properties, all built from an explicit seed.</summary>
internal static class DataSamples
{
    /// <summary>Lines of valid optdigits text: 64 counts 0..16 and a label 0..9 each.</summary>
    public static string[] Lines(int count, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(_ => string.Join(",", Enumerable.Range(0, Optdigits.Pixels).Select(_ => rng.Next(Optdigits.MaxCount + 1))
                .Append(rng.Next(Optdigits.Classes)).Select(v => v.ToString(CultureInfo.InvariantCulture))))
            .ToArray();
    }

    /// <summary>A set of scaled 8x8 images with labels cycling through <paramref name="classes"/> classes, class sizes unequal.</summary>
    public static LabelledSet Digits(int count, int seed, int classes = Optdigits.Classes)
    {
        var rng = new Random(seed);
        var rows = new double[count][];
        var labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            rows[i] = Enumerable.Range(0, Optdigits.Pixels).Select(_ => Optdigits.Scale(rng.Next(Optdigits.MaxCount + 1))).ToArray();
            labels[i] = (i * i + i / 3) % classes;
        }
        return new LabelledSet(Matrix<double>.Build.DenseOfRowArrays(rows), labels, classes);
    }

    /// <summary>The shipped data/optdigits above the test binaries (the one lookup the experiments use too).</summary>
    public static string? FindOptdigitsDirectory() => DataDirectory.FindShipped();

    /// <summary>The shipped digits as the experiments' data directory; fails the test when they are missing.</summary>
    public static DataDirectory Shipped()
    {
        var dir = FindOptdigitsDirectory();
        Assert.True(dir is not null, "optdigits not found: it ships in data/optdigits.");
        return DataDirectory.Resolve(dir);
    }
}
