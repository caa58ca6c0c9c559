using SymmetryProofs.Data;
using SymmetryProofs.Networks;

namespace SymmetryProofs.Objectives;

/// <summary>
/// The analytic gradient of the summed cross-entropy by backpropagation, for every parameter in
/// <see cref="ParameterLayout"/> order. With a(n) = W(n) z(n) + b(n) and z(n+1) = tanh a(n):
/// dL/ds = softmax(s) - e_y at the logits; dL/dW(n) = delta(n) z(n)^T, dL/db(n) = delta(n);
/// delta(n-1) = (W(n)^T delta(n)) * (1 - z(n)^2), since tanh' = 1 - tanh^2.
/// </summary>
public static class LossGradient
{
    /// <summary>sum_i L(y_i, f(x_i)) and its gradient with respect to the flat parameters.</summary>
    public static (double Value, double[] Gradient) Of(Mlp net, LabelledSet set)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(set);
        CrossEntropy.RequireCompatible(net, set);
        int[] widths = net.Widths;
        int layers = net.Layers;
        var weights = net.Weights.Select(w => w.ToArray()).ToArray();
        var biases = net.Biases?.Select(b => b.ToArray()).ToArray();
        var offsets = Enumerable.Range(0, layers).Select(n => ParameterLayout.WeightOffset(widths, net.HasBiases, n)).ToArray();
        var gradient = new double[net.ParameterCount];
        var z = new double[layers + 1][];
        for (int n = 0; n <= layers; n++) z[n] = new double[widths[n]];
        double total = 0;

        for (int s = 0; s < set.Count; s++)
        {
            for (int j = 0; j < widths[0]; j++) z[0][j] = set.Inputs[s, j];
            for (int n = 0; n < layers; n++)
            {
                var w = weights[n];
                for (int i = 0; i < widths[n + 1]; i++)
                {
                    double sum = 0;
                    for (int j = 0; j < widths[n]; j++) sum += w[i, j] * z[n][j];
                    if (biases is not null) sum += biases[n][i];
                    z[n + 1][i] = n + 1 < layers ? Math.Tanh(sum) : sum;
                }
            }

            var logits = z[layers];
            int label = set.Labels[s];
            double lse = CrossEntropy.LogSumExp(logits);
            total += CrossEntropy.Of(logits, label);
            var delta = new double[logits.Length];
            for (int a = 0; a < delta.Length; a++) delta[a] = Math.Exp(logits[a] - lse) - (a == label ? 1.0 : 0.0);

            for (int n = layers - 1; n >= 0; n--)
            {
                int offset = offsets[n];
                int rows = widths[n + 1], cols = widths[n];
                for (int i = 0; i < rows; i++)
                    for (int j = 0; j < cols; j++) gradient[offset + i * cols + j] += delta[i] * z[n][j];
                if (biases is not null)
                    for (int i = 0; i < rows; i++) gradient[offset + rows * cols + i] += delta[i];
                if (n == 0) break;
                var previous = new double[cols];
                var w = weights[n];
                for (int j = 0; j < cols; j++)
                {
                    double sum = 0;
                    for (int i = 0; i < rows; i++) sum += w[i, j] * delta[i];
                    previous[j] = sum * (1 - z[n][j] * z[n][j]);
                }
                delta = previous;
            }
        }
        return (total, gradient);
    }
}
