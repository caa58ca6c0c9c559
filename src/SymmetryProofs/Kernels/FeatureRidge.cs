using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Kernels;

/// <summary>
/// Kernel ridge regression for a finite-rank kernel K(x, y) = psi(x).psi(y) with m features,
/// solved in feature space: f = psi . gamma with (Psi^T Psi + lambda I) gamma = Psi^T y. By the
/// push-through identity Psi^T (Psi Psi^T + lambda I)^(-1) = (Psi^T Psi + lambda I)^(-1) Psi^T this
/// is the same predictor as <see cref="KernelRidge"/> with the same lambda, but costs m^3/3 per
/// penalty instead of n^3/3, and the Gram matrix grows by rank-p updates as samples arrive, so one
/// nested sample gives a whole learning curve: each Add costs only its new rows (p m^2 for p rows).
/// Managed (MathNet) throughout: the reference the tests hold the experiment's libtorch accumulator,
/// <see cref="NormalEquations"/>, against.
/// </summary>
public sealed class FeatureRidge
{
    public int FeatureCount { get; }
    public int SampleCount { get; private set; }
    private readonly Matrix<double> _gram;
    private readonly Vector<double> _rhs;

    public FeatureRidge(int featureCount)
    {
        FeatureCount = featureCount;
        _gram = Matrix<double>.Build.Dense(featureCount, featureCount);
        _rhs = Vector<double>.Build.Dense(featureCount);
    }

    /// <summary>Adds samples: rows of <paramref name="features"/> are psi(x_i), with labels y_i.</summary>
    public void Add(Matrix<double> features, Vector<double> labels)
    {
        if (features.ColumnCount != FeatureCount) throw new ArgumentException($"Expected {FeatureCount} feature columns; got {features.ColumnCount}.");
        if (features.RowCount != labels.Count) throw new ArgumentException($"Got {features.RowCount} feature rows but {labels.Count} labels.");
        _gram.Add(features.TransposeThisAndMultiply(features), _gram);
        _rhs.Add(features.TransposeThisAndMultiply(labels), _rhs);
        SampleCount += features.RowCount;
    }

    /// <summary>gamma for penalty lambda (sum-of-squares loss, as in <see cref="KernelRidge"/>).</summary>
    public Vector<double> Solve(double lambda)
    {
        if (!(lambda > 0) || !double.IsFinite(lambda)) throw new ArgumentException($"The ridge penalty must be positive and finite; got {lambda}.");
        var a = _gram.Clone();
        for (int i = 0; i < FeatureCount; i++) a[i, i] += lambda;
        return a.Cholesky().Solve(_rhs);
    }
}
