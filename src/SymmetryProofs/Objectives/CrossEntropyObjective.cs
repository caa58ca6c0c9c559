using SymmetryProofs.Data;
using SymmetryProofs.Networks;
using SymmetryProofs.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryProofs.Objectives;

/// <summary>
/// The full-batch training loss of a <see cref="TorchMlp"/>: the mean cross-entropy of softmax(s(x))
/// against the labels, and its gradient with respect to the flat parameter vector theta by autograd.
/// </summary>
public sealed class CrossEntropyObjective : IDisposable
{
    private readonly Tensor inputs;
    private readonly Tensor labels;

    public TorchMlp Model { get; }
    public int Samples { get; }

    public CrossEntropyObjective(TorchMlp model, LabelledSet train)
    {
        if (train.Dimension != model.Widths[0])
            throw new ArgumentException($"Training set has dimension {train.Dimension}; the model expects {model.Widths[0]}.", nameof(train));
        if (train.Classes != model.Widths[^1])
            throw new ArgumentException($"Training set has {train.Classes} classes; the model has {model.Widths[^1]} logits.", nameof(train));
        TorchSetup.Initialise();
        Model = model;
        Samples = train.Count;
        inputs = Tensors.Float64(train.Inputs.ToRowMajorArray(), [train.Count, train.Dimension]);
        labels = Tensors.Int64(train.Labels.Select(l => (long)l).ToArray());
    }

    /// <summary>Loss at theta; writes d loss / d theta into <paramref name="gradient"/>.</summary>
    public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        if (theta.Length != Model.ParameterCount || gradient.Length != Model.ParameterCount)
            throw new ArgumentException($"Expected {Model.ParameterCount} parameters; got theta {theta.Length}, gradient {gradient.Length}.");
        using var scope = torch.NewDisposeScope();
        var t = Tensors.Float64(theta).requires_grad_(true);
        var loss = nn.functional.cross_entropy(Model.Logits(t, inputs), labels);
        loss.backward();
        t.grad!.data<double>().CopyTo(gradient);
        return loss.item<double>();
    }

    /// <summary>The mean cross-entropy at theta, without its gradient (a validation loss).</summary>
    public double Loss(ReadOnlySpan<double> theta)
    {
        using var scope = torch.NewDisposeScope();
        using var _ = torch.no_grad();
        return nn.functional.cross_entropy(Model.Logits(Tensors.Float64(theta), inputs), labels).item<double>();
    }

    /// <summary>Logits of every training sample at theta, for reporting.</summary>
    public double[,] Logits(ReadOnlySpan<double> theta)
    {
        using var scope = torch.NewDisposeScope();
        using var _ = torch.no_grad();
        var s = Model.Logits(Tensors.Float64(theta), inputs);
        var flat = s.data<double>().ToArray();
        int k = Model.Widths[^1];
        var result = new double[Samples, k];
        for (int i = 0; i < Samples; i++)
            for (int a = 0; a < k; a++) result[i, a] = flat[i * k + a];
        return result;
    }


    public void Dispose()
    {
        inputs.Dispose();
        labels.Dispose();
    }
}
