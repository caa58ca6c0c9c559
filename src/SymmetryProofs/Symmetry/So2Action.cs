using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Symmetry;

/// <summary>SO(2) rotating R^2: generator [[0, -1], [1, 0]], period 2 pi, U(t) the rotation by t.</summary>
public sealed class So2Action : LieGroupAction
{
    public So2Action() : base("SO(2) on R^2", new[] { Matrix<double>.Build.DenseOfArray(new double[,] { { 0, -1 }, { 1, 0 } }) }, new[] { 2 * Math.PI }) { }

    public override Matrix<double> Element(IReadOnlyList<double> t)
    {
        CheckCoordinates(t);
        double c = Math.Cos(t[0]), s = Math.Sin(t[0]);
        return Matrix<double>.Build.DenseOfArray(new double[,] { { c, -s }, { s, c } });
    }

    /// <summary>The invariant feature of the rotation: the squared radius |x|^2 (Sec. 4.2: the norm of the one irreducible block).</summary>
    public static Vector<double> RadiusSquared(Vector<double> x) => Vector<double>.Build.Dense(1, x.DotProduct(x));
}
