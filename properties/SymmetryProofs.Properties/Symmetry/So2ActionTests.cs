using MathNet.Numerics.LinearAlgebra;
using FsCheck.Xunit;
using SymmetryProofs.Symmetry;
using SymmetryProofs.Data;

namespace SymmetryProofs.Properties.Symmetry;

/// <summary>SO(2) on R^2 and the ring data whose labels depend on the radius only.</summary>
public class So2ActionTests
{
    /// <summary>The closed-form rotation equals exp(t A) from the generator, and exp(2 pi A) = I (the period).</summary>
    [Property(MaxTest = 30)]
    public bool Rotation_equals_exponential_of_generator(int seed)
    {
        var g = new So2Action();
        double t = new Random(seed).NextDouble() * 20 - 10;
        return (g.Element(new[] { t }) - LieExponential.Exp(t * g.Generators[0])).FrobeniusNorm() < 1e-12 * Math.Max(1, Math.Abs(t))
            && (LieExponential.Exp(g.Periods[0] * g.Generators[0]) - Matrix<double>.Build.DenseIdentity(2)).FrobeniusNorm() < 1e-12;
    }

    /// <summary>Rotating a ring sample keeps its radius (so its label) to rounding; the squared radius is the invariant feature.</summary>
    [Fact]
    public void Ring_labels_are_rotation_invariant()
    {
        var set = So2Rings.Generate(60, 3, new Random(1));
        var g = new So2Action();
        var rng = new Random(2);
        for (int i = 0; i < set.Count; i++)
        {
            var x = set.Input(i);
            var y = g.Element(g.RandomCoordinates(rng)) * x;
            double r0 = So2Action.RadiusSquared(x)[0], r1 = So2Action.RadiusSquared(y)[0];
            Assert.True(Math.Abs(r0 - r1) <= 1e-14 * Math.Max(1, r0), $"sample {i}: |x|^2 = {r0}, |Ux|^2 = {r1}");
            int ring = (int)Math.Floor(Math.Sqrt(r1) / 0.5);
            Assert.Equal(set.Labels[i], ring);
        }
    }
}
