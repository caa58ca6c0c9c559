using static TorchSharp.torch;

namespace SymmetryProofs.Checking.Examples;

/// <summary>
/// A small tanh network x -> W_L tanh(... tanh(W_1 x + b_1) ...) + b_L over seeded float32-exact
/// weights, evaluated in the dtype of its input, and printable as TorchScript source.
/// </summary>
internal sealed class DenseNet
{
    private readonly Tensor[] weights;
    private readonly Tensor?[] biases;

    public DenseNet(ExampleWeights w, int[] widths, bool withBiases)
    {
        weights = new Tensor[widths.Length - 1];
        biases = new Tensor?[widths.Length - 1];
        for (int l = 0; l + 1 < widths.Length; l++)
        {
            weights[l] = w.Tensor(1.0 / Math.Sqrt(widths[l]), widths[l + 1], widths[l]);
            biases[l] = withBiases ? w.Tensor(0.1, widths[l + 1]) : null;
        }
    }

    public Tensor Forward(Tensor x)
    {
        var z = x;
        for (int l = 0; l < weights.Length; l++)
        {
            z = nn.functional.linear(z, weights[l].to_type(x.dtype), biases[l]?.to_type(x.dtype));
            if (l + 1 < weights.Length) z = z.tanh();
        }
        return z;
    }

    /// <summary>TorchScript lines computing <paramref name="result"/> = this net applied to the variable <paramref name="input"/>.</summary>
    public IEnumerable<string> Source(string input, string result)
    {
        var z = input;
        for (int l = 0; l < weights.Length; l++)
        {
            string bias = biases[l] is null ? "" : $" + {ExampleWeights.Literal(biases[l]!)}";
            string pre = $"torch.matmul({z}, torch.t({ExampleWeights.Literal(weights[l])})){bias}";
            yield return l + 1 < weights.Length ? $"z{l} = torch.tanh({pre})" : $"{result} = {pre}";
            z = $"z{l}";
        }
    }
}
