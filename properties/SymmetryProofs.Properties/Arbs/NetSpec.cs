using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Networks;

namespace SymmetryProofs.Properties;

/// <summary>
/// A network as plain data, the form FsCheck generates and shrinks: widths from input to logits,
/// each layer's weights row-major (out x in), biases per layer or null for a bias-free net.
/// Prints as the <see cref="Mlp"/> it builds: dimensions, then every matrix as a person writes it.
/// </summary>
public sealed record NetSpec(int[] Widths, double[][] Weights, double[][]? Biases)
{
    public int Depth => Widths.Length - 1;
    public int InputDim => Widths[0];
    public int OutputDim => Widths[^1];
    public bool HasBiases => Biases is not null;

    public Mlp ToMlp() => new(
        Enumerable.Range(0, Depth).Select(n => Matrix<double>.Build.Dense(Widths[n + 1], Widths[n], (i, j) => Weights[n][i * Widths[n] + j])).ToArray(),
        Biases?.Select(b => Vector<double>.Build.DenseOfArray(b)).ToArray());

    public static NetSpec From(Mlp net) => new(
        net.Widths,
        net.Weights.Select(w => Enumerable.Range(0, w.RowCount).SelectMany(i => w.Row(i)).ToArray()).ToArray(),
        net.Biases?.Select(b => b.ToArray()).ToArray());

    public override string ToString() => ToMlp().ToString();

    /// <summary>Coverage labels of the net's shape: depth, widest hidden layer (0 without one), input dimension and classes, bucketed.</summary>
    public (string Key, object Value)[] ShapeLabels() =>
    [
        ("depth", Depth),
        ("widest hidden", Support.Coverage.Bucket(Widths[1..^1].DefaultIfEmpty(0).Max())),
        ("inputs", Support.Coverage.Bucket(InputDim)),
        ("classes", Support.Coverage.Bucket(OutputDim)),
    ];

    /// <summary>Largest |bias|, 0 for a bias-free net.</summary>
    public double MaxAbsBias => Biases is null ? 0 : Biases.SelectMany(b => b).Select(Math.Abs).DefaultIfEmpty(0).Max();

    /// <summary>
    /// Smaller nets that keep the input and output dimensions (those are tied to the data):
    /// a hidden layer removed, a hidden unit removed, a layer or all biases set to zero, then
    /// weights rounded to fewer digits (entry by entry in layers of up to 256 weights).
    /// Structural steps come first so shrinking is quick.
    /// </summary>
    public IEnumerable<NetSpec> ShrinkKeepingDimensions()
    {
        for (int k = 1; k < Depth; k++) yield return WithoutHiddenLayer(k);
        if (Biases is not null)
            for (int k = 1; k < Depth; k++)
                if (Biases[k - 1].Any(v => v != 0)) yield return WithoutHiddenLayerFolded(k);
        for (int k = 1; k < Depth; k++)
            if (Widths[k] > 1)
                for (int j = Widths[k] - 1; j >= 0; j--) yield return WithoutUnit(k, j);
        if (Biases is not null && Biases.Any(b => b.Any(v => v != 0)))
            yield return this with { Biases = Biases.Select(b => new double[b.Length]).ToArray() };
        for (int n = 0; n < Depth; n++)
        {
            int layer = n;
            foreach (var w in Simpler.Arrays(Weights[n], perEntryUpTo: 256))
                yield return this with { Weights = Replace(Weights, layer, w) };
            if (Biases is not null)
                foreach (var b in Simpler.Arrays(Biases[n], perEntryUpTo: 16))
                    yield return this with { Biases = Replace(Biases, layer, b) };
        }
    }

