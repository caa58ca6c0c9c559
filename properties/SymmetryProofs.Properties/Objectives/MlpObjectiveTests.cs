using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Objectives;
using SymmetryProofs.Networks;
using SymmetryProofs.Runtime;
using SymmetryProofs.IO;
using SymmetryProofs.Properties.Objectives;
using SymmetryProofs.Properties.Support;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace SymmetryProofs.Properties.Objectives;

/// <summary>
/// The R-operator objective (hand-written backpropagation, Pearlmutter's HVP, the block-structured
/// full Hessian) against autograd, central differences of its own gradient, and a closed form.
/// </summary>
[Properties(Arbitrary = new[] { typeof(Arbs) }, MaxTest = Suite.Cases)]
public class MlpObjectiveTests(ITestOutputHelper output)
{
    /// <summary>The L2 penalty of the experiment's objective, kept on so its terms are checked too.</summary>
    private const double Penalty = 0.01;

    /// <summary>
    /// |R-operator - autograd| per entry, relative to 1 + the largest entry: the same derivatives
    /// summed in different orders (torch's products block their sums, the R-passes contract per
    /// layer), so they differ by a few ulps of the terms, far below 1e-11 for nets this small.
    /// </summary>
    private const double AutogradTolerance = LossGradientTests.AutogradTolerance;

    /// <summary>
    /// |H v - (g(theta + h v) - g(theta - h v)) / 2h| per entry, relative to 1 + max |H v|: with
    /// h = 1e-5 the truncation error is h^2 |d^4 f| / 6 ~ 1e-10 and the rounding error u |g| / h ~
    /// 1e-11 for these nets; 1e-6 leaves room for steep cases and still sees a wrong term.
    /// </summary>
    private const double FiniteDifferenceTolerance = 1e-6;

    /// <summary>The gradient by backpropagation equals TorchSharp autograd of cross_entropy + (penalty/2) |theta|^2.</summary>
    [Property]
    public Property Gradient_matches_autograd(LossCase c)
    {
        using var scope = torch.NewDisposeScope();
        var f = Fixture.Of(c);
        var (value, gradient) = f.Rop.ValueAndGradient(f.Theta);
        var (torchValue, autograd) = f.Autograd.ValueAndGradient(f.Theta);
        return Prop.Label(Math.Abs(value - torchValue) <= AutogradTolerance * (1 + Math.Abs(torchValue)), $"loss {Format.Number(value)} vs autograd {Format.Number(torchValue)}")
            .And(LossGradientTests.Compare(gradient, autograd, AutogradTolerance, "gradient vs autograd"));
    }

    /// <summary>Pearlmutter's R-operator: H v equals double backward d/dtheta (grad . v), for any direction v.</summary>
    [Property]
    public Property Hvp_matches_double_backward(LossCase c, int seed)
    {
        using var scope = torch.NewDisposeScope();
        var f = Fixture.Of(c);
        var v = Direction(seed, f.Theta.Length);
        return LossGradientTests.Compare(f.Rop.HessianVectorProduct(f.Theta, v), f.Autograd.HessianVectorProduct(f.Theta, v), AutogradTolerance, "H v vs double backward");
    }

    /// <summary>Three directions through one batched pair of R-passes give the same products as one at a time.</summary>
    [Property]
    public Property Batched_hvps_equal_single_hvps(LossCase c, int seed)
    {
        using var scope = torch.NewDisposeScope();
        var f = Fixture.Of(c);
        var directions = Enumerable.Range(0, 3).Select(k => Direction(seed + k, f.Theta.Length)).ToArray();
        var batched = f.Rop.HessianVectorProducts(f.Theta, directions);
        return directions
            .Select((v, k) => LossGradientTests.Compare(batched[k], f.Rop.HessianVectorProduct(f.Theta, v), AutogradTolerance, $"direction {k}: batched vs single"))
            .Aggregate((a, b) => a.And(b));
    }

    /// <summary>H v equals the central difference of the objective's own gradient along v.</summary>
    [Property]
    public Property Hvp_matches_central_differences_of_the_gradient(LossCase c, int seed)
    {
        using var scope = torch.NewDisposeScope();
        var f = Fixture.Of(c);
        var v = Direction(seed, f.Theta.Length);
        const double h = FiniteDifferences.Step;
        var plus = f.Rop.ValueAndGradient(f.Theta.Zip(v, (t, d) => t + h * d).ToArray()).Gradient;
        var minus = f.Rop.ValueAndGradient(f.Theta.Zip(v, (t, d) => t - h * d).ToArray()).Gradient;
        var numeric = plus.Zip(minus, (p, m) => (p - m) / (2 * h)).ToArray();
        return LossGradientTests.Compare(f.Rop.HessianVectorProduct(f.Theta, v), numeric, FiniteDifferenceTolerance, "H v vs central differences");
    }

