using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SymmetryProofs.Checking.Examples;

/// <summary>
/// A TorchSharp module: two 3x3 convolutions (4 channels, tanh) on an h x w image given as a flat row,
/// a sum over pixels and a linear head. With circular padding every layer commutes with cyclic
/// shifts and the pixel sum is invariant, so the net is translation invariant; with zero padding
/// the border pixels see zeros instead of the wrapped image, a bug that only shows near the borders.
/// The convolution is written as a sum of nine shifted images (the same arithmetic for every output
/// pixel) rather than conv2d, whose CPU path makes libtorch print an NNPACK warning per call here.
/// </summary>
internal sealed class SmallCnn : nn.Module<Tensor, Tensor>
{
    private readonly Parameter kernel1, bias1, kernel2, bias2;
    private readonly Linear head;
    private readonly int height, width;
    private readonly bool circular;

    public SmallCnn(ExampleWeights w, int height, int width, bool circular) : base(circular ? "CircularCnn" : "ZeroPaddedCnn")
    {
        this.height = height;
        this.width = width;
        this.circular = circular;
        kernel1 = new Parameter(w.Tensor(1.0 / 3, 4, 1, 3, 3));
        bias1 = new Parameter(w.Tensor(0.1, 4));
        kernel2 = new Parameter(w.Tensor(1.0 / 6, 4, 4, 3, 3));
        bias2 = new Parameter(w.Tensor(0.1, 4));
        head = nn.Linear(4, 2, dtype: ScalarType.Float64);
        using (no_grad())
        {
            head.weight!.copy_(w.Tensor(1.0 / 16, 2, 4));
            head.bias!.copy_(w.Tensor(0.1, 2));
        }
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var z = x.reshape(x.shape[0], 1, height, width);
        z = Convolve(Convolve(z, kernel1, bias1).tanh(), kernel2, bias2).tanh();
        return head.forward(z.sum(new long[] { 2, 3 }));
    }

    // out[b, o, r, c] = bias[o] + sum_{i, dr, dc} k[o, i, dr, dc] z[b, i, r + dr - 1, c + dc - 1], outside pixels wrapped or zero.
    private Tensor Convolve(Tensor z, Tensor k, Tensor bias)
    {
        var padded = circular
            ? nn.functional.pad(z, new long[] { 1, 1, 1, 1 }, PaddingModes.Circular)
            : nn.functional.pad(z, new long[] { 1, 1, 1, 1 }, PaddingModes.Constant, 0);
        Tensor? sum = null;
        for (int dr = 0; dr < 3; dr++)
            for (int dc = 0; dc < 3; dc++)
            {
                var window = padded.narrow(2, dr, height).narrow(3, dc, width);
                var term = einsum("oi,bihw->bohw", k.select(2, dr).select(2, dc), window);
                sum = sum is null ? term : sum + term;
            }
        return sum! + bias.reshape(1, -1, 1, 1);
    }
}
