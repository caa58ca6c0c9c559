using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Networks;
using SymmetryProofs.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryProofs.Objectives;

/// <summary>
/// The mean softmax cross-entropy of a tanh <see cref="TorchMlp"/> on fixed data, plus
/// (penalty/2) |theta|^2, with its gradient by hand-written backpropagation and exact
/// Hessian-vector products by Pearlmutter's R-operator (forward and backward passes of the
/// directional derivative). No autograd graph is built. The full Hessian (MlpObjective.Hessian.cs)
/// uses the layer structure: every direction inside one layer is a per-sample multiple of a
/// unit seed at that layer's pre-activations, so a handful of seeds replaces one pass per row.
/// </summary>
public sealed partial class MlpObjective : ITwiceDifferentiable
{
    private readonly TorchMlp net;
    private readonly Tensor inputs;
    private readonly Tensor labels;
    private readonly int layers;

    /// <summary>
    /// The sample count as one long-lived Scalar for the divisions by n. A temporary Scalar from an
    /// implicit conversion can be finalized by the GC while libtorch still reads it (its handle is
    /// passed, the managed object is dead); under load the suite once saw at::native::div fail
    /// with "Unknown scalar type". Same Int64 scalar, same division: results are bit for bit the same.
    /// </summary>
    private readonly Scalar samplesScalar;

    /// <summary>The penalty as a scalar that lives as long as this object (Runtime/Scalars: an implicit temporary can be freed while libtorch reads it).</summary>
    private readonly Scalar penaltyScalar;

    public double Penalty { get; }
    public int Dimension => net.ParameterCount;
    public int Samples { get; }

    /// <summary>
    /// Doubles in the largest intermediate of the full Hessian's contraction over samples, which
    /// sets how many samples are contracted at once. Measured with `hessian bench --chunk-elements`
    /// (64-10-5-10, 8985 samples): 2^18..2^22 doubles (2..32 MB) take 0.6..0.9 s, 2^24 takes 2.6 s
    /// (above glibc's 32 MB mmap threshold, see NativeHeap, each chunk is page-faulted afresh).
    /// </summary>
    public long ChunkElements { get; init; } = 1L << 20;

    /// <summary>How <see cref="Hessian"/> contracts its diagonal blocks (<see cref="HessianAssembly"/>); the general one by default.</summary>
    public HessianAssembly Assembly { get; init; } = HessianAssembly.General;

    /// <summary>
    /// Inputs are float64 [n, widths[0]], labels int64 [n] with class indices in [0, widths[^1]);
    /// the caller keeps ownership of both tensors and must keep them alive.
    /// </summary>
    public MlpObjective(TorchMlp net, Tensor inputs, Tensor labels, double penalty = 0)
    {
        ArgumentNullException.ThrowIfNull(net);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(labels);
        if (inputs.dim() != 2 || inputs.shape[1] != net.Widths[0] || inputs.dtype != float64)
            throw new ArgumentException($"inputs have shape [{string.Join(", ", inputs.shape)}] and type {inputs.dtype}; expected float64 [n, {net.Widths[0]}].", nameof(inputs));
        if (labels.dim() != 1 || labels.shape[0] != inputs.shape[0] || labels.dtype != int64)
            throw new ArgumentException($"labels have shape [{string.Join(", ", labels.shape)}] and type {labels.dtype}; expected int64 [{inputs.shape[0]}].", nameof(labels));
        if (inputs.shape[0] < 1) throw new ArgumentException("Expected at least one sample.", nameof(inputs));
        if (!double.IsFinite(penalty) || penalty < 0) throw new ArgumentOutOfRangeException(nameof(penalty), penalty, "Expected a finite penalty >= 0.");
        using (var scope = torch.NewDisposeScope())
        {
            long min = labels.min().item<long>(), max = labels.max().item<long>();
            if (min < 0 || max >= net.Widths[^1])
                throw new ArgumentException($"labels range over [{min}, {max}]; expected class indices in [0, {net.Widths[^1] - 1}].", nameof(labels));
            if (!inputs.isfinite().all().item<bool>()) throw new ArgumentException("inputs contain NaN or infinity.", nameof(inputs));
        }
        this.net = net;
        this.inputs = inputs;
        this.labels = labels;
        Penalty = penalty;
        layers = net.Widths.Length - 1;
        Samples = (int)inputs.shape[0];
        samplesScalar = Samples;
        penaltyScalar = penalty;
    }