    /// <summary>Hidden layer k (1..Depth-1) removed: layer k then reads the (cropped or zero-padded) units of layer k-1.</summary>
    public NetSpec WithoutHiddenLayer(int k)
    {
        var widths = Widths.Where((_, i) => i != k).ToArray();
        var weights = new List<double[]>();
        var biases = new List<double[]>();
        for (int n = 0; n < Depth; n++)
        {
            if (n == k - 1) continue;
            weights.Add(n == k ? Resize(Weights[n], Widths[n + 1], Widths[n], Widths[n + 1], Widths[k - 1]) : Weights[n]);
            if (Biases is not null) biases.Add(Biases[n]);
        }
        return new NetSpec(widths, weights.ToArray(), Biases is null ? null : biases.ToArray());
    }

    /// <summary>
    /// Hidden layer k removed as in <see cref="WithoutHiddenLayer"/>, its units' values at zero
    /// input, tanh(b(k-1)), folded into the next layer's bias: b(k) + W(k) tanh(b(k-1)). Exact when
    /// those units are constant (W(k-1) = 0); without it a counterexample carried by such a
    /// constant unit cannot lose its layer (CI saw a 1-1-2 net with W0 = [0], b0 = [-1] stay).
    /// </summary>
    public NetSpec WithoutHiddenLayerFolded(int k)
    {
        var plain = WithoutHiddenLayer(k);
        var constant = Biases![k - 1].Select(Math.Tanh).ToArray();
        var folded = Biases[k].Select((b, i) => b + Enumerable.Range(0, Widths[k]).Sum(j => Weights[k][i * Widths[k] + j] * constant[j])).ToArray();
        return plain with { Biases = Replace(plain.Biases!, k - 1, folded) };
    }

    /// <summary>The last unit of width index k removed (k = 0 is the input; the logits are never cropped here).</summary>
    public NetSpec WithoutLastUnit(int k) => WithoutUnit(k, Widths[k] - 1);

    /// <summary>
    /// Unit j of width index k removed: column j of layer k and, for a hidden unit, row j of
    /// layer k-1 and its bias. Trying every j (not only the last) lets shrinking drop the unit
    /// that matters least, e.g. an input coordinate that is nearly zero.
    /// </summary>
    public NetSpec WithoutUnit(int k, int j)
    {
        var widths = Widths.ToArray();
        widths[k]--;
        var weights = Weights.ToArray();
        var biases = Biases?.ToArray();
        weights[k] = DropColumn(Weights[k], Widths[k + 1], Widths[k], j);
        if (k > 0)
        {
            weights[k - 1] = DropRow(Weights[k - 1], Widths[k - 1], j);
            if (biases is not null) biases[k - 1] = biases[k - 1].Where((_, i) => i != j).ToArray();
        }
        return new NetSpec(widths, weights, biases);
    }

    private static double[] DropColumn(double[] m, int rows, int cols, int j) =>
        Enumerable.Range(0, rows * cols).Where(k => k % cols != j).Select(k => m[k]).ToArray();

    private static double[] DropRow(double[] m, int cols, int i) =>
        m.Where((_, k) => k / cols != i).ToArray();

    /// <summary>The last logit removed (callers relabel the data).</summary>
    public NetSpec WithoutLastClass()
    {
        var widths = Widths.ToArray();
        widths[^1]--;
        var weights = Weights.ToArray();
        weights[^1] = Resize(Weights[^1], Widths[^1], Widths[^2], widths[^1], widths[^2]);
        var biases = Biases?.ToArray();
        if (biases is not null) biases[^1] = biases[^1][..widths[^1]];
        return new NetSpec(widths, weights, biases);
    }

    private static double[][] Replace(double[][] arrays, int index, double[] value)
    {
        var copy = arrays.ToArray();
        copy[index] = value;
        return copy;
    }

    /// <summary>A row-major rows x cols matrix cropped or zero-padded to newRows x newCols.</summary>
    private static double[] Resize(double[] m, int rows, int cols, int newRows, int newCols)
    {
        var r = new double[newRows * newCols];
        for (int i = 0; i < Math.Min(rows, newRows); i++)
            for (int j = 0; j < Math.Min(cols, newCols); j++) r[i * newCols + j] = m[i * cols + j];
        return r;
    }
}
