using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Networks;

/// <summary>Claim 1 (Bergman Sec. 2.2): a bias-free net with odd activations is odd, s(-x) = -s(x).</summary>
[Properties(Arbitrary = new[] { typeof(Arbs) }, MaxTest = Suite.Cases, MaxRejected = Suite.MaxRejected)]
[Trait("Claim", "1")]
public class OddnessTests(ITestOutputHelper output)
{
    /// <summary>
    /// s(-x) = -s(x) bit for bit: negation is exact, every sum keeps its order, and tanh is odd in
    /// IEEE arithmetic. The one allowed difference is the sign of an exact zero: the sums start
    /// from +0, so a zero logit is +0 at both x and -x, and -s(x) is then -0.
    /// </summary>
    [Property]
    public Property Bias_free_tanh_net_is_odd(NetCase c) => IsOdd(c);

    /// <summary>Negative control: with biases the net is not odd, and FsCheck shrinks the counterexample to a 1-2 net.</summary>
    [Fact]
    public void Net_with_biases_is_not_odd_and_FsCheck_shrinks_the_counterexample()
    {
        var found = NegativeControl.Require(Prop.ForAll(Arbs.Dropped.NetCasesWithBiases(), IsOdd), output);
        var shrunk = found.ShrunkAs<NetCase>();
        NegativeControl.AssertSingleOneToTwoLayer(shrunk.Net);
    }

    internal static Property IsOdd(NetCase c)
    {
        var net = c.Net.ToMlp();
        var x = Vector<double>.Build.DenseOfArray(c.Input);
        var s = net.Logits(x);
        var sOfMinusX = net.Logits(-x);
        int bad = Enumerable.Range(0, s.Count).FirstOrDefault(a => !SameBitsUpToZeroSign(sOfMinusX[a], -s[a]), -1);
        return Prop.Label(bad < 0,
            bad < 0 ? "odd" : $"class {bad}: s(-x) = {Format(sOfMinusX[bad])} but -s(x) = {Format(-s[bad])}");
    }

    /// <summary>Adding +0.0 maps -0 to +0 and leaves every other double unchanged.</summary>
    public static bool SameBitsUpToZeroSign(double a, double b) =>
        BitConverter.DoubleToInt64Bits(a + 0.0) == BitConverter.DoubleToInt64Bits(b + 0.0);

    private static string Format(double v) => SymmetryProofs.IO.Format.Number(v);
}
