using FsCheck;
using FsCheck.Fluent;

namespace SymmetryProofs.Properties;

/// <summary>
/// The one home of FsCheck generators and shrinkers (a partial class: groups and feature maps
/// live in Arbs.Groups.cs). Namespace SymmetryProofs.Properties rather than ...Arbs, because a
/// namespace may not share its full name with this class. Register with
/// <c>[Properties(Arbitrary = new[] { typeof(Arbs) })]</c>. Everything generated is plain data;
/// networks, sets and tensors are built inside the properties.
/// </summary>
public static partial class Arbs
{
    public const int MaxDepth = 5;
    public const int MaxWidth = 16;
    public const int MaxInputDim = 64;
    public const int MaxClasses = 10;
    public const int MaxSamples = 20;

    /// <summary>
    /// Weights and inputs: mostly full-precision values in [-1, 1] (53 random mantissa bits, so
    /// rounding happens everywhere), sometimes the exact values 0, +-1, +-0.5 that make ties.
    /// </summary>
    public static Gen<double> NetValues =>
        Gen.Frequency(
            (8, from hi in Gen.Choose(0, int.MaxValue)
                from lo in Gen.Choose(0, int.MaxValue)
                select 2 * ((((ulong)hi << 22) ^ (ulong)lo) & ((1UL << 53) - 1)) / (double)(1UL << 53) - 1),
            (1, Gen.Elements(0.0, 1.0, -1.0, 0.5, -0.5)));

    /// <summary>A layer's weights: one layer in 20 is all zeros (every logit then ties), otherwise <see cref="NetValues"/>.</summary>
    public static Gen<double[]> LayerValues(int count) =>
        Gen.Frequency((19, Gen.ArrayOf(NetValues, count)), (1, Gen.Constant(new double[count])));

    /// <summary>An input: one in 20 is the zero vector x = 0 (then -x = x), otherwise <see cref="NetValues"/>.</summary>
    public static Gen<double[]> InputValues(int dimension) => LayerValues(dimension);

    /// <summary>A net from <paramref name="inputDim"/> to <paramref name="outputs"/>; biases drawn from <paramref name="bias"/>, or none.</summary>
    public static Gen<NetSpec> NetSpecs(int inputDim, int outputs, int maxDepth, int maxWidth, Gen<double>? bias, int minDepth = 1) =>
        from depth in Gen.Choose(minDepth, maxDepth)
        from hidden in Gen.ArrayOf(Gen.Choose(1, maxWidth), depth - 1)
        let widths = new[] { inputDim }.Concat(hidden).Append(outputs).ToArray()
        from weights in Gen.CollectToArray(Enumerable.Range(0, depth).Select(n => LayerValues(widths[n + 1] * widths[n])))
        from biases in bias is null
            ? Gen.Constant<double[][]?>(null)
            : Gen.CollectToArray(Enumerable.Range(0, depth).Select(n => Gen.ArrayOf(bias, widths[n + 1]))).Select(b => (double[][]?)b)
        select new NetSpec(widths, weights, biases);

    /// <summary>Small data sets first (FsCheck's size grows from 1 to 100 over a run): 1 + size/5 samples at most.</summary>
    public static Gen<LabelledSpec> LabelledSpecs(int dimension, int classes, int maxSamples) =>
        Gen.Sized(size =>
            from n in Gen.Choose(1, Math.Clamp(1 + size / 5, 1, maxSamples))
            from inputs in Gen.ArrayOf(InputValues(dimension), n)
            from labels in Gen.ArrayOf(Gen.Choose(0, classes - 1), n)
            select new LabelledSpec(inputs, labels, classes));

    private static Gen<NetCase> NetCaseGen(Gen<double>? bias) =>
        from inputDim in Gen.Choose(1, MaxInputDim)
        from outputs in Gen.Choose(2, MaxClasses)
        from net in NetSpecs(inputDim, outputs, MaxDepth, MaxWidth, bias)
        from x in InputValues(inputDim)
        select new NetCase(net, x);

    private static Gen<NetSetCase> NetSetCaseGen(int maxInputDim, int maxDepth, int maxWidth, int maxClasses, int maxSamples, Gen<double>? bias, int minDepth = 1) =>
        from inputDim in Gen.Choose(1, maxInputDim)
        from classes in Gen.Choose(2, maxClasses)
        from net in NetSpecs(inputDim, classes, maxDepth, maxWidth, bias, minDepth)
        from data in LabelledSpecs(inputDim, classes, maxSamples)
        select new NetSetCase(net, data);

