using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Networks;
using SymmetryProofs.IO;
using SymmetryProofs.Properties.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryProofs.Properties.Networks;

/// <summary>The TorchSharp twin runs on this machine (forward and backward) and agrees with the MathNet network.</summary>
[Properties(Arbitrary = new[] { typeof(Arbs) }, MaxTest = Suite.Cases, MaxRejected = Suite.MaxRejected)]
public class TorchMlpTests
{
    /// <summary>
    /// Torch's matrix products sum in their own (blocked) order, so logits agree to rounding:
    /// a few ulps of sum |W||z| per layer, below 1e-12 of 1 + |s| for these small nets.
    /// </summary>
    public const double LogitTolerance = 1e-12;

    /// <summary>TorchSharp forward (TorchMlp) and backward (autograd) run, and the logits equal the MathNet forward.</summary>
    [Property]
    public Property Torch_twin_logits_equal_MathNet_logits(LossCase c)
    {
        var net = c.Net.ToMlp();
        var set = c.Data.ToLabelledSet();
        var (_, gradient, logits) = TorchLoss.Of(net, set);
        double worst = 0;
        for (int i = 0; i < set.Count; i++)
        {
            var s = net.Logits(set.Input(i));
            for (int a = 0; a < s.Count; a++) worst = Math.Max(worst, Math.Abs(s[a] - logits[i, a]) / (1 + Math.Abs(s[a])));
        }
        return Prop.Label(gradient.Length == net.ParameterCount && gradient.All(double.IsFinite), "autograd gave a finite gradient for every parameter")
            .And(Prop.Label(worst <= LogitTolerance, $"largest relative logit difference {Format.Number(worst)}"));
    }

    [Fact]
    public void Pack_then_unpack_gives_back_the_same_net()
    {
        var net = Mlp.Random(new[] { 3, 4, 2 }, withBiases: true, new Random(7));
        var twin = TorchMlp.Like(net);
        using var scope = torch.NewDisposeScope();
        Assert.Equal(net.Flatten(), twin.Unpack(twin.Pack(net)).Flatten());
    }

    [Fact]
    public void Theta_of_the_wrong_length_is_rejected()
    {
        var twin = new TorchMlp(new[] { 3, 2 }, withBiases: false);
        using var scope = torch.NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() => twin.Logits(torch.zeros(5, dtype: float64), torch.zeros(1, 3, dtype: float64)));
        Assert.Contains("expected [6]", e.Message);
    }

    [Fact]
    public void Inputs_of_the_wrong_width_are_rejected()
    {
        var twin = new TorchMlp(new[] { 3, 2 }, withBiases: false);
        using var scope = torch.NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() => twin.Logits(torch.zeros(6, dtype: float64), torch.zeros(1, 4, dtype: float64)));
        Assert.Contains("expected [n, 3]", e.Message);
    }

    [Fact]
    public void Float32_tensors_are_rejected()
    {
        var twin = new TorchMlp(new[] { 3, 2 }, withBiases: false);
        using var scope = torch.NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() => twin.Logits(torch.zeros(6, dtype: float32), torch.zeros(1, 3, dtype: float32)));
        Assert.Contains("float64", e.Message);
    }

    [Fact]
    public void Non_positive_widths_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new TorchMlp(new[] { 3, 0, 2 }, withBiases: false));
        Assert.Contains("3-0-2", e.Message);
    }

    [Fact]
    public void Packing_a_net_of_another_shape_is_rejected()
    {
        var twin = new TorchMlp(new[] { 3, 2 }, withBiases: false);
        var net = new Mlp(new[] { Matrix<double>.Build.Dense(2, 4) });
        var e = Assert.Throws<ArgumentException>(() => twin.Pack(net));
        Assert.Contains("4-2", e.Message);
    }
}
