using System.Text;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Data;
using SymmetryProofs.IO;

namespace SymmetryProofs.Networks;

/// <summary>
/// A fully connected tanh network: z(0) = x, z(n+1) = tanh(W(n) z(n) + b(n)), and a final linear
/// logit layer s = U z(N-1) + c. <see cref="Weights"/> holds W(0..N-2) followed by U; biases, if any,
/// follow the same indexing. Bias-free means every b and c is absent (exactly zero).
/// </summary>
public sealed class Mlp
{
    public IReadOnlyList<Matrix<double>> Weights { get; }
    public IReadOnlyList<Vector<double>>? Biases { get; }
    public bool HasBiases => Biases is not null;
    public int InputDim => Weights[0].ColumnCount;
    public int OutputDim => Weights[^1].RowCount;
    public int Layers => Weights.Count;

    /// <summary>Layer widths from input to logits, e.g. [64, 10, 5, 10].</summary>
    public int[] Widths => new[] { InputDim }.Concat(Weights.Select(w => w.RowCount)).ToArray();

    public Mlp(IReadOnlyList<Matrix<double>> weights, IReadOnlyList<Vector<double>>? biases = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0) throw new ArgumentException("A network needs at least its logit layer; got no weight matrices.", nameof(weights));
        for (int n = 0; n < weights.Count; n++)
        {
            if (weights[n].RowCount == 0 || weights[n].ColumnCount == 0)
                throw new ArgumentException($"Layer {n} has an empty weight matrix ({weights[n].RowCount}x{weights[n].ColumnCount}).", nameof(weights));
            if (n > 0 && weights[n].ColumnCount != weights[n - 1].RowCount)
                throw new ArgumentException(
                    $"Layer {n} expects {weights[n].ColumnCount} inputs but layer {n - 1} gives {weights[n - 1].RowCount} outputs.", nameof(weights));
            RequireFinite(weights[n].Enumerate(), $"weight matrix of layer {n}", nameof(weights));
        }
        if (biases is not null)
        {
            if (biases.Count != weights.Count)
                throw new ArgumentException($"Got {biases.Count} bias vectors for {weights.Count} layers; expected one per layer.", nameof(biases));
            for (int n = 0; n < biases.Count; n++)
            {
                if (biases[n].Count != weights[n].RowCount)
                    throw new ArgumentException($"Bias of layer {n} has length {biases[n].Count}; expected {weights[n].RowCount}.", nameof(biases));
                RequireFinite(biases[n], $"bias of layer {n}", nameof(biases));
            }
        }
        Weights = weights.ToArray();
        Biases = biases?.ToArray();
    }

    /// <summary>A network with entries drawn from N(0, scale^2 / fan-in), from an explicit generator.</summary>
    public static Mlp Random(int[] widths, bool withBiases, System.Random rng, double scale = 1.0, double biasScale = 0.1)
    {
        if (widths.Length < 2) throw new ArgumentException("Need at least an input and an output width.", nameof(widths));
        var normal = new MathNet.Numerics.Distributions.Normal(0, 1, rng);
        var weights = new List<Matrix<double>>();
        var biases = new List<Vector<double>>();
        for (int n = 0; n + 1 < widths.Length; n++)
        {
            double std = scale / Math.Sqrt(widths[n]);
            weights.Add(Matrix<double>.Build.Dense(widths[n + 1], widths[n], (_, _) => std * normal.Sample()));
            biases.Add(Vector<double>.Build.Dense(widths[n + 1], _ => biasScale * normal.Sample()));
        }
        return new Mlp(weights, withBiases ? biases : null);
    }

    /// <summary>
    /// Logits s(x). Sums run in a fixed order over plain loops, so the result depends only on the
    /// values, never on a linear-algebra provider; this is what makes oddness checkable bit for bit.
    /// </summary>
    public Vector<double> Logits(Vector<double> x)
    {
        if (x.Count != InputDim) throw new ArgumentException($"Input has {x.Count} coordinates; the network expects {InputDim}.", nameof(x));
        var z = x.ToArray();
        for (int n = 0; n < Layers; n++)
        {
            var w = Weights[n];
            var next = new double[w.RowCount];
            for (int i = 0; i < w.RowCount; i++)
            {
                double sum = 0;
                for (int j = 0; j < w.ColumnCount; j++) sum += w[i, j] * z[j];
                if (Biases is not null) sum += Biases[n][i];
                next[i] = n + 1 < Layers ? Math.Tanh(sum) : sum;
            }
            z = next;
        }
        return Vector<double>.Build.DenseOfArray(z);
    }

    /// <summary>Unnormalised class probabilities p~_a = exp(s_a) (Eq. 4).</summary>
    public Vector<double> UnnormalisedProbabilities(Vector<double> x) => Logits(x).PointwiseExp();

    /// <summary>Softmax probabilities, computed stably by shifting the logits by their maximum.</summary>
    public Vector<double> Probabilities(Vector<double> x) => Softmax.Of(Logits(x));

    /// <summary>The predicted class: the largest logit; ties go to the lowest class index (<see cref="Prediction.ArgMax"/>).</summary>
    public int Predict(Vector<double> x) => Prediction.ArgMax(Logits(x));

    /// <summary>Accuracy R: the fraction of samples whose predicted class equals their label.</summary>
    public double Accuracy(LabelledSet set)
    {
        if (set.Dimension != InputDim)
            throw new ArgumentException($"Data set has dimension {set.Dimension}; the network expects {InputDim}.", nameof(set));
        int correct = 0;
        for (int i = 0; i < set.Count; i++)
            if (Predict(set.Input(i)) == set.Labels[i]) correct++;
        return (double)correct / set.Count;
    }

    /// <summary>The same network with its first-layer weights replaced, e.g. by W U(g).</summary>
    public Mlp WithFirstLayer(Matrix<double> firstLayer) =>
        new(new[] { firstLayer }.Concat(Weights.Skip(1)).ToArray(), Biases);

    /// <summary>Number of parameters in the flat layout of <see cref="ParameterLayout"/>.</summary>
    public int ParameterCount => ParameterLayout.Count(Widths, HasBiases);

    /// <summary>All parameters, layer by layer: W(n) row-major, then b(n) if present.</summary>
    public double[] Flatten() => ParameterLayout.Flatten(this);

    public static Mlp FromFlat(int[] widths, bool withBiases, ReadOnlySpan<double> theta) =>
        ParameterLayout.Unflatten(widths, withBiases, theta);

    /// <summary>Dimensions, weights and biases as a person would write them, for counterexamples.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append($"Mlp {string.Join("-", Widths)}, {(HasBiases ? "with biases" : "bias-free")}");
        for (int n = 0; n < Layers; n++)
        {
            sb.Append($"\n  W{n} = {Format.Matrix(Weights[n])}");
            if (Biases is not null) sb.Append($"\n  b{n} = {Format.Vector(Biases[n])}");
        }
        return sb.ToString();
    }

    private static void RequireFinite(IEnumerable<double> values, string what, string parameter)
    {
        int k = 0;
        foreach (var v in values)
        {
            if (!double.IsFinite(v)) throw new ArgumentException($"The {what} has a non-finite entry {v} at flat index {k}.", parameter);
            k++;
        }
    }
}
