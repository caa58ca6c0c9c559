using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Representations;

/// <summary>
/// A basis of the equivariant linear maps W: V_in -> V_out (rho_out(g) W = W rho_in(g) for every g),
/// orthonormal in the Frobenius inner product, with the route that found it and its time.
/// </summary>
public sealed record EquivariantBasis(Representation Input, Representation Output, IReadOnlyList<Matrix<double>> Maps, string Method, TimeSpan Elapsed)
{
    public int Dimension => Maps.Count;

    /// <summary>sum_i c_i W_i (the coefficients' count must equal <see cref="Dimension"/>).</summary>
    public Matrix<double> Combine(IReadOnlyList<double> coefficients)
    {
        if (coefficients.Count != Dimension) throw new ArgumentException($"Expected {Dimension} coefficients; got {coefficients.Count}.", nameof(coefficients));
        var w = Matrix<double>.Build.Dense(Output.Dimension, Input.Dimension);
        for (int i = 0; i < Dimension; i++)
            if (coefficients[i] != 0) w += coefficients[i] * Maps[i];
        return w;
    }

    /// <summary>The largest constraint residual |rho_out(c) W - W rho_in(c)|_F over the generators c and the basis maps W (each of unit norm).</summary>
    public double MaxResidual() =>
        Maps.Count == 0 ? 0 : Maps.Max(w => Representation.Constraints(Input, Output, w).Select(r => r.FrobeniusNorm()).DefaultIfEmpty(0).Max());

    /// <summary>
    /// The equivariance check of one map W through the shared checker: the group acts on R^(n_in + n_out)
    /// by rho_in + rho_out, and f(x_in, x_out) = (0, W x_in), so f(U(g) x) = rho(g) f(x) says exactly
    /// rho_out(g) W x_in = W rho_in(g) x_in. When input and output are one representation, the group is
    /// its own and f = W. <paramref name="scaleFloor"/> is the checker's floor of the error's denominator.
    /// </summary>
    public EquivarianceCheck Check(Matrix<double> w, string name, Tolerance tolerance, double scaleFloor = 0)
    {
        if (ReferenceEquals(Input, Output))
            return new EquivarianceCheck { Name = name, Group = Input.Action, Function = x => w * x, Output = Representation.Defining(Input.Action), Tolerance = tolerance, ScaleFloor = scaleFloor };
        var joint = Representation.DirectSum(Input, Output);
        int nIn = Input.Dimension;
        return new EquivarianceCheck
        {
            Name = name, Group = joint.Action, Output = Representation.Defining(joint.Action), Tolerance = tolerance, ScaleFloor = scaleFloor,
            Function = x =>
            {
                var y = Vector<double>.Build.Dense(joint.Dimension);
                y.SetSubVector(nIn, Output.Dimension, w * x.SubVector(0, nIn));
                return y;
            },
        };
    }

    public override string ToString() => $"Hom_G({Input.Name}, {Output.Name}): dimension {Dimension} by {Method} in {Elapsed.TotalMilliseconds:F0} ms";
}
