using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Symmetry;

/// <summary>
/// A compact group acting on R^n by orthogonal matrices, as data (in the manner of emlp): finite
/// groups by their elements, Lie groups by the generators of their Lie algebra, a Haar sampler and
/// quadrature grids. Every invariance property and experiment reads groups through this interface,
/// so one checker (Representations.EquivarianceCheck) and one set of axiom tests serve them all.
/// </summary>
public interface IGroupAction
{
    /// <summary>A name a person reads, for example "D4 8x8" or "SO(2) on R^2".</summary>
    string Name { get; }

    /// <summary>n: the group acts on R^n.</summary>
    int SpaceDimension { get; }

    /// <summary>The number of elements of a finite group; null for a group of positive dimension.</summary>
    int? Order { get; }

    /// <summary>The dimension of the group as a manifold: 0 for a finite group.</summary>
    int LieDimension { get; }

    /// <summary>Skew-symmetric generators A_a of the Lie algebra's action (U(exp(t A_a)) = exp(t A_a)); empty for a finite group.</summary>
    IReadOnlyList<Matrix<double>> LieGenerators { get; }

    /// <summary>
    /// Representative elements: every element of a finite group (the identity first); for a Lie
    /// group the grid of <paramref name="resolution"/> points per generator, a quadrature of the Haar average.
    /// </summary>
    IReadOnlyList<GroupElement> Representatives(int resolution);

    /// <summary>The generators as elements: those of a finite group, or a small step along each Lie generator.</summary>
    IReadOnlyList<GroupElement> GeneratorElements { get; }

    /// <summary>A Haar-random element drawn from <paramref name="rng"/> (uniform over a finite group).</summary>
    GroupElement Sample(Random rng);
}

/// <summary>One element of a group: its orthogonal matrix on R^n and a label a person can read back ("r s", "exp(0.25 A0)").</summary>
public sealed record GroupElement(string Label, Matrix<double> Matrix, bool IsIdentity)
{
    public Vector<double> Act(Vector<double> x) => Matrix * x;
    public override string ToString() => Label;
}
