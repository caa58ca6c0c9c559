using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Networks;
using SymmetryProofs.Optimisation;
using SymmetryProofs.Spectra;
using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// The Newton finish's retraction along the group orbit of the first layer: a step d from theta splits into its
/// least-squares part along the orbit tangents vec(W A_a) (coefficients a) and the rest; the rest is taken straight and the
/// tangent part exactly along the orbit, W -> W U(a) with U(a) = prod_a exp(a_a A_a). To first order this is theta + d.
/// Near an augmented minimum the orbit directions are nearly flat (curvature down to 1e-10 lambda_max), so Newton's step
/// along them is long (0.1 to 0.3 in parameter norm); on the straight line the point leaves the curved orbit and climbs the
/// stiff directions, the step is cut by halving to a sixteenth and the stiff directions lose Newton's quadratic
/// convergence; along the orbit itself the step stays in the valley.
/// </summary>
internal static class OrbitRetraction
{
    /// <summary>The retraction for a net of <paramref name="widths"/> (with biases) whose input the <paramref name="group"/> acts on.</summary>
    public static Retraction For(int[] widths, LieGroupAction group)
    {
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentNullException.ThrowIfNull(group);
        if (group.SpaceDim != widths[0])
            throw new ArgumentException($"The group acts on R^{group.SpaceDim}; the network's input has {widths[0]} coordinates.", nameof(group));
        return (x, step) => Land(widths, group, x, step);
    }

    private static double[] Land(int[] widths, LieGroupAction group, double[] x, double[] step)
    {
        var t = FlatDirections.Tangents(widths, true, x, group);
        var d = Vector<double>.Build.DenseOfArray(step);
        // Least squares by the pseudo-inverse of the small Gram matrix: a tangent W A_a that vanishes (W = 0, or W in the group's fixed subspace) takes no part.
        var a = t.TransposeThisAndMultiply(t).PseudoInverse() * t.TransposeThisAndMultiply(d);
        var rest = (Vector<double>.Build.DenseOfArray(x) + d - t * a).ToArray();
        var w = ParameterLayout.Unflatten(widths, true, rest).Weights[0] * group.Element(a.ToArray());
        int offset = ParameterLayout.WeightOffset(widths, true, 0);
        for (int i = 0; i < w.RowCount; i++)
            for (int j = 0; j < w.ColumnCount; j++) rest[offset + i * w.ColumnCount + j] = w[i, j];
        return rest;
    }
}
