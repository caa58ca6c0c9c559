using SymmetryProofs.Data;
using SymmetryProofs.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryProofs.Training;

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
        inputs = Aligned(torch.tensor(train.Inputs.ToRowMajorArray(), [train.Count, train.Dimension], dtype: float64));
        labels = Aligned(torch.tensor(train.Labels.Select(l => (long)l).ToArray(), dtype: int64));
    }

    /// <summary>Loss at theta; writes d loss / d theta into <paramref name="gradient"/>.</summary>
    public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        if (theta.Length != Model.ParameterCount || gradient.Length != Model.ParameterCount)
            throw new ArgumentException($"Expected {Model.ParameterCount} parameters; got theta {theta.Length}, gradient {gradient.Length}.");
        using var scope = torch.NewDisposeScope();
        var t = Aligned(torch.tensor(theta.ToArray(), dtype: float64)).requires_grad_(true);
        var loss = nn.functional.cross_entropy(Model.Logits(t, inputs), labels);
        loss.backward();
        t.grad!.data<double>().CopyTo(gradient);
        return loss.item<double>();
    }

    /// <summary>Logits of every training sample at theta, for reporting.</summary>
    public double[,] Logits(ReadOnlySpan<double> theta)
    {
        using var scope = torch.NewDisposeScope();
        using var _ = torch.no_grad();
        var s = Model.Logits(Aligned(torch.tensor(theta.ToArray(), dtype: float64)), inputs);
        var flat = s.data<double>().ToArray();
        int k = Model.Widths[^1];
        var result = new double[Samples, k];
        for (int i = 0; i < Samples; i++)
            for (int a = 0; a < k; a++) result[i, a] = flat[i * k + a];
        return result;
    }

    /// <summary>
    /// A copy in libtorch's own (64-byte aligned) memory. A tensor made from a managed array may keep
    /// that array's address, and BLAS kernels pick their vector paths by alignment, which changed the
    /// last bits of the loss between two runs of the same seed.
    /// </summary>
    private static Tensor Aligned(Tensor fromManaged)
    {
        var copy = fromManaged.clone();
        fromManaged.Dispose();
        return copy;
    }

    public void Dispose()
    {
        inputs.Dispose();
        labels.Dispose();
    }
}
