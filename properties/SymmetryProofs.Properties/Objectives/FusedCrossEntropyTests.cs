using System.Runtime.Intrinsics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SymmetryProofs.Networks;
using SymmetryProofs.Objectives;
using SymmetryProofs.IO;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Objectives;

/// <summary>
/// The trainer's loss: the fused managed pass equals the MathNet network's cross-entropy and backpropagation (divided by
/// n, the mean), repeats bit for bit, and its two vector functions (exp on x &lt;= 0, tanh) agree with the runtime's.
/// </summary>
[Properties(Arbitrary = new[] { typeof(Arbs) }, MaxTest = Suite.Cases, MaxRejected = Suite.MaxRejected)]
public class FusedCrossEntropyTests(ITestOutputHelper output)
{
    /// <summary>
    /// Backpropagation sums each product over inputs and samples in its own order, the fused pass in 4-wide fused
    /// multiply-adds, and its tanh differs from Math.Tanh by a few 1e-16 absolute: the two differ by rounding, a few
    /// ulps of the terms summed, far below 1e-11 of 1 + the largest entry for nets this small (the autograd tolerance,
    /// <see cref="LossGradientTests.AutogradTolerance"/>, for the same reason).
    /// </summary>
    public const double Tolerance = LossGradientTests.AutogradTolerance;

    [Property]
    public Property Loss_and_gradient_equal_backpropagation(LossCase c) => MatchesBackpropagation(c, perturbation: 0);

    /// <summary>Negative control: the comparison sees a gradient whose largest entry is off by one part in a million, and FsCheck shrinks it to one sample of a 1-2 net.</summary>
    [Fact]
    public void The_comparison_catches_a_gradient_off_by_one_in_a_million()
    {
        var found = NegativeControl.Require(Prop.ForAll(Arbs.LossCases(), c => MatchesBackpropagation(c, perturbation: 1e-6)), output);
        var shrunk = found.ShrunkAs<LossCase>();
        int parameters = shrunk.Net.ToMlp().ParameterCount;
        Assert.True(shrunk.Data.Count == 1 && shrunk.Net.Depth == 1 && parameters <= 4,
            $"Expected one sample of a one-layer net after shrinking; got {shrunk.Data.Count} samples, depth {shrunk.Net.Depth}, {parameters} parameters.");
    }

    /// <summary>Two instances on the same data give the same loss and gradient bit for bit, and so does a repeated call (no state carried over).</summary>
    [Property(MaxTest = 20)]
    public Property Repeats_bit_for_bit(LossCase c)
    {
        var net = c.Net.ToMlp();
        var set = c.Data.ToLabelledSet();
        var theta = net.Flatten();
        var a = new FusedCrossEntropy(net.Widths, net.HasBiases, set);
        var b = new FusedCrossEntropy(net.Widths, net.HasBiases, set);
        var ga = new double[theta.Length];
        var gb = new double[theta.Length];
        var gc = new double[theta.Length];
        double la = a.Evaluate(theta, ga), lb = b.Evaluate(theta, gb), lc = a.Evaluate(theta, gc);
        bool same = Bits(la) == Bits(lb) && Bits(la) == Bits(lc) && Bits(la) == Bits(a.Loss(theta))
                    && ga.Select(Bits).SequenceEqual(gb.Select(Bits)) && ga.Select(Bits).SequenceEqual(gc.Select(Bits));
        return Prop.Label(same, $"losses {la:R}, {lb:R}, {lc:R}");
    }

    /// <summary>
    /// exp on x &lt;= 0 within 4 ulp of Math.Exp where the result is normal (x &gt;= -708), 0 below, NaN kept; x spans every
    /// binade from -708 to -2^-30 and 0 itself.
    /// </summary>
    [Fact]
    public void Vector_exp_agrees_with_Math_Exp()
    {
        var rng = new Random(7);
        int checkedValues = 0;
        for (int i = 0; i < 20000; i++)
        {
            double x = -Math.Pow(2, rng.NextDouble() * 39.47 - 30);
            if (x < -708) x = -708 + rng.NextDouble();
            double got = FusedCrossEntropy.ExpNonPositive(Vector256.Create(x))[0], want = Math.Exp(x);
            Assert.True(Math.Abs(got - want) <= 4 * Math.BitIncrement(want) - 4 * want, $"exp({x:R}) = {got:R}, Math.Exp {want:R}");
            checkedValues++;
        }
        Assert.Equal(1.0, FusedCrossEntropy.ExpNonPositive(Vector256.Create(0.0))[0]);
        Assert.Equal(0.0, FusedCrossEntropy.ExpNonPositive(Vector256.Create(-709.0))[0]);
        Assert.Equal(0.0, FusedCrossEntropy.ExpNonPositive(Vector256.Create(double.NegativeInfinity))[0]);
        Assert.True(double.IsNaN(FusedCrossEntropy.ExpNonPositive(Vector256.Create(double.NaN))[0]));
        Assert.Equal(20000, checkedValues);
    }

    /// <summary>tanh is odd bit for bit (a bias-free net stays odd) and within 4e-16 + 4 ulp of Math.Tanh (1 - e rounds near 0, see FusedCrossEntropy.Tanh).</summary>
    [Fact]
    public void Vector_tanh_is_odd_and_agrees_with_Math_Tanh()
    {
        var rng = new Random(8);
        for (int i = 0; i < 20000; i++)
        {
            double x = Math.Pow(2, rng.NextDouble() * 40 - 30);
            double plus = FusedCrossEntropy.Tanh(Vector256.Create(x))[0], minus = FusedCrossEntropy.Tanh(Vector256.Create(-x))[0];
            Assert.Equal(Bits(plus), Bits(-minus));
            double want = Math.Tanh(x);
            Assert.True(Math.Abs(plus - want) <= 4e-16 + 4 * (Math.BitIncrement(want) - want), $"tanh({x:R}) = {plus:R}, Math.Tanh {want:R}");
        }
    }

    private static Property MatchesBackpropagation(LossCase c, double perturbation)
    {
        var net = c.Net.ToMlp();
        var set = c.Data.ToLabelledSet();
        var (total, analytic) = LossGradient.Of(net, set);
        var fused = new FusedCrossEntropy(net.Widths, net.HasBiases, set);
        var gradient = new double[net.ParameterCount];
        double mean = fused.Evaluate(net.Flatten(), gradient);
        var summed = gradient.Select(g => g * set.Count).ToArray();
        if (perturbation != 0)
        {
            int largest = Enumerable.Range(0, summed.Length).MaxBy(j => Math.Abs(summed[j]));
            summed[largest] *= 1 + perturbation;
        }
        bool sameValue = Math.Abs(mean * set.Count - total) <= Tolerance * (1 + Math.Abs(total));
        return Prop.Label(sameValue, $"loss: backprop {Format.Number(total)}, fused x n {Format.Number(mean * set.Count)}")
            .And(LossGradientTests.Compare(analytic, summed, Tolerance, "fused"));
    }

    private static long Bits(double v) => BitConverter.DoubleToInt64Bits(v);
}
