using SymmetryProofs.Data;
using SymmetryProofs.Objectives;
using SymmetryProofs.Networks;
using SymmetryProofs.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// The training objective of the experiment: mean cross-entropy over the (augmented) set plus
/// (penalty/2) |theta|^2 on every parameter. The penalty is invariant under W -> W U(g) for
/// orthogonal U(g), so it keeps the group's flat directions; it lifts the accidental ones
/// (saturation, the softmax gauge) to curvature at least penalty.
/// </summary>
internal sealed class HessianLoss
{
    public TorchMlp Net { get; }
    public LabelledSet Data { get; }
    public double Penalty { get; }
    public Tensor Inputs { get; }
    public Tensor Labels { get; }

    public HessianLoss(TorchMlp net, LabelledSet data, double penalty)
    {
        Net = net;
        Data = data;
        Penalty = penalty;
        halfPenalty = 0.5 * penalty;
        // Created outside every dispose scope: they live as long as this object.
        Inputs = Tensors.Float64(data.Inputs.ToRowMajorArray(), [data.Count, data.Dimension]);
        Labels = Tensors.Int64(data.Labels.Select(l => (long)l).ToArray());
    }

    /// <summary>penalty/2 as a scalar that lives as long as this object (Runtime/Scalars: an implicit temporary can be freed while libtorch reads it).</summary>
    private readonly Scalar halfPenalty;

    public Tensor Loss(Tensor theta, Tensor inputs, Tensor labels) =>
        nn.functional.cross_entropy(Net.Logits(theta, inputs), labels) + (theta * theta).sum().mul(halfPenalty);

    /// <summary>The same objective with hand-written derivatives: R-operator HVPs and the block-structured full Hessian (MlpObjectiveTests check it against autograd).</summary>
    public MlpObjective Objective() => new(Net, Inputs, Labels, Penalty);

    public double Accuracy(double[] theta)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var pred = Net.Logits(Tensors.Float64(theta), Inputs).argmax(1);
        return pred.eq(Labels).to_type(float64).mean().item<double>();
    }
}
