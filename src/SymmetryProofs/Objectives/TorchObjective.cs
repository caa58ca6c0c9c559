using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryProofs.Objectives;

/// <summary>
/// A scalar loss of one flat float64 parameter vector, given as a TorchSharp function, with its
/// value, gradient, Hessian-vector products by double backward (Pearlmutter's trick through
/// autograd: H v = d/dtheta (grad . v)) and the full Hessian assembled row by row from one retained
/// gradient graph. All entry points take and return plain arrays so callers never own tensors.
/// </summary>
public sealed class TorchObjective : ITwiceDifferentiable
{
    private readonly Func<Tensor, Tensor> loss;
    public int Dimension { get; }

    public TorchObjective(Func<Tensor, Tensor> loss, int dimension)
    {
        ArgumentNullException.ThrowIfNull(loss);
        if (dimension < 1) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Expected at least one parameter.");
        TorchSetup.Initialise();
        this.loss = loss;
        Dimension = dimension;
    }

    public double Value(double[] theta)
    {
        ParameterVector.Check(theta, Dimension, nameof(theta));
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        return Scalar(loss(Tensors.Float64(theta)));
    }

    public (double Value, double[] Gradient) ValueAndGradient(double[] theta)
    {
        ParameterVector.Check(theta, Dimension, nameof(theta));
        using var scope = torch.NewDisposeScope();
        var th = Tensors.Float64(theta).requires_grad_(true);
        var l = loss(th);
        var g = torch.autograd.grad(new[] { l }, new[] { th })[0];
        return (Scalar(l), g.data<double>().ToArray());
    }

    public double[] Gradient(double[] theta) => ValueAndGradient(theta).Gradient;

    /// <summary>H(theta) v by double backward; costs about two gradients.</summary>
    public double[] HessianVectorProduct(double[] theta, double[] v)
    {
        ParameterVector.Check(theta, Dimension, nameof(theta));
        ParameterVector.Check(v, Dimension, nameof(v));
        using var scope = torch.NewDisposeScope();
        var th = Tensors.Float64(theta).requires_grad_(true);
        var g = torch.autograd.grad(new[] { loss(th) }, new[] { th }, retain_graph: true, create_graph: true)[0];
        var gv = (g * Tensors.Float64(v)).sum();
        return torch.autograd.grad(new[] { gv }, new[] { th })[0].data<double>().ToArray();
    }

    /// <summary>
    /// The full Hessian: the gradient graph is built once (create_graph) and differentiated once per
    /// row with retain_graph, so the forward pass is not repeated n times. Returned as computed
    /// (autograd rows are not exactly symmetric); see <see cref="Symmetrised"/>.
    /// </summary>
    public Matrix<double> Hessian(double[] theta, Action<int>? progress = null)
    {
        ParameterVector.Check(theta, Dimension, nameof(theta));
        int n = Dimension;
        var h = Matrix<double>.Build.Dense(n, n);
        using var scope = torch.NewDisposeScope();
        var th = Tensors.Float64(theta).requires_grad_(true);
        var g = torch.autograd.grad(new[] { loss(th) }, new[] { th }, retain_graph: true, create_graph: true)[0];
        for (int i = 0; i < n; i++)
        {
            using var rowScope = torch.NewDisposeScope();
            var row = torch.autograd.grad(new[] { g[i] }, new[] { th }, retain_graph: true, allow_unused: true)[0];
            // A gradient entry that does not depend on theta (e.g. a linear loss) has no graph: its row is zero.
            if (row is null || row.IsInvalid)
                continue;
            var values = row.data<double>().ToArray();
            for (int j = 0; j < n; j++) h[i, j] = values[j];
            progress?.Invoke(i);
        }
        return h;
    }

    /// <summary>(H + H^T)/2 and the largest |H - H^T| relative to max |H|, the rounding asymmetry of autograd rows.</summary>
    public static (Matrix<double> H, double RelativeAsymmetry) Symmetrised(Matrix<double> h)
    {
        var asym = (h - h.Transpose()).Enumerate().Select(Math.Abs).DefaultIfEmpty(0).Max();
        double scale = h.Enumerate().Select(Math.Abs).DefaultIfEmpty(0).Max();
        return (0.5 * (h + h.Transpose()), scale > 0 ? asym / scale : asym);
    }

    private static double Scalar(Tensor t)
    {
        if (t.numel() != 1) throw new InvalidOperationException($"The loss must be a scalar; got shape [{string.Join(", ", t.shape)}].");
        return t.to_type(float64).item<double>();
    }
}
