using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Representations;
using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Checking;

/// <summary>
/// rho_in(g), the declared action of an element on the model's input coordinates: the element's own matrix for the
/// defining representation, otherwise the representation evaluated once per element of a finite group (a
/// group-convolution input's regular (x) image action is a Kronecker product worth keeping) and per case for a Lie group.
/// </summary>
internal sealed class InputAction(Representation input)
{
    private readonly Dictionary<string, Matrix<double>> cache = [];

    public Representation Representation => input;

    public Matrix<double> Matrix(GroupElement g)
    {
        if (input.IsDefining) return g.Matrix;
        if (input.Group.Order is null) return input.Rho(g);
        if (!cache.TryGetValue(g.Label, out var m)) cache[g.Label] = m = input.Rho(g);
        return m;
    }

    public Vector<double> Apply(GroupElement g, Vector<double> x) => input.IsDefining ? g.Act(x) : Matrix(g) * x;
}