    /// <summary>Bias-free nets (depth 1..5, widths 1..16, 2..10 classes) with an input of 1..64 coordinates.</summary>
    public static Arbitrary<NetCase> NetCases() => Arb.From(NetCaseGen(null), c => c.Shrink());

    /// <summary>Bias-free nets of the same shapes with a labelled set of 1..20 samples.</summary>
    public static Arbitrary<NetSetCase> NetSetCases() =>
        Arb.From(NetSetCaseGen(MaxInputDim, MaxDepth, MaxWidth, MaxClasses, MaxSamples, null), c => c.Shrink());

    /// <summary>
    /// Small nets for derivative checks, whose cost grows with the parameter count: input 1..8,
    /// depth 1..3, widths 1..6, 2..4 classes, 1..5 samples, with or without biases.
    /// </summary>
    public static Arbitrary<LossCase> LossCases() =>
        Arb.From(
            from withBiases in Gen.Elements(false, true)
            from c in NetSetCaseGen(8, 3, 6, 4, 5, withBiases ? NetValues : null)
            select new LossCase(c.Net, c.Data),
            c => new NetSetCase(c.Net, c.Data).Shrink().Select(s => new LossCase(s.Net, s.Data)));

    /// <summary>Claim 5: eps from 1e-3 to 0.5 (margins of that size are common), every bias uniform in [-eps, eps].</summary>
    public static Arbitrary<SmallBiasCase> SmallBiasCases() => SmallBiasCasesOf(MaxInputDim, 1, MaxDepth, MaxWidth, MaxClasses, MaxSamples);

    private static Arbitrary<SmallBiasCase> SmallBiasCasesOf(int maxInputDim, int minDepth, int maxDepth, int maxWidth, int maxClasses, int maxSamples) =>
        Arb.From(
            from eps in Gen.Elements(1e-3, 1e-2, 0.05, 0.1, 0.25, 0.5)
            from c in NetSetCaseGen(maxInputDim, maxDepth, maxWidth, maxClasses, maxSamples, NetValues.Select(v => v * eps), minDepth)
            select new SmallBiasCase(c.Net, c.Data, eps),
            c => c.Shrink());

    /// <summary>
    /// Claim 8: 2x2, 2x3 or 3x3 images, depth 1..3, widths 1..4, 2..3 classes, 1..3 samples,
    /// with or without biases (the biases are part of the "rest" that Eq. 16 leaves alone).
    /// </summary>
    public static Arbitrary<ImageLossCase> ImageLossCases() =>
        Arb.From(
            from shape in Gen.Elements((2, 2), (2, 3), (3, 3))
            from withBiases in Gen.Elements(false, true)
            from classes in Gen.Choose(2, 3)
            from net in NetSpecs(shape.Item1 * shape.Item2, classes, 3, 4, withBiases ? NetValues : null)
            from data in LabelledSpecs(shape.Item1 * shape.Item2, classes, 3)
            from seed in Gen.Choose(1, 1000)
            select new ImageLossCase(shape.Item1, shape.Item2, net, data, seed),
            c => c.Shrink());

    /// <summary>
    /// Arbitraries for negative controls (a premise dropped, or a special shape). Nested so that FsCheck does not
    /// register them as the defaults for their types when the properties name typeof(Arbs).
    /// </summary>
    public static partial class Dropped
    {
        /// <summary>Nets of <see cref="NetCases"/>' shapes with biases drawn like weights: the premise of claims 1 and 2 dropped.</summary>
        public static Arbitrary<NetCase> NetCasesWithBiases() => Arb.From(NetCaseGen(NetValues), c => c.Shrink());

        /// <summary>
        /// Claim 5's cases on tiny nets (input 1..4, depth 2..3, widths 1..4, 2..3 classes, 1..3
        /// samples), for a control whose counterexamples shrink poorly from large nets: any unit
        /// removed moves the margins, so greedy shrinking stalls.
        /// </summary>
        public static Arbitrary<SmallBiasCase> SmallBiasCasesOnTinyNets() => SmallBiasCasesOf(4, 2, 3, 4, 3, 3);

        /// <summary>
        /// Claim 5's cases on small nets of any depth 1..3 (input 1..4, widths 1..4, 2..3 classes,
        /// 1..3 samples): from nets of up to ~1700 parameters the shrinks of the Delta = 0 and the
        /// small-margin controls sometimes stalled at 150 to 800 parameters for the same reason.
        /// </summary>
        public static Arbitrary<SmallBiasCase> SmallBiasCasesOnSmallNets() => SmallBiasCasesOf(4, 1, 3, 4, 3, 3);
    }
}
