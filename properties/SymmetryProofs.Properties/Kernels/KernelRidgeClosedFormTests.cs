using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.IO;
using SymmetryProofs.Kernels;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Kernels;

/// <summary>
/// <see cref="KernelRidge"/> against closed forms: with one or two points, alpha = (K + lambda I)^-1 y
/// written out (2x2 inverse by its adjugate) for the spectral Sobolev kernel; and for the linear
/// kernel K(x, y) = x . y, the dual solution equals primal ridge regression
/// w = (X^T X + lambda I)^-1 X^T y (the push-through identity), for any number of points.
/// </summary>
public class KernelRidgeClosedFormTests(ITestOutputHelper output)
{
    private const double U = 1.1102230246251565e-16;

    /// <summary>
    /// Two backward-stable solves of the same SPD system (Cholesky; adjugate or a d x d primal
    /// Cholesky) differ by at most ~kappa (n + d) u relative, kappa = (lambda_max(K) + lambda) / lambda
    /// the condition number of K + lambda I; 64 kappa u leaves a factor of about 4 over n + d &lt;= 11 and
    /// the rounding of the kernel entries. Relative to 1 + |f|, as predictions are O(1).
    /// </summary>
    public static double SolveTolerance(double kappa) => 64 * kappa * U;

    private sealed class LinearKernel(int dimension) : IKernel
    {
        public int Dimension => dimension;
        public string Name => "linear";
        public double Evaluate(double[] x, double[] y) => x.Zip(y, (a, b) => a * b).Sum();
    }

    /// <summary>KRR with 1 or 2 points equals alpha written out, at the points and at a fresh point.</summary>
    [Fact]
    public void Kernel_ridge_with_one_or_two_points_equals_the_closed_form()
    {
        var coverage = new Coverage(output).AtLeast(0.5, "two points", "one point checks only the scalar formula");
        coverage.Check(Prop.ForAll(Arbs.RidgeCases(), c =>
        {
            var small = c with { Count = Math.Min(c.Count, 2) };
            var (holds, label) = AgainstClosedForm(small, c.Lambda);
            return coverage.Case((holds, label), ("two points", small.Count == 2), ("lambda < 0.1 (ill-conditioned side)", c.Lambda < 0.1));
        }));
    }

    /// <summary>
    /// Negative control: the closed form with penalty lambda / 2 (a wrong scaling, as when the
    /// lambda / |G| of orbit augmentation is got wrong) is not what KRR computes; FsCheck shrinks it.
    /// </summary>
    [Fact]
    public void Closed_form_with_a_wrong_penalty_fails_and_FsCheck_shrinks_the_counterexample()
    {
        var found = NegativeControl.Require(Prop.ForAll(Arbs.RidgeCases(), c =>
        {
            var (holds, label) = AgainstClosedForm(c with { Count = Math.Min(c.Count, 2) }, c.Lambda / 2);
            return Prop.Label(holds, label);
        }), output);
        var shrunk = found.ShrunkAs<RidgeCase>();
        Assert.False(AgainstClosedForm(shrunk with { Count = Math.Min(shrunk.Count, 2) }, shrunk.Lambda / 2).Holds, "The shrunk case must falsify the property by returning false.");
        Assert.True(shrunk.Count == 1 && shrunk.Dimension == 1, $"Expected one point in R^1 after shrinking; got {shrunk}.");
    }

    /// <summary>For the linear kernel, the dual (kernel) predictor equals primal ridge regression at fresh points.</summary>
    [Fact]
    public void Linear_kernel_ridge_equals_primal_ridge_regression()
    {
        var coverage = new Coverage(output).AtLeast(0.3, "more points than dimensions", "with fewer points the primal solve is the under-determined side only");
        coverage.Check(Prop.ForAll(Arbs.RidgeCases(), c =>
        {
            var (x, y) = c.Draw();
            var krr = KernelRidge.Fit(new LinearKernel(c.Dimension), x, y, c.Lambda);
            var xm = Matrix<double>.Build.DenseOfRowArrays(x);
            var gram = xm.TransposeThisAndMultiply(xm) + c.Lambda * Matrix<double>.Build.DenseIdentity(c.Dimension);
            var w = gram.Cholesky().Solve(xm.TransposeThisAndMultiply(Vector<double>.Build.DenseOfArray(y)));
            var kernelGram = xm * xm.Transpose();
            double kappa = Math.Max(Largest(kernelGram) + c.Lambda, Largest(gram)) / c.Lambda;
            var rng = new Random(c.Seed + 1);
            double worst = 0;
            for (int t = 0; t < 5; t++)
            {
                var z = Enumerable.Range(0, c.Dimension).Select(_ => 2 * rng.NextDouble() - 1).ToArray();
                double primal = w.DotProduct(Vector<double>.Build.DenseOfArray(z)), dual = krr.Predict(z);
                worst = Math.Max(worst, Math.Abs(primal - dual) / (1 + Math.Abs(primal)));
            }
            return coverage.Case((worst <= SolveTolerance(kappa), $"primal vs dual prediction: relative gap {Format.Number(worst)} > {Format.Number(SolveTolerance(kappa))} (kappa {Format.Number(kappa)})"),
                ("more points than dimensions", c.Count > c.Dimension));
        }));
    }

    private static double Largest(Matrix<double> spd) => SymmetryProofs.Spectra.SymmetricSpectrum.Of(spd).Max;

    /// <summary>KRR (lambda of the case) against alpha written out with <paramref name="closedFormLambda"/>, at the points and at a fresh point.</summary>
    private static (bool Holds, string Label) AgainstClosedForm(RidgeCase c, double closedFormLambda)
    {
        var kernel = new SpectralKernel(c.Dimension, 2, 2.5);
        var (x, y) = c.Draw();
        var krr = KernelRidge.Fit(kernel, x, y, c.Lambda);
        double a = kernel.Evaluate(x[0], x[0]), l = closedFormLambda;
        double[] alpha;
        double kappa;
        if (c.Count == 1)
        {
            alpha = [y[0] / (a + l)];
            kappa = 1;
        }
        else
        {
            double b = kernel.Evaluate(x[0], x[1]), d = kernel.Evaluate(x[1], x[1]);
            double det = (a + l) * (d + l) - b * b;
            alpha = [((d + l) * y[0] - b * y[1]) / det, ((a + l) * y[1] - b * y[0]) / det];
            double mean = (a + d) / 2, spread = Math.Sqrt((a - d) * (a - d) / 4 + b * b);
            kappa = (mean + spread + c.Lambda) / (mean - spread + c.Lambda);
        }
        var fresh = Enumerable.Range(0, c.Dimension).Select(i => 0.37 - 0.21 * i).ToArray();
        var probes = x.Append(fresh).ToArray();
        double worst = 0;
        foreach (var z in probes)
        {
            double closed = alpha.Select((ai, i) => ai * kernel.Evaluate(x[i], z)).Sum();
            worst = Math.Max(worst, Math.Abs(krr.Predict(z) - closed) / (1 + Math.Abs(closed)));
        }
        double alphaGap = alpha.Zip(krr.Alpha, (p, q) => Math.Abs(p - q)).Max() / (1 + alpha.Max(Math.Abs));
        worst = Math.Max(worst, alphaGap);
        return (worst <= SolveTolerance(kappa),
            $"KRR vs closed form (penalty {Format.Number(l)}): alpha {Format.Vector(krr.Alpha)} vs {Format.Vector(alpha)}, relative gap {Format.Number(worst)} > {Format.Number(SolveTolerance(kappa))}");
    }
}
