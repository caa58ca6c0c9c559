using MathNet.Numerics.LinearAlgebra;
using FsCheck.Xunit;
using SymmetryProofs.Objectives;
using SymmetryProofs.Networks;
using SymmetryProofs.Runtime;
using SymmetryProofs.Properties.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryProofs.Properties.Objectives;

/// <summary>Hessian-vector products and the full Hessian, checked three ways: closed form, finite differences, symmetry.</summary>
public class TorchObjectiveTests
{
    /// <summary>A small tanh net with biases and cross-entropy on random data, the shape the experiment uses.</summary>
    private static (TorchObjective Objective, double[] Theta) SmallNet(int seed, int[] widths)
    {
        TorchSetup.Initialise();
        var rng = new Random(seed);
        int n = 12;
        var x = Enumerable.Range(0, n * widths[0]).Select(_ => 2 * rng.NextDouble() - 1).ToArray();
        var y = Enumerable.Range(0, n).Select(_ => (long)rng.Next(widths[^1])).ToArray();
        var net = new TorchMlp(widths, withBiases: true);
        var theta = Mlp.Random(widths, true, rng).Flatten();
        var objective = new TorchObjective(th =>
        {
            var inputs = torch.tensor(x, dtype: float64).view(n, widths[0]);
            var labels = torch.tensor(y, dtype: int64);
            return nn.functional.cross_entropy(net.Logits(th, inputs), labels) + 0.01 * (th * th).sum();
        }, net.ParameterCount);
        return (objective, theta);
    }

    /// <summary>H v from double backward equals the central difference (g(theta + h v) - g(theta - h v)) / 2h.</summary>
    [Property(MaxTest = 10)]
    public bool Hvp_matches_finite_difference_of_gradient(int seed)
    {
        var (obj, theta) = SmallNet(seed, new[] { 3, 4, 3 });
        var rng = new Random(seed + 1);
        var v = Enumerable.Range(0, theta.Length).Select(_ => 2 * rng.NextDouble() - 1).ToArray();
        var hv = Vector<double>.Build.DenseOfArray(obj.HessianVectorProduct(theta, v));
        const double h = 1e-5;
        var plus = Vector<double>.Build.DenseOfArray(obj.Gradient(theta.Zip(v, (a, b) => a + h * b).ToArray()));
        var minus = Vector<double>.Build.DenseOfArray(obj.Gradient(theta.Zip(v, (a, b) => a - h * b).ToArray()));
        var fd = (plus - minus) / (2 * h);
        // Central differences err by O(h^2 |third derivative|) ~ 1e-10 plus rounding eps/h ~ 1e-11: 1e-7 relative is a wide margin.
        return (hv - fd).L2Norm() <= 1e-7 * Math.Max(1, hv.L2Norm());
    }

    /// <summary>The full Hessian is symmetric to rounding, and its product with v equals the HVP.</summary>
    [Fact]
    public void Full_hessian_is_symmetric_and_matches_hvp()
    {
        var (obj, theta) = SmallNet(5, new[] { 4, 3, 2, 3 });
        var h = obj.Hessian(theta);
        var (sym, asym) = TorchObjective.Symmetrised(h);
        Assert.True(asym < 1e-12, $"relative asymmetry {asym:G3}");
        var rng = new Random(6);
        var v = Vector<double>.Build.Dense(theta.Length, _ => rng.NextDouble() - 0.5);
        var hv = Vector<double>.Build.DenseOfArray(obj.HessianVectorProduct(theta, v.ToArray()));
        Assert.True((sym * v - hv).L2Norm() < 1e-12 * Math.Max(1, hv.L2Norm()));
    }

    /// <summary>
    /// Closed form for a linear-logit net s = W x with mean cross-entropy: H[(a,j),(b,k)] =
    /// mean_i (p_a delta_ab - p_a p_b) x_j x_k (the softmax covariance times x x^T).
    /// </summary>
    [Fact]
    public void Hessian_of_softmax_regression_matches_closed_form()
    {
        TorchSetup.Initialise();
        var rng = new Random(11);
        int n = 7, m = 3, c = 4;
        var x = Matrix<double>.Build.Dense(n, m, (_, _) => 2 * rng.NextDouble() - 1);
        var labels = Enumerable.Range(0, n).Select(_ => (long)rng.Next(c)).ToArray();
        var net = new TorchMlp(new[] { m, c }, withBiases: false);
        var w = Matrix<double>.Build.Dense(c, m, (_, _) => rng.NextDouble() - 0.5);
        var theta = new Mlp(new[] { w }).Flatten();
        var obj = new TorchObjective(th =>
            nn.functional.cross_entropy(net.Logits(th, torch.tensor(x.ToRowMajorArray(), dtype: float64).view(n, m)), torch.tensor(labels, dtype: int64)), net.ParameterCount);
        var h = obj.Hessian(theta);
        var expected = SoftmaxRegression.Hessian(w, x);
        Assert.True((h - expected).FrobeniusNorm() < 1e-13 * Math.Max(1, expected.FrobeniusNorm()), $"differs by {(h - expected).FrobeniusNorm():G3}");
    }

    /// <summary>Closed form for a quadratic 1/2 theta^T A theta + b^T theta: H = A exactly (up to the symmetrisation of A).</summary>
    [Fact]
    public void Hessian_of_quadratic_is_its_matrix()
    {
        TorchSetup.Initialise();
        var rng = new Random(2);
        int n = 5;
        var a = Matrix<double>.Build.Dense(n, n, (_, _) => rng.NextDouble() - 0.5);
        a = a + a.Transpose();
        var b = Enumerable.Range(0, n).Select(_ => rng.NextDouble()).ToArray();
        var obj = new TorchObjective(th =>
        {
            var at = torch.tensor(a.ToRowMajorArray(), dtype: float64).view(n, n);
            return 0.5 * th.dot(at.mv(th)) + th.dot(torch.tensor(b, dtype: float64));
        }, n);
        var h = obj.Hessian(Enumerable.Range(0, n).Select(i => (double)i).ToArray());
        Assert.True((h - a).FrobeniusNorm() < 1e-14 * a.FrobeniusNorm());
    }
}