    public double Value(double[] theta) => ValueAndGradient(theta).Value;

    public (double Value, double[] Gradient) ValueAndGradient(double[] theta)
    {
        ParameterVector.Check(theta, Dimension, nameof(theta));
        using var scope = torch.NewDisposeScope();
        var th = Tensors.Float64(theta);
        var pass = Forward(th);
        var parts = new List<Tensor>();
        for (int i = 0; i < layers; i++)
        {
            parts.Add(pass.Delta[i].t().matmul(pass.H[i]).flatten());
            if (net.WithBiases) parts.Add(pass.Delta[i].sum(dim: 0));
        }
        var g = torch.cat(parts, 0) + th.mul(penaltyScalar);
        return (pass.Value + 0.5 * Penalty * th.dot(th).item<double>(), g.data<double>().ToArray());
    }

    /// <summary>
    /// H v for several directions, sharing one forward pass and one batched pair of R-passes (for
    /// Hutchinson probes or a Lanczos block). Not for hundreds of directions: the [samples x
    /// directions x width] intermediates are memory-bound (the full Hessian in batches of 93 unit
    /// directions took 44 s, against 0.6 s for <see cref="Hessian"/>).
    /// </summary>
    public double[][] HessianVectorProducts(double[] theta, IReadOnlyList<double[]> directions)
    {
        ParameterVector.Check(theta, Dimension, nameof(theta));
        ArgumentNullException.ThrowIfNull(directions);
        if (directions.Count == 0) return [];
        foreach (var v in directions) ParameterVector.Check(v, Dimension, nameof(directions));
        using var scope = torch.NewDisposeScope();
        var th = Tensors.Float64(theta);
        var v0 = Tensors.Float64(directions.SelectMany(v => v).ToArray(), [directions.Count, Dimension]);
        var rows = Products(th, Forward(th), v0).data<double>().ToArray();
        return Enumerable.Range(0, directions.Count).Select(b => rows.AsSpan(b * Dimension, Dimension).ToArray()).ToArray();
    }

    public double[] HessianVectorProduct(double[] theta, double[] v)
    {
        ParameterVector.Check(theta, Dimension, nameof(theta));
        ParameterVector.Check(v, Dimension, nameof(v));
        using var scope = torch.NewDisposeScope();
        var th = Tensors.Float64(theta);
        return Products(th, Forward(th), Tensors.Float64(v).unsqueeze(0)).data<double>().ToArray();
    }

    /// <summary>Activations and back-propagated errors at theta, shared by the gradient and every R-pass.</summary>
    /// <remarks>
    /// H[i] is the input of layer i (H[0] the data); Slope[i] = 1 - H[i]^2, tanh' at layer i's input
    /// (i >= 1); Delta[i] = dLoss/d(pre-activation of layer i); Error[i] = dLoss/dH[i] for i >= 1.
    /// </remarks>
    private sealed record Pass(double Value, Tensor[] H, Tensor[] Slope, Tensor[] Delta, Tensor[] Error, Tensor P);

