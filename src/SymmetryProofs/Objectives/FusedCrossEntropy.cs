using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using SymmetryProofs.Data;
using SymmetryProofs.Networks;

namespace SymmetryProofs.Objectives;

/// <summary>
/// The mean softmax cross-entropy of a tanh MLP (<see cref="ParameterLayout"/> order, the loss of
/// <see cref="CrossEntropyObjective"/>) and its gradient in one pass over the training set, in managed float64 loops:
/// per block of <see cref="BlockRows"/> samples the forward pass, the softmax and the backward pass run while the
/// block is in cache, and every product is a row-major [samples, features] x [features, width] product of 4-wide
/// fused multiply-adds (widths padded to a multiple of 4 with zeros). Why not autograd: the nets here are small
/// (64-10-5-10), so an autograd evaluation is some twenty TorchSharp operations on [n, 10] tensors whose fixed
/// costs and intermediate allocations outweigh the arithmetic (docs/tables.md, "Where the time goes").
/// </summary>
/// <remarks>
/// Every sum has one fixed order, whatever the hardware and the block size: an activation is its bias (or 0) plus the
/// products over inputs in input order, each added by a fused multiply-add (<c>Vector256.FusedMultiplyAdd</c>,
/// whose software fallback rounds the same way); a weight's gradient is the products over samples in sample order; the
/// loss is summed over samples in order and divided by n. So a seed's training repeats bit for bit. Not thread-safe:
/// an instance owns its scratch buffers (one per training run).
/// </remarks>
public sealed class FusedCrossEntropy
{
    /// <summary>Samples per block: the block's inputs (at 64 features, 64 KB) and activations stay in L2 between the forward and backward pass.</summary>
    public const int BlockRows = 128;

    private const int Lanes = 4;
    private const int Unroll = 8;

    private readonly int[] widths;
    private readonly bool withBiases;
    private readonly int layers;
    private readonly double[] inputs;
    private readonly int[] labels;
    private readonly int[] padded;
    private readonly double[][] weightsByInput;
    private readonly double[][] weightsByOutput;
    private readonly double[][] biases;
    private readonly double[][] weightGradients;
    private readonly double[][] biasGradients;
    private readonly double[][] activations;
    private readonly double[][] deltas;
    private readonly double[] logitPadding;

    /// <summary>The training samples.</summary>
    public int Samples { get; }

    /// <summary>The number of parameters, <see cref="ParameterLayout.Count"/>.</summary>
    public int Dimension { get; }

    /// <summary>
    /// The loss of the net with <paramref name="widths"/> (and biases if <paramref name="withBiases"/>) on
    /// <paramref name="train"/>; the inputs are copied once, row-major.
    /// </summary>
    public FusedCrossEntropy(int[] widths, bool withBiases, LabelledSet train)
    {
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentNullException.ThrowIfNull(train);
        if (widths.Length < 2 || widths.Any(w => w < 1)) throw new ArgumentException($"Expected at least two positive widths; got {string.Join("-", widths)}.", nameof(widths));
        if (train.Dimension != widths[0])
            throw new ArgumentException($"Training set has dimension {train.Dimension}; the net expects {widths[0]}.", nameof(train));
        if (train.Classes != widths[^1])
            throw new ArgumentException($"Training set has {train.Classes} classes; the net has {widths[^1]} logits.", nameof(train));
        if (train.Count < 1) throw new ArgumentException("Expected at least one sample.", nameof(train));
        this.widths = widths.ToArray();
        this.withBiases = withBiases;
        layers = widths.Length - 1;
        Samples = train.Count;
        Dimension = ParameterLayout.Count(widths, withBiases);
        inputs = train.Inputs.ToRowMajorArray();
        if (inputs.Any(v => !double.IsFinite(v))) throw new ArgumentException("inputs contain NaN or infinity.", nameof(train));
        labels = train.Labels.ToArray();
        padded = widths.Select(Pad).ToArray();
        logitPadding = new double[padded[^1]];
        logitPadding.AsSpan(widths[^1]).Fill(double.NegativeInfinity);
        weightsByInput = new double[layers][];
        weightsByOutput = new double[layers][];
        biases = new double[layers][];
        weightGradients = new double[layers][];
        biasGradients = new double[layers][];
        activations = new double[layers + 1][];
        deltas = new double[layers][];
        for (int l = 0; l < layers; l++)
        {
            weightsByInput[l] = new double[widths[l] * padded[l + 1]];
            weightsByOutput[l] = new double[widths[l + 1] * padded[l]];
            biases[l] = new double[padded[l + 1]];
            weightGradients[l] = new double[widths[l] * padded[l + 1]];
            biasGradients[l] = new double[padded[l + 1]];
            activations[l + 1] = new double[BlockRows * padded[l + 1]];
            deltas[l] = new double[BlockRows * padded[l + 1]];
        }
    }

