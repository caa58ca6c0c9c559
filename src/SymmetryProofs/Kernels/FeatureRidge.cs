using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Runtime;
using static TorchSharp.torch;

namespace SymmetryProofs.Kernels;

/// <summary>
/// Kernel ridge regression for a finite-rank kernel K(x, y) = psi(x).psi(y) with m features,
/// solved in feature space: f = psi . gamma with (Psi^T Psi + lambda I) gamma = Psi^T y. By the
/// push-through identity Psi^T (Psi Psi^T + lambda I)^(-1) = (Psi^T Psi + lambda I)^(-1) Psi^T this
/// is the same predictor as <see cref="KernelRidge"/> with the same lambda, but costs m^3/3 per
/// penalty instead of n^3/3, and the Gram matrix grows by rank-p updates as samples arrive, so one
/// nested sample gives a whole learning curve: each Add costs only its new rows (p m^2 for p rows).
/// With <c>torchProducts</c> the rank-p product Psi^T Psi goes through libtorch's BLAS (float64;
/// call <see cref="TorchSetup.Initialise"/> first): measured 3-9x faster than MathNet's managed
/// product for 4096 x 515 to 8192 x 2109 blocks (docs/learning-curves.md), equal to ~1e-14 relative.
/// </summary>
public sealed class FeatureRidge
{
    public int FeatureCount { get; }
    public int SampleCount { get; private set; }
    private readonly Matrix<double> _gram;
    private readonly Vector<double> _rhs;
    private readonly bool _torch;

    public FeatureRidge(int featureCount, bool torchProducts = false)
    {
        FeatureCount = featureCount;
        _torch = torchProducts;
        _gram = Matrix<double>.Build.Dense(featureCount, featureCount);
        _rhs = Vector<double>.Build.Dense(featureCount);
    }

    /// <summary>Adds samples: rows of <paramref name="features"/> are psi(x_i), with labels y_i.</summary>
    public void Add(Matrix<double> features, Vector<double> labels)
    {
        if (features.ColumnCount != FeatureCount) throw new ArgumentException($"Expected {FeatureCount} feature columns; got {features.ColumnCount}.");
        if (features.RowCount != labels.Count) throw new ArgumentException($"Got {features.RowCount} feature rows but {labels.Count} labels.");
        _gram.Add(_torch ? TorchGram(features) : features.TransposeThisAndMultiply(features), _gram);
        _rhs.Add(features.TransposeThisAndMultiply(labels), _rhs);
        SampleCount += features.RowCount;
    }

    private static Matrix<double> TorchGram(Matrix<double> features)
    {
        int p = features.RowCount, m = features.ColumnCount;
        var flat = new double[p * m];
        for (int i = 0; i < p; i++)
            for (int j = 0; j < m; j++) flat[i * m + j] = features[i, j];
        using var scope = NewDisposeScope();
        var psi = Tensors.Float64(flat, [p, m]);
        var gram = psi.t().mm(psi).contiguous().data<double>().ToArray();
        return Matrix<double>.Build.Dense(m, m, (i, j) => gram[i * m + j]);
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
