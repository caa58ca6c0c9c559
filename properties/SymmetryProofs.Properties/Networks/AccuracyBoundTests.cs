using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.IO;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Networks;

/// <summary>Claim 3 (Bergman Eqs. 5-6): R + R-bar &lt;= 1 for bias-free odd nets, given a precondition the paper omits.</summary>
[Properties(Arbitrary = new[] { typeof(Arbs) }, MaxTest = Suite.Cases, MaxRejected = Suite.MaxRejected)]
[Trait("Claim", "3")]
public class AccuracyBoundTests(ITestOutputHelper output)
{
    /// <summary>
    /// R + R-bar &lt;= 1 for every bias-free net and labelled set in which no sample has all its
    /// logits equal. Precondition: for every sample, max_a s_a(x) &gt; min_a s_a(x). Then x is
    /// classed argmax s and -x (logits -s) argmin s, two different classes whatever the tie rule,
    /// so at most one of x and -x is right. Counted in integers: correct(X) + correct(-X) &lt;= n.
    /// </summary>
    [Property]
    public Property Accuracy_plus_inverted_accuracy_at_most_one(NetSetCase c)
    {
        var net = c.Net.ToMlp();
        var set = c.Data.ToLabelledSet();
        bool precondition = Enumerable.Range(0, set.Count).All(i => !AllLogitsEqual(net.Logits(set.Input(i))));
        return Prop.When(precondition, () => Bound(c));
    }

    /// <summary>
    /// Negative control: without the precondition the bound fails. FsCheck finds a sample whose
    /// logits all tie (a zero input or a zero layer) and shrinks it to one sample of a 1-2 net;
    /// the shrunk case must violate the precondition, which is how the suite discovers it.
    /// </summary>
    [Fact]
    public void Accuracy_bound_fails_without_the_precondition_and_FsCheck_shrinks_the_counterexample()
    {
        var found = NegativeControl.Require(Prop.ForAll(Arbs.NetSetCases(), Bound), output, maxTest: 2000);
        var shrunk = found.ShrunkAs<NetSetCase>();
        var net = shrunk.Net.ToMlp();
        var set = shrunk.Data.ToLabelledSet();
        Assert.True(Enumerable.Range(0, set.Count).Any(i => AllLogitsEqual(net.Logits(set.Input(i)))),
            "The shrunk counterexample should contain a sample whose logits all tie.");
        Assert.True(shrunk.Data.Count == 1 && shrunk.Net.InputDim == 1 && shrunk.Net.Depth == 1 && shrunk.Net.OutputDim == 2,
            $"Expected one sample of a 1-2 net; got {shrunk.Data.Count} sample(s), widths {string.Join("-", shrunk.Net.Widths)}.");
    }

    private static Property Bound(NetSetCase c)
    {
        var net = c.Net.ToMlp();
        var set = c.Data.ToLabelledSet();
        var minus = set.Negated();
        int correct = 0, correctInverted = 0;
        for (int i = 0; i < set.Count; i++)
        {
            if (net.Predict(set.Input(i)) == set.Labels[i]) correct++;
            if (net.Predict(minus.Input(i)) == set.Labels[i]) correctInverted++;
        }
        return Prop.Label(correct + correctInverted <= set.Count,
            $"R = {correct}/{set.Count}, R-bar = {correctInverted}/{set.Count}, R + R-bar = {Format.Number((double)(correct + correctInverted) / set.Count)}");
    }

    internal static bool AllLogitsEqual(Vector<double> logits) => logits.Maximum() == logits.Minimum();
}
