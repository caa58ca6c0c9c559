using TorchSharp;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Networks;
using SymmetryProofs.Runtime;
using SymmetryProofs.Symmetry;
using static TorchSharp.torch;

namespace SymmetryProofs.Checking.Examples;

/// <summary>
/// The built-in examples: four correct models and four with planted symmetry bugs of increasing
/// subtlety (the last exactly invariant in exact arithmetic, so it must pass in float32). Weights are
/// fixed (seed <see cref="WeightSeed"/>); only the check's own seed varies between runs.
/// </summary>
internal static class ExampleCatalog
{
    public const int WeightSeed = 20261130;

    /// <summary>Centre and width of the small-ball bug: a Gaussian bump of height 1 at c = 3.5 e_1 with s = 0.5.</summary>
    public const double BallCentre = 3.5, BallWidth = 0.5;

    /// <summary>The relative size of the tiny-violation bug.</summary>
    public const double TinyViolation = 1e-4;

    private static readonly ScalarType[] Both = [ScalarType.Float64, ScalarType.Float32];
    private static readonly ScalarType[] Float64Only = [ScalarType.Float64];

    public static readonly IReadOnlyList<ExampleModel> All =
    [
        new("even-mlp", "the library's Mlp (8-16-3, biases) on the even features x_i^2, a MathNet function (searched without gradients)",
            Shape.Vector(8), "inversion", "trivial", ScalarType.Float64, false, Float64Only, _ => EvenMlp()),
        new("odd-mlp", "a bias-free tanh MLP 8-16-16-3: odd, f(-x) = -f(x)",
            Shape.Vector(8), "inversion", "negation", ScalarType.Float64, false, Both, d => Dense("odd-mlp", OddNet(), 8, d), () => Source(OddNet(), [])),
        new("circular-cnn", "a TorchSharp CNN (two 3x3 convolutions with circular padding, pixel sum, linear head) on 8x8 images",
            new Shape(8, 8), "translations", "trivial", ScalarType.Float64, false, Both, d => Cnn("circular-cnn", true, d)),
        new("d4-averaged", "a tanh MLP 64-16-2 averaged over the 8 elements of D4 (group averaging)",
            new Shape(8, 8), "d4", "trivial", ScalarType.Float64, false, Both, d => D4Averaged("d4-averaged", d)),
        new("zero-padded-cnn", "planted bug: the CNN with zero padding, which breaks translation invariance only near the borders",
            new Shape(8, 8), "translations", "trivial", ScalarType.Float64, true, Both, d => Cnn("zero-padded-cnn", false, d)),
        new("small-ball", $"planted bug: an MLP on x_i^2 (sign-flip invariant) plus a bump exp(-|x - c|^2 / (2 s^2)), c = {BallCentre} e_1, s = {BallWidth}: invariant except near c",
            Shape.Vector(8), "sign-flips", "trivial", ScalarType.Float64, true, Both, d => SmallBall(d), () => SmallBallSource()),
        new("tiny-violation", $"planted bug: |x|^2 through a tanh MLP plus {TinyViolation:G1} (x_1^2 - x_2^2), a relative violation of about {TinyViolation:G1} under SO(2)",
            Shape.Vector(2), "so2", "trivial", ScalarType.Float64, true, Both, d => TinyViolationModel(d)),
        new("float32-d4", "the D4-averaged net in float32: exactly invariant in exact arithmetic, float32 rounding only (must pass)",
            new Shape(8, 8), "d4", "trivial", ScalarType.Float32, false, Both, d => D4Averaged("float32-d4", d)),
    ];

    /// <summary>The example called <paramref name="name"/>; an unknown name is refused with the list.</summary>
    public static ExampleModel Find(string name) =>
        All.FirstOrDefault(e => e.Name == name) ?? throw new InputException($"--example: unknown example '{name}'; expected one of {string.Join(", ", All.Select(e => e.Name))}.");

    private static CheckedModel EvenMlp()
    {
        var net = Mlp.Random([8, 16, 3], withBiases: true, new Random(WeightSeed));
        return CheckedModel.FromFunction("even-mlp", 8, x => net.Logits(x.PointwiseMultiply(x)));
    }

    private static DenseNet OddNet() => new(new ExampleWeights(WeightSeed), [8, 16, 16, 3], withBiases: false);

    private static CheckedModel Dense(string name, DenseNet net, int n, ScalarType dtype) => CheckedModel.FromTensorFunction(name, n, dtype, net.Forward);

    private static IReadOnlyList<string> Source(DenseNet net, IEnumerable<string> tail) => net.Source("x", "y").Concat(tail).Append("return y").ToArray();

    private static CheckedModel Cnn(string name, bool circular, ScalarType dtype) =>
        CheckedModel.FromModule(name, 64, new SmallCnn(new ExampleWeights(WeightSeed), 8, 8, circular), dtype);

    private static CheckedModel D4Averaged(string name, ScalarType dtype)
    {
        var net = new DenseNet(new ExampleWeights(WeightSeed), [64, 16, 2], withBiases: true);
        // (U x)_i = x_{p(i)} for a permutation matrix U: each element is an index_select of the columns.
        var indices = GroupCatalog.Dihedral4(8).Representatives(0)
            .Select(g => Tensors.Int64(Enumerable.Range(0, 64).Select(i => (long)Enumerable.Range(0, 64).First(j => g.Matrix[i, j] == 1)).ToArray()).DetachFromDisposeScope())
            .ToArray();
        return CheckedModel.FromTensorFunction(name, 64, dtype, x => stack(indices.Select(p => net.Forward(x.index_select(1, p))).ToArray()).mean(new long[] { 0 }));
    }

    private static DenseNet BallNet() => new(new ExampleWeights(WeightSeed), [8, 16, 1], withBiases: true);

    /// <summary>2 s^2 as a rooted scalar (Runtime/Scalars: an implicit temporary can be freed while libtorch reads it).</summary>
    private static readonly Scalar BallDenominator = 2 * BallWidth * BallWidth;

    private static CheckedModel SmallBall(ScalarType dtype)
    {
        var net = BallNet();
        var centre = Tensors.Float64(Enumerable.Range(0, 8).Select(i => i == 0 ? BallCentre : 0).ToArray()).DetachFromDisposeScope();
        return CheckedModel.FromTensorFunction("small-ball", 8, dtype, x =>
            net.Forward(x * x) + (-(x - centre.to_type(x.dtype)).pow(Scalars.Two).sum(1, keepdim: true) / BallDenominator).exp());
    }

    private static IReadOnlyList<string> SmallBallSource()
    {
        string c = $"torch.tensor([{BallCentre:R}, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0], dtype=x.dtype)";
        return BallNet().Source("s", "y").Prepend("s = x * x")
            .Append($"d = x - {c}")
            .Append($"return y + torch.exp(torch.sum(d * d, [1], True) / {-2 * BallWidth * BallWidth:R})").ToArray();
    }

    private static CheckedModel TinyViolationModel(ScalarType dtype)
    {
        var net = new DenseNet(new ExampleWeights(WeightSeed), [1, 8, 1], withBiases: true);
        return CheckedModel.FromTensorFunction("tiny-violation", 2, dtype, x =>
        {
            var sq = x * x;
            var r2 = sq.sum(1, keepdim: true);
            return net.Forward(r2) + TinyViolation * (sq.narrow(1, 0, 1) - sq.narrow(1, 1, 1));
        });
    }
}