    /// <summary>
    /// The block-structured Hessian equals autograd's row-by-row Hessian, however the sum over
    /// samples is chunked (chunk sizes down to one sample per contraction).
    /// </summary>
    [Property]
    public Property Full_hessian_matches_autograd_rows(LossCase c, PositiveInt chunkElements)
    {
        using var scope = torch.NewDisposeScope();
        var f = Fixture.Of(c, chunkElements.Get);
        var rop = f.Rop.Hessian(f.Theta);
        var autograd = f.Autograd.Hessian(f.Theta);
        return LossGradientTests.Compare(rop.ToRowMajorArray(), autograd.ToRowMajorArray(), AutogradTolerance, "Hessian entry (row-major) vs autograd");
    }

    /// <summary>
    /// The symmetric assembly (diagonal blocks over pairs) equals the default general one within the autograd tolerance
    /// (the same terms summed in another grouping), so it matches autograd too, and is exactly symmetric, as its pairs make it.
    /// </summary>
    [Property]
    public Property Both_assemblies_match_autograd_and_the_symmetric_one_is_exactly_symmetric(LossCase c, PositiveInt chunkElements)
    {
        using var scope = torch.NewDisposeScope();
        var f = Fixture.Of(c, chunkElements.Get);
        var symmetric = new MlpObjective(f.Net, f.Inputs, f.Labels, Penalty) { ChunkElements = chunkElements.Get, Assembly = HessianAssembly.Symmetric }.Hessian(f.Theta);
        var general = f.Rop.Hessian(f.Theta);
        var autograd = f.Autograd.Hessian(f.Theta);
        bool exactlySymmetric = symmetric.Equals(symmetric.Transpose());
        return LossGradientTests.Compare(general.ToRowMajorArray(), autograd.ToRowMajorArray(), AutogradTolerance, "general assembly vs autograd")
            .And(LossGradientTests.Compare(symmetric.ToRowMajorArray(), general.ToRowMajorArray(), AutogradTolerance, "symmetric vs general assembly"))
            .And(exactlySymmetric.Label("the symmetric assembly equals its transpose exactly"));
    }

    /// <summary>
    /// The flop count on a 2-3-2 net with biases and 5 samples, derived by hand from the code: R-pass 2*5*3*3*2 = 180;
    /// block (0,1): contraction 2*5*3*(3*2*4) = 720, its operand Y 5*3*2*4 + 2*5*3*2*3 = 300, the R-pass back to layer 0
    /// 2*5*3*2*3 = 180; the diagonal blocks, general 2*5*3*(3*3*3) = 810 and 2*5*4*(2*2*4) = 640 with Y 135 and 80,
    /// symmetric over every input product and the unit pairs, 2*5*9*6 = 540 and 2*5*16*3 = 480 with P and Q 5*9 + 2*5*6 = 105 and 5*16 + 2*5*3 = 110.
    /// </summary>
    [Fact]
    public void The_flop_count_is_the_one_derived_from_the_code()
    {
        TorchSetup.Initialise();
        using var scope = torch.NewDisposeScope();
        var net = new TorchMlp([2, 3, 2], withBiases: true);
        var inputs = torch.zeros(5, 2, dtype: float64);
        var labels = torch.zeros(5, dtype: int64);
        Assert.Equal(new HessianFlops(2530, 515), new MlpObjective(net, inputs, labels).Flops());
        Assert.Equal(new HessianFlops(2100, 515), new MlpObjective(net, inputs, labels) { Assembly = HessianAssembly.Symmetric }.Flops());
    }

    /// <summary>For linear logits (a depth-1 bias-free net) the Hessian is the softmax covariance times x x^T.</summary>
    [Fact]
    public void Hessian_of_softmax_regression_matches_closed_form()
    {
        using var scope = torch.NewDisposeScope();
        var rng = new Random(11);
        int n = 7, m = 3, k = 4;
        var x = Matrix<double>.Build.Dense(n, m, (_, _) => 2 * rng.NextDouble() - 1);
        var labels = Enumerable.Range(0, n).Select(_ => (long)rng.Next(k)).ToArray();
        var w = Matrix<double>.Build.Dense(k, m, (_, _) => rng.NextDouble() - 0.5);
        var objective = new MlpObjective(new TorchMlp(new[] { m, k }, withBiases: false), Tensors.Float64(x.ToRowMajorArray(), [n, m]), Tensors.Int64(labels));
        var h = objective.Hessian(new Mlp(new[] { w }).Flatten());
        var expected = SoftmaxRegression.Hessian(w, x);
        Assert.True((h - expected).FrobeniusNorm() < 1e-13 * Math.Max(1, expected.FrobeniusNorm()), $"differs by {(h - expected).FrobeniusNorm():G3}");
    }

