using TorchSharp;
using static TorchSharp.torch;
using SymmetryProofs.Runtime;

namespace SymmetryProofs.Networks;

/// <summary>
/// The TorchSharp twin of <see cref="Mlp"/>, written functionally: the parameters are one flat
/// float64 tensor theta in <see cref="ParameterLayout"/>'s order, so training, gradients and
/// Hessian-vector products all differentiate with respect to a single leaf.
/// </summary>
public sealed class TorchMlp
{
    public int[] Widths { get; }
    public bool WithBiases { get; }
    public int ParameterCount { get; }

    public TorchMlp(int[] widths, bool withBiases)
    {
        if (widths.Length < 2) throw new ArgumentException("Need at least an input and an output width.", nameof(widths));
        if (widths.Any(w => w < 1)) throw new ArgumentException($"Widths must be positive; got {string.Join("-", widths)}.", nameof(widths));
        TorchSetup.Initialise();
        Widths = widths.ToArray();
        WithBiases = withBiases;
        ParameterCount = ParameterLayout.Count(widths, withBiases);
    }

    public static TorchMlp Like(Mlp net) => new(net.Widths, net.HasBiases);

    /// <summary>W(n) as a view into theta (gradients flow back into theta).</summary>
    public Tensor Weight(Tensor theta, int layer)
    {
        int offset = ParameterLayout.WeightOffset(Widths, WithBiases, layer);
        return theta.narrow(0, offset, Widths[layer + 1] * Widths[layer]).view(Widths[layer + 1], Widths[layer]);
    }

    /// <summary>b(n) as a view into theta, or null for a bias-free net.</summary>
    public Tensor? Bias(Tensor theta, int layer)
    {
        if (!WithBiases) return null;
        int offset = ParameterLayout.WeightOffset(Widths, WithBiases, layer) + Widths[layer + 1] * Widths[layer];
        return theta.narrow(0, offset, Widths[layer + 1]);
    }

    /// <summary>Logits for a batch: inputs are [n, M], the result is [n, K].</summary>
    public Tensor Logits(Tensor theta, Tensor inputs) => Activations(theta, inputs)[^1];

    /// <summary>
    /// Every layer's input and the logits: [inputs, tanh of layer 0, ..., logits], each [n, width].
    /// Hand-written derivatives (Hessian/MlpObjective) need the hidden activations, not only the logits.
    /// </summary>
    public Tensor[] Activations(Tensor theta, Tensor inputs)
    {
        CheckShapes(theta, inputs);
        int layers = Widths.Length - 1;
        var z = new Tensor[layers + 1];
        z[0] = inputs;
        for (int n = 0; n < layers; n++)
        {
            var pre = nn.functional.linear(z[n], Weight(theta, n), Bias(theta, n));
            z[n + 1] = n + 1 < layers ? pre.tanh() : pre;
        }
        return z;
    }

    public Tensor Pack(Mlp net)
    {
        if (!net.Widths.SequenceEqual(Widths) || net.HasBiases != WithBiases)
            throw new ArgumentException($"Network {string.Join("-", net.Widths)} ({(net.HasBiases ? "with" : "without")} biases) does not match twin {string.Join("-", Widths)} ({(WithBiases ? "with" : "without")} biases).", nameof(net));
        return Tensors.Float64(net.Flatten());
    }

    public Mlp Unpack(Tensor theta)
    {
        using var cpu = theta.detach().cpu().to_type(float64);
        return Mlp.FromFlat(Widths, WithBiases, cpu.data<double>().ToArray());
    }

    private void CheckShapes(Tensor theta, Tensor inputs)
    {
        if (theta.dim() != 1 || theta.shape[0] != ParameterCount)
            throw new ArgumentException($"theta has shape [{string.Join(", ", theta.shape)}]; expected [{ParameterCount}].", nameof(theta));
        if (inputs.dim() != 2 || inputs.shape[1] != Widths[0])
            throw new ArgumentException($"inputs have shape [{string.Join(", ", inputs.shape)}]; expected [n, {Widths[0]}].", nameof(inputs));
        if (theta.dtype != float64 || inputs.dtype != float64)
            throw new ArgumentException($"Expected float64 tensors; got theta {theta.dtype}, inputs {inputs.dtype}.");
    }
}
