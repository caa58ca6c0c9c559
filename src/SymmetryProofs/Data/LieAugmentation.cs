using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Data;
using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Data;

/// <summary>
/// Augmenting a data set by a Lie group action: every sample by the same K^d grid elements
/// (a quadrature of the orbit average in Eq. 15), or every sample by its own m Haar-random
/// elements (Eq. 17), which keeps only the expectation of the loss invariant.
/// </summary>
public static class LieAugmentation
{
    /// <summary>Sample-major order: the K^d images of sample 0 first, labels copied.</summary>
    public static LabelledSet Grid(LabelledSet set, LieGroupAction group, int k) =>
        Apply(set, group.GridCoordinates(k).Select(group.Element).ToArray(), perSample: false);

    /// <summary>m independent Haar-random elements per sample, drawn from the explicit generator in sample order.</summary>
    public static LabelledSet Random(LabelledSet set, LieGroupAction group, int m, Random rng)
    {
        if (m < 1) throw new ArgumentOutOfRangeException(nameof(m), m, "Expected at least one random element per sample.");
        var elements = Enumerable.Range(0, set.Count * m).Select(_ => group.Element(group.RandomCoordinates(rng))).ToArray();
        return Apply(set, elements, perSample: true);
    }

    private static LabelledSet Apply(LabelledSet set, Matrix<double>[] elements, bool perSample)
    {
        if (set.Dimension != elements[0].ColumnCount)
            throw new ArgumentException($"Data have dimension {set.Dimension}; the group acts on R^{elements[0].ColumnCount}.", nameof(set));
        int per = perSample ? elements.Length / set.Count : elements.Length;
        var rows = Matrix<double>.Build.Dense(set.Count * per, set.Dimension);
        var labels = new int[set.Count * per];
        for (int i = 0; i < set.Count; i++)
        {
            var x = set.Input(i);
            for (int e = 0; e < per; e++)
            {
                var u = elements[perSample ? i * per + e : e];
                rows.SetRow(i * per + e, u * x);
                labels[i * per + e] = set.Labels[i];
            }
        }
        return new LabelledSet(rows, labels, set.Classes);
    }
}