    /// <summary>
    /// Negative control: the double-backward comparison sees the second-order terms. The
    /// Gauss-Newton product J^T (diag p - p p^T) J v / n + penalty v (what remains when the curvature
    /// of tanh and of the layer products is dropped) equals H v for linear logits only; FsCheck
    /// finds a net with a hidden layer where it differs and shrinks it.
    /// </summary>
    [Fact]
    public void Gauss_Newton_product_fails_the_double_backward_check()
    {
        var found = NegativeControl.Require(Prop.ForAll(Arbs.LossCases(), c =>
        {
            using var scope = torch.NewDisposeScope();
            var f = Fixture.Of(c);
            var v = Direction(1, f.Theta.Length);
            return LossGradientTests.Compare(f.GaussNewtonProduct(v), f.Autograd.HessianVectorProduct(f.Theta, v), AutogradTolerance, "Gauss-Newton v vs H v");
        }), output);
        var shrunk = found.ShrunkAs<LossCase>();
        int parameters = shrunk.Net.ToMlp().ParameterCount;
        Assert.True(shrunk.Net.Depth >= 2 && shrunk.Data.Count == 1 && parameters <= 8,
            $"Expected one sample and a net with a hidden layer and at most 8 parameters after shrinking; got {shrunk.Data.Count} samples, depth {shrunk.Net.Depth}, {parameters} parameters.");
    }

    [Fact]
    public void Bad_arguments_say_what_was_expected()
    {
        using var scope = torch.NewDisposeScope();
        TorchSetup.Initialise();
        var net = new TorchMlp(new[] { 2, 3, 2 }, withBiases: true);
        var inputs = torch.zeros(4, 2, dtype: float64);
        var wrongLabels = Assert.Throws<ArgumentException>(() => new MlpObjective(net, inputs, Tensors.Int64(new long[] { 0, 1, 2, 0 })));
        Assert.Contains("expected class indices in [0, 1]", wrongLabels.Message);
        var wrongShape = Assert.Throws<ArgumentException>(() => new MlpObjective(net, torch.zeros(4, 3, dtype: float64), Tensors.Int64(new long[4])));
        Assert.Contains("expected float64 [n, 2]", wrongShape.Message);
        var nanInput = Assert.Throws<ArgumentException>(() => new MlpObjective(net, torch.full(4, 2, double.NaN, dtype: float64), Tensors.Int64(new long[4])));
        Assert.Contains("NaN", nanInput.Message);
        var objective = new MlpObjective(net, inputs, Tensors.Int64(new long[4]));
        var nanTheta = Assert.Throws<ArgumentException>(() => objective.ValueAndGradient(Enumerable.Repeat(double.NaN, net.ParameterCount).ToArray()));
        Assert.Contains("Entry 0 is NaN", nanTheta.Message);
        var shortV = Assert.Throws<ArgumentException>(() => objective.HessianVectorProduct(new double[net.ParameterCount], new double[3]));
        Assert.Contains($"Expected {net.ParameterCount} entries; got 3", shortV.Message);
    }

    private static double[] Direction(int seed, int n)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => 2 * rng.NextDouble() - 1).ToArray();
    }

    /// <summary>Both objectives on one generated case; the tensors belong to the caller's dispose scope.</summary>
    private sealed record Fixture(MlpObjective Rop, TorchObjective Autograd, double[] Theta, TorchMlp Net, Tensor Inputs, Tensor Labels)
    {
        public static Fixture Of(LossCase c, long chunkElements = 1L << 20)
        {
            TorchSetup.Initialise();
            var net = new TorchMlp(c.Net.Widths, c.Net.HasBiases);
            var set = c.Data.ToLabelledSet();
            var inputs = Tensors.Float64(set.Inputs.ToRowMajorArray(), [set.Count, set.Dimension]);
            var labels = Tensors.Int64(set.Labels.Select(l => (long)l).ToArray());
            var rop = new MlpObjective(net, inputs, labels, Penalty) { ChunkElements = chunkElements };
            var autograd = new TorchObjective(th => nn.functional.cross_entropy(net.Logits(th, inputs), labels) + 0.5 * Penalty * (th * th).sum(), net.ParameterCount);
            return new Fixture(rop, autograd, c.Net.ToMlp().Flatten(), net, inputs, labels);
        }

        /// <summary>J^T Lambda J v / n + penalty v by autograd: J v through the double-vjp trick (J^T u is linear in u).</summary>
        public double[] GaussNewtonProduct(double[] v)
        {
            using var scope = torch.NewDisposeScope();
            var th = Tensors.Float64(Theta).requires_grad_(true);
            var direction = Tensors.Float64(v);
            var logits = Net.Logits(th, Inputs);
            var u = torch.zeros_like(logits).requires_grad_(true);
            var jtu = torch.autograd.grad(new[] { logits }, new[] { th }, new[] { u }, retain_graph: true, create_graph: true)[0];
            var jv = torch.autograd.grad(new[] { (jtu * direction).sum() }, new[] { u })[0];
            var p = logits.detach().softmax(1);
            var lambdaJv = p * (jv - (p * jv).sum(1, keepdim: true)) / logits.shape[0];
            var product = torch.autograd.grad(new[] { logits }, new[] { th }, new[] { lambdaJv })[0];
            return (product + Penalty * direction).data<double>().ToArray();
        }
    }
}
