using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Representations;
using SymmetryProofs.Properties.Support;
using SymmetryProofs.Symmetry;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Networks;

/// <summary>Claim 1 (Bergman Sec. 2.2): a bias-free net with odd activations is odd, s(-x) = -s(x).</summary>
public sealed class OddnessTests(ITestOutputHelper output)
{
    /// <summary>
    /// s(-x) = -s(x) bit for bit: negation is exact, every sum keeps its order, and tanh is odd in
    /// IEEE arithmetic. The one allowed difference is the sign of an exact zero: the sums start
    /// from +0, so a zero logit is +0 at both x and -x, and -s(x) is then -0. Cases where every
    /// logit is 0 (x = 0, a zero layer) check only 0 = 0: at least half must have a non-zero logit.
    /// </summary>
    [Fact]
    [ClaimProperty(1)]
    public void Bias_free_tanh_net_is_odd()
    {
        var coverage = new Coverage(output).AtLeast(0.5, "non-zero logit", "all-zero logits only check 0 = 0");
        coverage.Check(Prop.ForAll(Arbs.NetCases(), c =>
            coverage.Case(Odd(c), [.. c.Net.ShapeLabels(), ("non-zero logit", HasNonZeroLogit(c)), ("x = 0", c.Input.All(v => v == 0))])));
    }

    /// <summary>Negative control: with biases the net is not odd, and FsCheck shrinks the counterexample to a 1-2 net (shape asserted from a fixed replay seed).</summary>
    [Fact]
    [ClaimControl(1)]
    public void Net_with_biases_is_not_odd_and_FsCheck_shrinks_the_counterexample()
    {
        var found = NegativeControl.Require(Arbs.Dropped.NetCasesWithBiases(), IsOdd, output, replay: ControlSeeds.Oddness);
        NegativeControl.AssertSingleOneToTwoLayer(found.ShrunkAs<NetCase>().Net);
    }

    internal static Property IsOdd(NetCase c) => Odd(c).ToProperty();

    internal static bool HasNonZeroLogit(NetCase c) =>
        c.Net.ToMlp().Logits(Vector<double>.Build.DenseOfArray(c.Input)).Any(v => v != 0);

    /// <summary>
    /// Through the suite's one equivariance check: output action -I, compared exactly (a relative
    /// error of 0 means every logit of s(-x) equals the one of -s(x); +0 and -0 compare equal).
    /// </summary>
    private static (bool, string) Odd(NetCase c)
    {
        var net = c.Net.ToMlp();
        var inversion = GroupCatalog.Inversion(net.InputDim);
        var check = new EquivarianceCheck
        {
            Name = "bias-free tanh net is odd",
            Group = inversion,
            Function = net.Logits,
            Output = Representation.Character(inversion, "negation", g => g.IsIdentity ? 1 : -1).Copies(net.OutputDim),
            Tolerance = Tolerance.Exact,
        };
        var r = check.Evaluate(Vector<double>.Build.DenseOfArray(c.Input), inversion.GeneratorElements[0]);
        return (r.Holds, r.Holds ? "odd" : r.ToString());
    }

    /// <summary>Adding +0.0 maps -0 to +0 and leaves every other double unchanged.</summary>
    public static bool SameBitsUpToZeroSign(double a, double b) =>
        BitConverter.DoubleToInt64Bits(a + 0.0) == BitConverter.DoubleToInt64Bits(b + 0.0);

    private static string Format(double v) => SymmetryProofs.IO.Format.Number(v);
}
