using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Data;
using SymmetryProofs.Symmetry;
using SymmetryProofs.Networks;

namespace SymmetryProofs.Objectives;

/// <summary>
/// The augmented utility of Eq. 15: Omega(theta) = sum_i sum_{g in G} L(y_i, f(U(g) x_i; theta)),
/// the loss on the whole orbit of every sample. Because W (U(h) U(g) x) runs over the same orbit
/// as g does, Omega(W U(h), rest) = Omega(W, rest) (Eq. 16, claim 8).
/// </summary>
public static class AugmentedUtility
{
    /// <summary>
    /// The orbit-augmented set: for each sample i, the rows U(g) x_i for g = Elements[0..|G|-1], in
    /// that order, all with label y_i.
    /// </summary>
    public static LabelledSet Augment(LabelledSet set, FiniteGroup group)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(group);
        if (group.Dimension != set.Dimension)
            throw new ArgumentException($"Group '{group.Name}' acts on R^{group.Dimension}; the data set has dimension {set.Dimension}.", nameof(group));
        var rows = new List<Vector<double>>(set.Count * group.Order);
        var labels = new List<int>(set.Count * group.Order);
        for (int i = 0; i < set.Count; i++)
        {
            var x = set.Input(i);
            for (int g = 0; g < group.Order; g++)
            {
                rows.Add(group.Act(g, x));
                labels.Add(set.Labels[i]);
            }
        }
        return new LabelledSet(Matrix<double>.Build.DenseOfRowVectors(rows), labels, set.Classes);
    }

    /// <summary>Omega(theta) of Eq. 15 for the parameters of <paramref name="net"/>.</summary>
    public static double Of(Mlp net, LabelledSet set, FiniteGroup group) => CrossEntropy.Total(net, Augment(set, group));

    /// <summary>grad Omega in <see cref="ParameterLayout"/> order, and Omega itself.</summary>
    public static (double Value, double[] Gradient) WithGradient(Mlp net, LabelledSet set, FiniteGroup group) =>
        LossGradient.Of(net, Augment(set, group));
}
