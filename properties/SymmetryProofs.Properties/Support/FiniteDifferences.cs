using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Properties.Support;

/// <summary>Central finite differences: the independent referee for analytic and autograd derivatives.</summary>
public static class FiniteDifferences
{
    /// <summary>
    /// Step of the central differences. Their error is h^2 |f'''| / 6 (truncation) plus about
    /// u |f| / h (rounding, u = 2^-53); h = 1e-5 balances the two near 1e-10 for O(1) losses.
    /// </summary>
    public const double Step = 1e-5;

    /// <summary>df/dtheta_j ~ (f(theta + h e_j) - f(theta - h e_j)) / 2h for every j.</summary>
    public static double[] Gradient(Func<double[], double> f, double[] theta, double h = Step)
    {
        var g = new double[theta.Length];
        var t = theta.ToArray();
        for (int j = 0; j < theta.Length; j++)
        {
            t[j] = theta[j] + h;
            double plus = f(t);
            t[j] = theta[j] - h;
            double minus = f(t);
            t[j] = theta[j];
            g[j] = (plus - minus) / (2 * h);
        }
        return g;
    }

    /// <summary>
    /// The Hessian as central differences of an exact gradient, column by column, then
    /// symmetrised ((H + H^T) / 2) so that the symmetric eigensolver applies.
    /// </summary>
    public static Matrix<double> Hessian(Func<double[], double[]> gradient, double[] theta, double h = Step)
    {
        int p = theta.Length;
        var hessian = Matrix<double>.Build.Dense(p, p);
        var t = theta.ToArray();
        for (int j = 0; j < p; j++)
        {
            t[j] = theta[j] + h;
            var plus = gradient(t);
            t[j] = theta[j] - h;
            var minus = gradient(t);
            t[j] = theta[j];
            for (int i = 0; i < p; i++) hessian[i, j] = (plus[i] - minus[i]) / (2 * h);
        }
        return (hessian + hessian.Transpose()) / 2;
    }
}
