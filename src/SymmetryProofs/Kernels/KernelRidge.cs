using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Kernels;

/// <summary>
/// Kernel ridge regression with the sum-of-squares loss:
/// f = argmin sum_i (f(x_i) - y_i)^2 + lambda ||f||_K^2, i.e. f(x) = sum_i alpha_i K(x_i, x) with
/// (K + lambda I) alpha = y, solved by Cholesky. Prediction sums over i in index order.
/// </summary>
public sealed class KernelRidge
{
    public IKernel Kernel { get; }
    public IReadOnlyList<double[]> Points { get; }
    public double[] Alpha { get; }
    public double Lambda { get; }

    private KernelRidge(IKernel kernel, IReadOnlyList<double[]> points, double[] alpha, double lambda)
    {
        Kernel = kernel;
        Points = points;
        Alpha = alpha;
        Lambda = lambda;
    }

    public static KernelRidge Fit(IKernel kernel, IReadOnlyList<double[]> points, IReadOnlyList<double> labels, double lambda)
    {
        if (points.Count != labels.Count) throw new ArgumentException($"Got {points.Count} points but {labels.Count} labels.");
        if (points.Count == 0) throw new ArgumentException("Kernel ridge regression needs at least one sample.");
        if (!(lambda > 0) || !double.IsFinite(lambda)) throw new ArgumentException($"The ridge penalty must be positive and finite; got {lambda}.");
        for (int i = 0; i < points.Count; i++)
        {
            if (points[i].Length != kernel.Dimension)
                throw new ArgumentException($"Point {i} has {points[i].Length} coordinates; the kernel expects {kernel.Dimension}.");
            if (points[i].Any(v => !double.IsFinite(v)) || !double.IsFinite(labels[i]))
                throw new ArgumentException($"Sample {i} has a non-finite coordinate or label.");
        }
        int n = points.Count;
        var k = Matrix<double>.Build.Dense(n, n);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < i; j++) k[i, j] = k[j, i] = kernel.Evaluate(points[i], points[j]);
            k[i, i] = kernel.Evaluate(points[i], points[i]) + lambda;
        }
        var alpha = k.Cholesky().Solve(Vector<double>.Build.DenseOfEnumerable(labels));
        return new KernelRidge(kernel, points.Select(p => p.ToArray()).ToList(), alpha.ToArray(), lambda);
    }

    public double Predict(double[] x)
    {
        double sum = 0;
        for (int i = 0; i < Points.Count; i++) sum += Alpha[i] * Kernel.Evaluate(Points[i], x);
        return sum;
    }
}