    private Pass Forward(Tensor th)
    {
        var activations = net.Activations(th, inputs);
        var h = activations[..layers];
        var logits = activations[layers];
        var slope = new Tensor[layers];
        for (int i = 1; i < layers; i++) slope[i] = Scalars.One - h[i] * h[i];
        var logp = logits.log_softmax(1);
        double value = -logp.gather(1, labels.unsqueeze(1)).mean().item<double>();
        var p = logp.exp();
        var delta = new Tensor[layers];
        var error = new Tensor[layers];
        delta[layers - 1] = (p - nn.functional.one_hot(labels, net.Widths[^1]).to_type(float64)) / samplesScalar;
        for (int i = layers - 1; i >= 1; i--)
        {
            error[i] = delta[i].matmul(net.Weight(th, i));
            delta[i - 1] = error[i] * slope[i];
        }
        return new Pass(value, h, slope, delta, error, p);
    }

    /// <summary>
    /// H v_b for a batch of directions, the rows of V [B, parameters]; row b of the result is H v_b. Intermediates are laid out
    /// [samples, B, width] so that every product over samples or widths is one matrix product
    /// without copies: R{a_i} = R{h_i} W_i^T + h_i V_W^T + V_b, R{h_{i+1}} = (1 - h^2) R{a_i};
    /// at the logits R{delta} = (diag p - p p^T) R{z} / n; backwards R{g_W} = R{delta}^T h + delta^T R{h},
    /// R{e} = R{delta} W + delta V_W and R{delta_prev} = R{e} (1 - h^2) - 2 e h R{h}.
    /// </summary>
    private Tensor Products(Tensor th, Pass s, Tensor v)
    {
        long b = v.shape[0], n = Samples;
        var w = net.Widths;
        var vw = new Tensor[layers];
        var vb = new Tensor?[layers];
        var rh = new Tensor?[layers];
        Tensor ra = null!;
        for (int i = 0; i < layers; i++)
        {
            int off = ParameterLayout.WeightOffset(w, net.WithBiases, i), fanIn = w[i], fanOut = w[i + 1];
            vw[i] = v.narrow(1, off, fanOut * fanIn).reshape(b, fanOut, fanIn);
            vb[i] = net.WithBiases ? v.narrow(1, off + fanOut * fanIn, fanOut) : null;
            ra = s.H[i].matmul(vw[i].permute(2, 0, 1).reshape(fanIn, b * fanOut)).view(n, b, fanOut);
            if (rh[i] is { } r) ra = ra + r.matmul(net.Weight(th, i).t());
            if (vb[i] is { } bias) ra = ra + bias.unsqueeze(0);
            if (i + 1 < layers) rh[i + 1] = ra * s.Slope[i + 1].unsqueeze(1);
        }
        var p = s.P.unsqueeze(1);
        var rdelta = p * (ra - (p * ra).sum(-1, keepdim: true)) / samplesScalar;
        var blocks = new Tensor[2 * layers];
        for (int i = layers - 1; i >= 0; i--)
        {
            int fanIn = w[i], fanOut = w[i + 1];
            var rgw = rdelta.reshape(n, b * fanOut).t().matmul(s.H[i]).view(b, fanOut, fanIn);
            if (rh[i] is { } r)
                rgw = rgw + s.Delta[i].t().matmul(r.reshape(n, b * fanIn)).view(fanOut, b, fanIn).permute(1, 0, 2);
            blocks[2 * i] = rgw.reshape(b, fanOut * fanIn);
            blocks[2 * i + 1] = rdelta.sum(dim: 0);
            if (i > 0)
            {
                var re = rdelta.matmul(net.Weight(th, i)) + s.Delta[i].matmul(vw[i].permute(1, 0, 2).reshape(fanOut, b * fanIn)).view(n, b, fanIn);
                rdelta = re * s.Slope[i].unsqueeze(1) - (s.Error[i] * s.H[i]).unsqueeze(1).mul(Scalars.Two) * rh[i]!;
            }
        }
        var parts = net.WithBiases ? blocks : blocks.Where((_, k) => k % 2 == 0).ToArray();
        return torch.cat(parts, 1) + v.mul(penaltyScalar);
    }
}
