using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Representations;

/// <summary>
/// How far y is from the orbit of x: min_g |U(g) x - y|, exactly over a finite group's elements, and
/// bracketed for a torus: the minimum over the K^d grid is an upper bound, and since
/// |d/dt_a U(t) x| = |A_a x| (commuting orthogonal factors), every t lies within T_a / (2K) of a grid
/// point in each coordinate, so the grid minimum minus sum_a T_a |A_a x| / (2K) is a lower bound.
/// A positive lower bound proves that no group element relates x and y.
/// </summary>
internal sealed record OrbitDistance(double Upper, double Lower, string Nearest)
{
    /// <summary>
    /// The distance from y to the orbit of x; <paramref name="elements"/> may pass <c>group.Representatives(resolution)</c>
    /// computed once, when many pairs are measured.
    /// </summary>
    public static OrbitDistance Between(IGroupAction group, Vector<double> x, Vector<double> y, int resolution = 64, IReadOnlyList<GroupElement>? elements = null)
    {
        ArgumentNullException.ThrowIfNull(group);
        elements ??= group.Representatives(resolution);
        var best = elements.Select(g => (Distance: (g.Act(x) - y).L2Norm(), g.Label)).MinBy(p => p.Distance);
        if (group.Order is int) return new OrbitDistance(best.Distance, best.Distance, best.Label);
        if (group is not LieGroupAction lie) throw new ArgumentException($"{group.Name}: a Lie group is read through LieGroupAction (generators and periods).", nameof(group));
        double slack = lie.Generators.Select((a, i) => lie.Periods[i] * (a * x).L2Norm() / (2 * resolution)).Sum();
        return new OrbitDistance(best.Distance, best.Distance - slack, best.Label);
    }

    public override string ToString() => Upper == Lower ? $"distance {Upper:G4} (nearest: {Nearest})" : $"distance in [{Lower:G4}, {Upper:G4}] (nearest grid element: {Nearest})";
}
