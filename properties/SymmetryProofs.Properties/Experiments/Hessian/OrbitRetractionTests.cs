using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Experiments.Hessian;
using SymmetryProofs.Networks;
using SymmetryProofs.Optimisation;
using SymmetryProofs.Properties.Support;
using SymmetryProofs.Spectra;
using SymmetryProofs.Symmetry;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Experiments.Hessian;

/// <summary>
/// The orbit retraction of the Newton finish (<see cref="OrbitRetraction"/>) on the translations net (64 inputs, 3 hidden,
/// 10 classes): a step along the orbit tangents lands on the orbit (W -> W U, U orthogonal, so W W^T is kept to rounding,
/// and no other parameter moves), and any step agrees with the straight step to first order (the error quarters when the
/// step halves).
/// </summary>
public sealed class OrbitRetractionTests(ITestOutputHelper output)
{
    private static readonly int[] Widths = [64, 3, 10];
    private static readonly TorusTranslations Group = new(8, 8);

    /// <summary>The retraction under test, or with <paramref name="straight"/> the straight step the control plants instead.</summary>
    private static Retraction Land(bool straight) =>
        straight ? (x, d) => x.Zip(d, (a, b) => a + b).ToArray() : OrbitRetraction.For(Widths, Group);

    private static (bool Holds, string Label) Verdict(OrbitStepCase c)
    {
        var rng = new Random(c.Seed);
        var theta = Mlp.Random(Widths, true, rng).Flatten();
        var t = FlatDirections.Tangents(Widths, true, theta, Group);
        var a = Vector<double>.Build.Dense(2, _ => (rng.NextDouble() - 0.5) * c.Coordinate / 5.0);
        var land = Land(c.Straight);
        // Along the tangents: W W^T is group-invariant (U is orthogonal), the rest of theta is untouched.
        var moved = land(theta, (t * a).ToArray());
        var w0 = ParameterLayout.Unflatten(Widths, true, theta).Weights[0];
        var w1 = ParameterLayout.Unflatten(Widths, true, moved).Weights[0];
        int first = w0.RowCount * w0.ColumnCount;
        double gram = (w1 * w1.Transpose() - w0 * w0.Transpose()).FrobeniusNorm() / (w0 * w0.Transpose()).FrobeniusNorm();
        bool restKept = theta.Skip(first).SequenceEqual(moved.Skip(first));
        // Any step: |R(x, s d) - x - s d| is second order in s.
        var d = Vector<double>.Build.Dense(theta.Length, _ => rng.NextDouble() - 0.5) + t * a;
        double Error(double s)
        {
            var step = (s * d).ToArray();
            return (Vector<double>.Build.DenseOfArray(land(theta, step)) - Vector<double>.Build.DenseOfArray(theta) - s * d).L2Norm();
        }
        double e1 = Error(1e-2), e2 = Error(5e-3);
        // 1e-12: the Gram matrix of a 3 x 64 W is kept to rounding (Pade exponential and products, ~1e-14 relative).
        bool holds = gram < 1e-12 && restKept && (c.Straight ? e1 == 0 : e2 / e1 is > 0.2 and < 0.3);
        return (holds, $"{c}: |W W^T change| / |W W^T| = {gram:G3}, rest of theta kept {restKept}, first-order errors {e1:G3} (s = 1e-2) and {e2:G3} (s = 5e-3)");
    }

    [Fact]
    public void Steps_along_the_tangents_stay_on_the_orbit_and_any_step_agrees_to_first_order()
    {
        var coverage = new Coverage(output).AtLeast(0.3, "tangent coordinates up to at least 0.3", "long steps along the orbit are what the retraction is for");
        coverage.Check(Prop.ForAll(Arbs.OrbitStepCases(), c => coverage.Case(Verdict(c), ("tangent coordinates up to at least 0.3", c.Coordinate >= 3))), maxTest: 30);
    }

    /// <summary>Negative control: the straight step along the tangents leaves the orbit (W W^T changes at second order); FsCheck shrinks to the smallest coordinate.</summary>
    [Fact]
    public void The_straight_step_leaves_the_orbit()
    {
        var found = NegativeControl.Require(Arbs.Dropped.StraightOrbitSteps(), c => Verdict(c).Holds, output, maxTest: 30);
        var shrunk = found.ShrunkAs<OrbitStepCase>();
        Assert.True(shrunk.Straight && shrunk.Coordinate == 1 && shrunk.Seed == 0, $"Expected the smallest straight case; got {shrunk}.");
    }
}
