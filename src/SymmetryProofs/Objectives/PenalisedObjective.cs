using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Objectives;

/// <summary>
/// An objective plus <see cref="L2Penalty"/>: value + (lambda/2)|theta|^2, gradient + lambda theta,
/// Hessian + lambda I (so the Newton finish minimises the same penalised loss that L-BFGS did).
/// </summary>
public sealed class PenalisedObjective(ITwiceDifferentiable inner, double lambda) : ITwiceDifferentiable
{
    public int Dimension => inner.Dimension;

    public (double Value, double[] Gradient) ValueAndGradient(double[] theta)
    {
        var (value, gradient) = inner.ValueAndGradient(theta);
        return (value + L2Penalty.Add(theta, gradient, lambda), gradient);
    }

    public double[] HessianVectorProduct(double[] theta, double[] v)
    {
        var hv = inner.HessianVectorProduct(theta, v);
        for (int i = 0; i < hv.Length; i++) hv[i] += lambda * v[i];
        return hv;
    }

    public Matrix<double> Hessian(double[] theta, Action<int>? progress = null)
    {
        var h = inner.Hessian(theta, progress);
        for (int i = 0; i < h.RowCount; i++) h[i, i] += lambda;
        return h;
    }
}
