using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Data;
using SymmetryProofs.Symmetry;
using SymmetryProofs.Objectives;
using SymmetryProofs.Spectra;
using SymmetryProofs.Optimisation;
using SymmetryProofs.Networks;
using SymmetryProofs.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryProofs.Properties.Spectra;

/// <summary>
/// Claim 9 and "Flat directions, precisely": when Omega(W U(g)) = Omega(W) for all g of a Lie group,
/// &lt;grad Omega, W A&gt; = 0 everywhere and H vec(W A) = 0 at a critical point.
/// </summary>
public class FlatDirectionsTests
{
    private static readonly int[] Widths = { 2, 3, 1 };

    /// <summary>
    /// A model quadratic in the first layer, f(x) = sum_j v_j (w_j . x)^2, with squared error over
    /// K rotated copies of each sample: the loss is a trigonometric polynomial of degree 4 in the
    /// rotation angle, so the K-point average equals the orbit integral exactly once K >= 5, and
    /// the augmented loss is invariant under the whole of SO(2), not only under Z_K.
    /// </summary>
    private static TorchObjective QuadraticModel(int k, double penalty)
    {
        TorchSetup.Initialise();
        var set = So2Rings.Generate(9, 3, new Random(21));
        var aug = LieAugmentation.Grid(set, new So2Action(), k);
        int n = aug.Count;
        var x = aug.Inputs.ToRowMajorArray();
        var y = aug.Labels.Select(l => (double)l).ToArray();
        return new TorchObjective(th =>
        {
            var w = th.narrow(0, 0, 6).view(3, 2);
            var v = th.narrow(0, 6, 3);
            var hidden = torch.tensor(x, dtype: float64).view(n, 2).matmul(w.t());
            var f = (hidden * hidden).matmul(v);
            var r = f - torch.tensor(y, dtype: float64);
            return (r * r).mean() + 0.5 * penalty * (th * th).sum();
        }, 9);
    }

    private static double[] Start()
    {
        var r = new Random(5);
        return Enumerable.Range(0, 9).Select(_ => r.NextDouble() - 0.5).ToArray();
    }

    [Fact]
    public void Gradient_is_orthogonal_to_orbit_tangent_everywhere()
    {
        var obj = QuadraticModel(8, 1e-3);
        var theta = Start();
        var g = Vector<double>.Build.DenseOfArray(obj.Gradient(theta));
        var t = FlatDirections.Tangents(Widths, false, theta, new So2Action()).Column(0);
        Assert.True(Math.Abs(g.DotProduct(t)) < 1e-13 * g.L2Norm() * t.L2Norm(), $"<g, WA> = {g.DotProduct(t):G3}");
    }

    /// <summary>Negative control: K = 2 does not integrate a degree-4 trigonometric polynomial, and the gradient sees the tangent.</summary>
    [Fact]
    public void Coarse_quadrature_breaks_the_orthogonality()
    {
        var obj = QuadraticModel(2, 1e-3);
        var theta = Start();
        var g = Vector<double>.Build.DenseOfArray(obj.Gradient(theta));
        var t = FlatDirections.Tangents(Widths, false, theta, new So2Action()).Column(0);
        Assert.True(Math.Abs(g.DotProduct(t)) > 1e-4 * g.L2Norm() * t.L2Norm(), $"<g, WA> = {g.DotProduct(t):G3}");
    }

    /// <summary>At a critical point (|grad| &lt; 1e-8, L-BFGS then Newton) the tangent is a zero mode and the near-null eigenspace is its span.</summary>
    [Fact]
    public void Tangent_is_a_zero_mode_at_a_critical_point()
    {
        var obj = QuadraticModel(8, 1e-3);
        var cp = new CriticalPointSolver().Solve(obj, Start());
        Assert.True(cp.Converged, $"|g| = {cp.GradientNorm:G3}");
        var (h, _) = TorchObjective.Symmetrised(obj.Hessian(cp.Theta));
        var spec = SymmetricSpectrum.Of(h);
        var t = FlatDirections.Tangents(Widths, false, cp.Theta, new So2Action());
        double curvature = FlatDirections.RayleighQuotient(h, t.Column(0));
        Assert.True(Math.Abs(curvature) < 1e-7 * spec.MaxAbs, $"curvature along W A = {curvature:G3}, lambda_max = {spec.MaxAbs:G3}");
        var nearNull = spec.NearNull(1e-6);
        Assert.Single(nearNull);
        var angles = FlatDirections.PrincipalAnglesDegrees(spec.Columns(nearNull), t);
        Assert.True(angles[0] < 1e-3, $"angle {angles[0]} degrees");
    }

    /// <summary>Cross-entropy is exactly invariant under the softmax gauge, so its Hessian annihilates the gauge directions at any point.</summary>
    [Fact]
    public void Softmax_gauge_directions_are_null_for_cross_entropy()
    {
        TorchSetup.Initialise();
        var widths = new[] { 3, 4, 3 };
        var rng = new Random(31);
        int n = 10;
        var x = Enumerable.Range(0, n * 3).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var y = Enumerable.Range(0, n).Select(_ => (long)rng.Next(3)).ToArray();
        var net = new TorchMlp(widths, true);
        var obj = new TorchObjective(th => nn.functional.cross_entropy(net.Logits(th, torch.tensor(x, dtype: float64).view(n, 3)), torch.tensor(y, dtype: int64)), net.ParameterCount);
        var theta = Mlp.Random(widths, true, rng).Flatten();
        var (h, _) = TorchObjective.Symmetrised(obj.Hessian(theta));
        var gauge = FlatDirections.Gauge(widths, true);
        Assert.Equal(5, gauge.ColumnCount);
        Assert.True((h * gauge).FrobeniusNorm() < 1e-12 * Math.Max(1, h.FrobeniusNorm()));
    }

    [Fact]
    public void Principal_angles_of_known_planes()
    {
        var a = Matrix<double>.Build.DenseOfColumnArrays(new[] { 1.0, 0, 0 }, new[] { 0.0, 1, 0 });
        var b = Matrix<double>.Build.DenseOfColumnArrays(new[] { 1.0, 0, 0 }, new[] { 0.0, Math.Cos(0.3), Math.Sin(0.3) });
        var angles = FlatDirections.PrincipalAnglesDegrees(a, b);
        Assert.True(Math.Abs(angles[0]) < 1e-6 && Math.Abs(angles[1] - 0.3 * 180 / Math.PI) < 1e-9, string.Join(", ", angles));
    }
}
