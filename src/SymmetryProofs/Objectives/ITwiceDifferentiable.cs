using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Objectives;

/// <summary>
/// A scalar loss of a flat parameter vector with its gradient, Hessian-vector products and full
/// Hessian, in plain arrays. Two implementations: <see cref="TorchObjective"/> (any TorchSharp loss,
/// by autograd) and <see cref="MlpObjective"/> (the tanh MLP with cross-entropy, by the R-operator),
/// so the solver and the analysis do not care which one computed the curvature.
/// </summary>
public interface ITwiceDifferentiable
{
    int Dimension { get; }

    (double Value, double[] Gradient) ValueAndGradient(double[] theta);

    double[] HessianVectorProduct(double[] theta, double[] v);

    /// <summary>The Hessian as computed (rows may differ from columns by rounding; see <see cref="TorchObjective.Symmetrised"/>).</summary>
    Matrix<double> Hessian(double[] theta, Action<int>? progress = null);
}
