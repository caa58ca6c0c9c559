using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Networks;

/// <summary>
/// The one flat parameter layout shared by the MathNet network, its TorchSharp twin and the
/// Hessian tools: for each layer n, W(n) row-major (out x in), then b(n) if the net has biases.
/// </summary>
public static class ParameterLayout
{
    public static int Count(int[] widths, bool withBiases)
    {
        int count = 0;
        for (int n = 0; n + 1 < widths.Length; n++)
            count += widths[n + 1] * widths[n] + (withBiases ? widths[n + 1] : 0);
        return count;
    }

    /// <summary>Offset of W(n) in the flat vector; b(n), if present, follows it directly.</summary>
    public static int WeightOffset(int[] widths, bool withBiases, int layer) =>
        Count(widths[..(layer + 1)], withBiases);

    public static double[] Flatten(Mlp net)
    {
        var theta = new List<double>(net.ParameterCount);
        for (int n = 0; n < net.Layers; n++)
        {
            var w = net.Weights[n];
            for (int i = 0; i < w.RowCount; i++)
                for (int j = 0; j < w.ColumnCount; j++) theta.Add(w[i, j]);
            if (net.Biases is not null) theta.AddRange(net.Biases[n]);
        }
        return theta.ToArray();
    }

    public static Mlp Unflatten(int[] widths, bool withBiases, ReadOnlySpan<double> theta)
    {
        int expected = Count(widths, withBiases);
        if (theta.Length != expected)
            throw new ArgumentException($"Got {theta.Length} parameters; widths {string.Join("-", widths)} {(withBiases ? "with" : "without")} biases need {expected}.", nameof(theta));
        var weights = new List<Matrix<double>>();
        var biases = new List<Vector<double>>();
        int k = 0;
        for (int n = 0; n + 1 < widths.Length; n++)
        {
            var w = Matrix<double>.Build.Dense(widths[n + 1], widths[n]);
            for (int i = 0; i < w.RowCount; i++)
                for (int j = 0; j < w.ColumnCount; j++) w[i, j] = theta[k++];
            weights.Add(w);
            if (withBiases)
            {
                biases.Add(Vector<double>.Build.DenseOfArray(theta.Slice(k, widths[n + 1]).ToArray()));
                k += widths[n + 1];
            }
        }
        return new Mlp(weights, withBiases ? biases : null);
    }
}
