using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Networks;
using SymmetryProofs.IO;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Networks;

/// <summary>Claim 2 (Bergman Eq. 4): p~_a(-x) = 1 / p~_a(x), so the class ranking of -x is that of x reversed.</summary>
public sealed class InvertedProbabilitiesTests(ITestOutputHelper output)
{
    /// <summary>
    /// |p~(-x) p~(x) - 1| allowed per class. The logits of -x are exactly -s (claim 1), so the
    /// product is exp(-s) exp(s): two exp calls (each within 1 ulp = 2^-52 relative) and one
    /// multiply (half an ulp) give at most 2.5 ulps; four ulps of 1 is the bound.
    /// </summary>
    public const double ReciprocalTolerance = 4 * 2.220446049250313e-16;

    /// <summary>p~_a(-x) p~_a(x) = 1 for every class a (Eq. 4); at least half the cases have a non-zero logit (else 1 x 1 = 1 is all that is checked).</summary>
    [Fact]
    [ClaimProperty(2)]
    public void Unnormalised_probabilities_of_minus_x_are_reciprocal()
    {
        var coverage = new Coverage(output).AtLeast(0.5, "non-zero logit", "all-zero logits only check 1 x 1 = 1");
        coverage.Check(Prop.ForAll(Arbs.NetCases(), c =>
            coverage.Case(Reciprocal(c), [.. c.Net.ShapeLabels(), ("non-zero logit", OddnessTests.HasNonZeroLogit(c))])));
    }

    /// <summary>Negative control: with biases p~(-x) p~(x) is not 1, and FsCheck shrinks the counterexample to a 1-2 net (shape asserted from a fixed replay seed).</summary>
    [Fact]
    [ClaimControl(2)]
    public void Probabilities_of_minus_x_are_not_reciprocal_with_biases_and_FsCheck_shrinks_the_counterexample()
    {
        var found = NegativeControl.Require(Arbs.Dropped.NetCasesWithBiases(), c => Reciprocal(c).ToProperty(), output, replay: ControlSeeds.Reciprocal);
        NegativeControl.AssertSingleOneToTwoLayer(found.ShrunkAs<NetCase>().Net);
    }

    private static (bool, string) Reciprocal(NetCase c)
    {
        var net = c.Net.ToMlp();
        var x = Vector<double>.Build.DenseOfArray(c.Input);
        var p = net.UnnormalisedProbabilities(x);
        var pMinus = net.UnnormalisedProbabilities(-x);
        int bad = Enumerable.Range(0, p.Count).FirstOrDefault(a => !(Math.Abs(pMinus[a] * p[a] - 1) <= ReciprocalTolerance), -1);
        return (bad < 0, bad < 0 ? "reciprocal" :
            $"class {bad}: p~(x) = {Format.Number(p[bad])}, p~(-x) = {Format.Number(pMinus[bad])}, product - 1 = {Format.Number(pMinus[bad] * p[bad] - 1)}");
    }

    /// <summary>
    /// With distinct logits, ranking the classes of -x from most to least likely gives the ranking
    /// of x reversed: the most likely class of x is the least likely of -x. Ranked by the logits,
    /// which order the classes as p~ = exp(s) does and are exactly negated at -x. With two classes
    /// reversal is only a swap: at least half the checked cases have three or more.
    /// </summary>
    [Fact]
    [ClaimProperty(2)]
    public void Class_ranking_of_minus_x_is_reversed()
    {
        var coverage = new Coverage(output).AtLeast(0.5, "three or more classes", "with two classes reversal is a swap");
        coverage.Check(Prop.ForAll(Arbs.NetCases(), c =>
        {
            var logits = c.Net.ToMlp().Logits(Vector<double>.Build.DenseOfArray(c.Input));
            bool distinct = logits.Distinct().Count() == logits.Count;
            return coverage.When(distinct, () => coverage.Case(RankingIsReversed(c), [.. c.Net.ShapeLabels(), ("three or more classes", c.Net.OutputDim >= 3)]));
        }));
    }

    /// <summary>
    /// Negative control: allow tied logits and the ranking is not reversed (tied classes keep
    /// their order under the lowest-index-first rule at both x and -x). FsCheck finds such a tie,
    /// e.g. all-zero weights; any shrink keeps a tie (asserted), and from the fixed seed it ends at a 1-2 net.
    /// </summary>
    [Fact]
    [ClaimControl(2)]
    public void Ranking_is_not_reversed_when_logits_tie_and_FsCheck_shrinks_the_counterexample()
    {
        var found = NegativeControl.Require(Arbs.NetCases(), c => RankingIsReversed(c).ToProperty(), output, maxTest: 1000, replay: ControlSeeds.RankingTies);
        var shrunk = found.ShrunkAs<NetCase>();
        var logits = shrunk.Net.ToMlp().Logits(Vector<double>.Build.DenseOfArray(shrunk.Input));
        Assert.True(logits.Distinct().Count() < logits.Count, $"The shrunk counterexample should have tied logits; got {Format.Vector(logits)}.");
        NegativeControl.AssertSingleOneToTwoLayer(shrunk.Net);
    }

    private static (bool, string) RankingIsReversed(NetCase c)
    {
        var net = c.Net.ToMlp();
        var x = Vector<double>.Build.DenseOfArray(c.Input);
        var ranking = Ranking(net.Logits(x));
        var rankingOfMinusX = Ranking(net.Logits(-x));
        bool reversed = rankingOfMinusX.SequenceEqual(ranking.Reverse());
        return (reversed, $"ranking of x: [{string.Join(", ", ranking)}], ranking of -x: [{string.Join(", ", rankingOfMinusX)}]");
    }

    /// <summary>Classes from most to least likely; equal logits keep the lower class first (as <see cref="Prediction.ArgMax"/>).</summary>
    private static int[] Ranking(Vector<double> logits) =>
        Enumerable.Range(0, logits.Count).OrderByDescending(a => logits[a]).ToArray();
}
