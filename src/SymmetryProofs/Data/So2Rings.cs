using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Data;

namespace SymmetryProofs.Data;

/// <summary>
/// A toy set for SO(2): points in the plane whose class is the ring their radius falls in, so the
/// labels are exactly rotation invariant; angles are uniform and radii uniform in each ring.
/// </summary>
public static class So2Rings
{
    /// <summary>Ring c holds radii in [c + gap/2, c + 1 - gap/2) (in units of ringWidth): classes are separated by a gap.</summary>
    public static LabelledSet Generate(int count, int classes, Random rng, double ringWidth = 0.5, double gap = 0.2)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "Expected at least one sample.");
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), classes, "Expected at least two rings.");
        if (!(gap >= 0 && gap < 1)) throw new ArgumentOutOfRangeException(nameof(gap), gap, "Expected a gap in [0, 1).");
        var x = Matrix<double>.Build.Dense(count, 2);
        var labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            int c = i % classes;
            double r = ringWidth * (c + gap / 2 + (1 - gap) * rng.NextDouble());
            double phi = 2 * Math.PI * rng.NextDouble();
            x[i, 0] = r * Math.Cos(phi);
            x[i, 1] = r * Math.Sin(phi);
            labels[i] = c;
        }
        return new LabelledSet(x, labels, classes);
    }
}
