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

    /// <summary>The repository's data/optdigits or ../shared/data/optdigits, searched upwards from the test binaries.</summary>
    public static string? FindOptdigitsDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "data", "optdigits"), Path.Combine(dir.FullName, "shared", "data", "optdigits") })
                if (File.Exists(Path.Combine(candidate, Optdigits.TestFile)) && File.Exists(Path.Combine(candidate, Optdigits.TrainFile)))
                    return candidate;
        return null;
    }
}