    /// <summary>The mean cross-entropy at <paramref name="theta"/>; writes its gradient into <paramref name="gradient"/>.</summary>
    public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        if (gradient.Length != Dimension) throw new ArgumentException($"Expected a gradient of {Dimension} entries; got {gradient.Length}.", nameof(gradient));
        return Run(theta, gradient, true);
    }

    /// <summary>The mean cross-entropy at <paramref name="theta"/>, without its gradient (a validation loss).</summary>
    public double Loss(ReadOnlySpan<double> theta) => Run(theta, default, false);

    private double Run(ReadOnlySpan<double> theta, Span<double> gradient, bool backward)
    {
        if (theta.Length != Dimension) throw new ArgumentException($"Expected {Dimension} parameters; got {theta.Length}.", nameof(theta));
        Unpack(theta);
        if (backward)
            for (int l = 0; l < layers; l++)
            {
                Array.Clear(weightGradients[l]);
                Array.Clear(biasGradients[l]);
            }
        double total = 0;
        for (int start = 0; start < Samples; start += BlockRows)
        {
            int rows = Math.Min(BlockRows, Samples - start);
            var x = inputs.AsSpan(start * widths[0], rows * widths[0]);
            Forward(x, rows);
            total += Softmax(start, rows, backward);
            if (backward) Backward(x, rows);
        }
        if (backward) Pack(gradient);
        return total / Samples;
    }

    /// <summary>theta into the transposed, zero-padded weights the products read: W(l)^T as [in, out padded] and W(l) as [out, in padded].</summary>
    private void Unpack(ReadOnlySpan<double> theta)
    {
        for (int l = 0; l < layers; l++)
        {
            int fanIn = widths[l], fanOut = widths[l + 1], offset = ParameterLayout.WeightOffset(widths, withBiases, l);
            var byInput = weightsByInput[l];
            var byOutput = weightsByOutput[l];
            for (int j = 0; j < fanOut; j++)
                for (int k = 0; k < fanIn; k++)
                {
                    double w = theta[offset + j * fanIn + k];
                    byInput[k * padded[l + 1] + j] = w;
                    byOutput[j * padded[l] + k] = w;
                }
            if (withBiases) theta.Slice(offset + fanOut * fanIn, fanOut).CopyTo(biases[l]);
        }
    }

    private void Forward(ReadOnlySpan<double> x, int rows)
    {
        for (int l = 0; l < layers; l++)
        {
            ReadOnlySpan<double> input = l == 0 ? x : activations[l];
            int stride = l == 0 ? widths[0] : padded[l];
            var output = activations[l + 1];
            Product(input, stride, rows, widths[l], weightsByInput[l], padded[l + 1], withBiases ? biases[l] : null, output);
            if (l + 1 < layers)
                for (int at = 0; at < rows * padded[l + 1]; at += Lanes) Store(Tanh(Load(output, at)), output, at);
        }
    }

    /// <summary>Adds up the block's cross-entropies; with <paramref name="backward"/>, writes dLoss/dlogits = (softmax - e_y) / n.</summary>
    private double Softmax(int start, int rows, bool backward)
    {
        int classes = widths[^1], stride = padded[layers];
        var logits = activations[layers];
        var delta = deltas[layers - 1];
        var perSample = Vector256.Create((double)Samples);
        double total = 0;
        for (int s = 0; s < rows; s++)
        {
            int row = s * stride, y = labels[start + s];
            // The padding's -infinity drops out of the maximum and gives exp = 0.
            var max = Vector256.Create(double.NegativeInfinity);
            for (int a = 0; a < stride; a += Lanes) max = Vector256.Max(max, Load(logits, row + a) + Load(logitPadding, a));
            var shift = Vector256.Create(Math.Max(Math.Max(max[0], max[1]), Math.Max(max[2], max[3])));
            var sums = Vector256<double>.Zero;
            for (int a = 0; a < stride; a += Lanes)
            {
                var e = ExpNonPositive(Load(logits, row + a) - shift + Load(logitPadding, a));
                Store(e, delta, row + a);
                sums += e;
            }
            double sum = sums[0] + sums[1] + sums[2] + sums[3];
            total += shift[0] - logits[row + y] + Math.Log(sum);
            if (!backward) continue;
            var total1 = Vector256.Create(sum);
            var label = Vector256.Create((double)y);
            for (int a = 0; a < stride; a += Lanes)
            {
                var hot = Vector256.ConditionalSelect(Vector256.Equals(ClassIndex + Vector256.Create((double)a), label), Vector256<double>.One, Vector256<double>.Zero);
                Store((Load(delta, row + a) / total1 - hot) / perSample, delta, row + a);
            }
        }
        return total;
    }

    private void Backward(ReadOnlySpan<double> x, int rows)
    {
        for (int l = layers - 1; l >= 0; l--)
        {
            ReadOnlySpan<double> input = l == 0 ? x : activations[l];
            int stride = l == 0 ? widths[0] : padded[l], width = padded[l + 1];
            var delta = deltas[l];
            AccumulateOuter(input, stride, rows, widths[l], delta, width, weightGradients[l]);
            if (withBiases)
            {
                var gb = biasGradients[l];
                for (int s = 0; s < rows; s++)
                    for (int j = 0; j < width; j += Lanes)
                        Store(Load(gb, j) + Load(delta, s * width + j), gb, j);
            }
            if (l == 0) break;
            // Error at layer l's input, then times tanh' = 1 - h^2 (h the tanh output feeding layer l).
            var previous = deltas[l - 1];
            Product(delta, width, rows, widths[l + 1], weightsByOutput[l], padded[l], null, previous);
            var h = activations[l];
            for (int s = 0; s < rows; s++)
                for (int k = 0; k < padded[l]; k += Lanes)
                {
                    int at = s * padded[l] + k;
                    var hv = Load(h, at);
                    Store(Load(previous, at) * (Vector256<double>.One - hv * hv), previous, at);
                }
        }
    }

    private void Pack(Span<double> gradient)
    {
        for (int l = 0; l < layers; l++)
        {
            int fanIn = widths[l], fanOut = widths[l + 1], offset = ParameterLayout.WeightOffset(widths, withBiases, l);
            var g = weightGradients[l];
            for (int j = 0; j < fanOut; j++)
                for (int k = 0; k < fanIn; k++) gradient[offset + j * fanIn + k] = g[k * padded[l + 1] + j];
            if (withBiases) biasGradients[l].AsSpan(0, fanOut).CopyTo(gradient.Slice(offset + fanOut * fanIn));
        }
    }

    /// <summary>
    /// c[s, :] = init + sum_k a[s, k] b[k, :] for s &lt; rows, k &lt; inner (in k order, fused multiply-adds); b and c are
    /// [*, width] with width a multiple of 4. Eight rows at a time share each load of b and keep eight independent
    /// accumulators, enough to hide the latency of a fused multiply-add.
    /// </summary>
    private static void Product(ReadOnlySpan<double> a, int aStride, int rows, int inner, double[] b, int width, double[]? init, double[] c)
    {
        ref double a0 = ref MemoryMarshal.GetReference(a);
        int s = 0;
        for (; s + Unroll <= rows; s += Unroll)
            for (int j = 0; j < width; j += Lanes)
            {
                var start = init is null ? Vector256<double>.Zero : Load(init, j);
                Vector256<double> c0 = start, c1 = start, c2 = start, c3 = start, c4 = start, c5 = start, c6 = start, c7 = start;
                ref double row = ref Unsafe.Add(ref a0, s * aStride);
                for (int k = 0; k < inner; k++)
                {
                    var bk = Load(b, k * width + j);
                    ref double ak = ref Unsafe.Add(ref row, k);
                    c0 = Vector256.FusedMultiplyAdd(Vector256.Create(ak), bk, c0);
                    c1 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref ak, aStride)), bk, c1);
                    c2 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref ak, 2 * aStride)), bk, c2);
                    c3 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref ak, 3 * aStride)), bk, c3);
                    c4 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref ak, 4 * aStride)), bk, c4);
                    c5 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref ak, 5 * aStride)), bk, c5);
                    c6 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref ak, 6 * aStride)), bk, c6);
                    c7 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref ak, 7 * aStride)), bk, c7);
                }
                int at = s * width + j;
                Store(c0, c, at);
                Store(c1, c, at + width);
                Store(c2, c, at + 2 * width);
                Store(c3, c, at + 3 * width);
                Store(c4, c, at + 4 * width);
                Store(c5, c, at + 5 * width);
                Store(c6, c, at + 6 * width);
                Store(c7, c, at + 7 * width);
            }
        for (; s < rows; s++)
            for (int j = 0; j < width; j += Lanes)
            {
                var c0 = init is null ? Vector256<double>.Zero : Load(init, j);
                for (int k = 0; k < inner; k++)
                    c0 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref a0, s * aStride + k)), Load(b, k * width + j), c0);
                Store(c0, c, s * width + j);
            }
    }

    /// <summary>
    /// g[k, :] += sum_s a[s, k] d[s, :] for k &lt; inner, s &lt; rows (in s order, fused multiply-adds); d and g are
    /// [*, width], width a multiple of 4. Eight k at a time share each load of d (eight independent accumulators).
    /// </summary>
    private static void AccumulateOuter(ReadOnlySpan<double> a, int aStride, int rows, int inner, double[] d, int width, double[] g)
    {
        ref double a0 = ref MemoryMarshal.GetReference(a);
        int k = 0;
        for (; k + Unroll <= inner; k += Unroll)
            for (int j = 0; j < width; j += Lanes)
            {
                int at = k * width + j;
                var g0 = Load(g, at);
                var g1 = Load(g, at + width);
                var g2 = Load(g, at + 2 * width);
                var g3 = Load(g, at + 3 * width);
                var g4 = Load(g, at + 4 * width);
                var g5 = Load(g, at + 5 * width);
                var g6 = Load(g, at + 6 * width);
                var g7 = Load(g, at + 7 * width);
                for (int s = 0; s < rows; s++)
                {
                    var ds = Load(d, s * width + j);
                    ref double row = ref Unsafe.Add(ref a0, s * aStride + k);
                    g0 = Vector256.FusedMultiplyAdd(Vector256.Create(row), ds, g0);
                    g1 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref row, 1)), ds, g1);
                    g2 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref row, 2)), ds, g2);
                    g3 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref row, 3)), ds, g3);
                    g4 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref row, 4)), ds, g4);
                    g5 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref row, 5)), ds, g5);
                    g6 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref row, 6)), ds, g6);
                    g7 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref row, 7)), ds, g7);
                }
                Store(g0, g, at);
                Store(g1, g, at + width);
                Store(g2, g, at + 2 * width);
                Store(g3, g, at + 3 * width);
                Store(g4, g, at + 4 * width);
                Store(g5, g, at + 5 * width);
                Store(g6, g, at + 6 * width);
                Store(g7, g, at + 7 * width);
            }
        for (; k < inner; k++)
            for (int j = 0; j < width; j += Lanes)
            {
                var g0 = Load(g, k * width + j);
                for (int s = 0; s < rows; s++)
                    g0 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref a0, s * aStride + k)), Load(d, s * width + j), g0);
                Store(g0, g, k * width + j);
            }
    }

    private static int Pad(int width) => (width + Lanes - 1) / Lanes * Lanes;

    /// <summary>
    /// tanh x = sign(x) (1 - e) / (1 + e) with e = exp(-2|x|), four at a time (<see cref="ExpNonPositive"/>). Odd
    /// exactly (computed on |x|, the sign copied back), so a bias-free net stays odd; against <see cref="Math.Tanh"/> it
    /// differs by a few 1e-16 in absolute terms (1 - e rounds near x = 0), the rounding level of the pre-activation's own
    /// sum of products, and it rounds the same way on every run.
    /// </summary>
    internal static Vector256<double> Tanh(Vector256<double> x)
    {
        var e = ExpNonPositive(Vector256.Abs(x) * Vector256.Create(-2.0));
        var t = (Vector256<double>.One - e) / (Vector256<double>.One + e);
        return Vector256.ConditionalSelect(Vector256.Create(-0.0), x, t);
    }

    private static readonly Vector256<double> ClassIndex = Vector256.Create(0.0, 1, 2, 3);

    /// <summary>
    /// exp(x) for x &lt;= 0, four at a time: x = k ln 2 + r with |r| &lt;= ln 2 / 2 (ln 2 in two parts, so k ln 2 is exact),
    /// e^r by its Taylor series to r^13 (truncation below 1e-17 relative), times 2^k built in the exponent bits; below
    /// -708 (where 2^k would leave the normal range) the result is 0, and a NaN stays NaN. Within a few ulp of
    /// <see cref="Math.Exp"/>; in plain fused multiply-adds, so it rounds the same way on every machine.
    /// </summary>
    internal static Vector256<double> ExpNonPositive(Vector256<double> x)
    {
        var clamped = Vector256.Max(x, Vector256.Create(-708.0));
        // 1.5 * 2^52: adding it rounds to an integer k in the low bits (round to nearest even).
        var magic = Vector256.Create(6755399441055744.0);
        var shifted = Vector256.FusedMultiplyAdd(clamped, Vector256.Create(1.4426950408889634), magic);
        var k = shifted - magic;
        var r = Vector256.FusedMultiplyAdd(k, Vector256.Create(-6.93147180369123816490e-01), clamped);
        r = Vector256.FusedMultiplyAdd(k, Vector256.Create(-1.90821492927058770002e-10), r);
        var p = Vector256.Create(1.0 / 6227020800);
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 479001600));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 39916800));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 3628800));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 362880));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 40320));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 5040));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 720));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 120));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 24));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(1.0 / 6));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256.Create(0.5));
        p = Vector256.FusedMultiplyAdd(p, r, Vector256<double>.One);
        p = Vector256.FusedMultiplyAdd(p, r, Vector256<double>.One);
        var scale = Vector256.ShiftLeft(shifted.AsInt64() - Vector256.Create(0x4338000000000000L - 1023), 52).AsDouble();
        var result = Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256.Create(-708.0)), Vector256<double>.Zero, p * scale);
        return Vector256.ConditionalSelect(Vector256.Equals(x, x), result, x);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Load(double[] array, int at) => Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(array), (nuint)at);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector256<double> v, double[] array, int at) => v.StoreUnsafe(ref MemoryMarshal.GetArrayDataReference(array), (nuint)at);
}
