using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Networks;

namespace SymmetryProofs.Properties.Support;

/// <summary>The closed-form Hessian of mean cross-entropy for linear logits s = W x (a depth-1 bias-free net).</summary>
public static class SoftmaxRegression
{
    /// <summary>H[(a,j),(b,k)] = mean_i (p_a delta_ab - p_a p_b) x_j x_k: the softmax covariance times x x^T, in W's row-major order.</summary>
    public static Matrix<double> Hessian(Matrix<double> w, Matrix<double> x)
    {
        int n = x.RowCount, m = x.ColumnCount, c = w.RowCount;
        var expected = Matrix<double>.Build.Dense(c * m, c * m);
        for (int i = 0; i < n; i++)
        {
            var p = Softmax.Of(w * x.Row(i));
            for (int a = 0; a < c; a++)
                for (int b = 0; b < c; b++)
                    for (int j = 0; j < m; j++)
                        for (int k = 0; k < m; k++)
                            expected[a * m + j, b * m + k] += ((a == b ? p[a] : 0) - p[a] * p[b]) * x[i, j] * x[i, k] / n;
        }
        return expected;
    }
}
