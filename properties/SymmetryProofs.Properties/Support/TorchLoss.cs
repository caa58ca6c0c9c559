using SymmetryProofs.Data;
using SymmetryProofs.Networks;
using SymmetryProofs.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryProofs.Properties.Support;

/// <summary>The summed cross-entropy of a net on a set, its gradient and logits, all computed by TorchSharp (autograd).</summary>
public static class TorchLoss
{
    public static (double Value, double[] Gradient, double[,] Logits) Of(Mlp net, LabelledSet set)
    {
        TorchSetup.Initialise();
        using var scope = torch.NewDisposeScope();
        var twin = TorchMlp.Like(net);
        var theta = twin.Pack(net).requires_grad_(true);
        var inputs = torch.tensor(set.Inputs.ToRowMajorArray(), new long[] { set.Count, set.Dimension }, dtype: float64);
        var labels = torch.tensor(set.Labels.Select(l => (long)l).ToArray(), dtype: int64);
        var logits = twin.Logits(theta, inputs);
        var loss = nn.functional.cross_entropy(logits, labels, reduction: nn.Reduction.Sum);
        loss.backward();
        var flatLogits = logits.detach().data<double>().ToArray();
        var grid = new double[set.Count, net.OutputDim];
        for (int i = 0; i < set.Count; i++)
            for (int a = 0; a < net.OutputDim; a++) grid[i, a] = flatLogits[i * net.OutputDim + a];
        return (loss.item<double>(), theta.grad!.data<double>().ToArray(), grid);
    }
}
