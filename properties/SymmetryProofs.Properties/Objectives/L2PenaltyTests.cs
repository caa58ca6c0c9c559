using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Objectives;

namespace SymmetryProofs.Properties.Objectives;

/// <summary>
/// The penalty (lambda/2)|theta|^2: its gradient and value, the Hessian it adds, and the reason it keeps the symmetries:
/// |W U| = |W| for an orthogonal U (exact for inversion, U = -I), while a non-orthogonal U changes it (negative control).
/// </summary>
public class L2PenaltyTests
{
    private static double[] Theta(int n, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
    }

    /// <summary>Add writes lambda theta into the gradient (exactly: one product per entry) and returns the same double as Value.</summary>
    [Fact]
    public void Add_adds_lambda_theta_and_returns_the_value()
    {
        var theta = Theta(50, 1);
        var g = Enumerable.Repeat(0.5, 50).ToArray();
        double v = L2Penalty.Add(theta, g, 1e-3);
        Assert.Equal(L2Penalty.Value(theta, 1e-3), v);
        for (int i = 0; i < theta.Length; i++) Assert.Equal(0.5 + 1e-3 * theta[i], g[i]);
        Assert.Equal(0, L2Penalty.Add(theta, g, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => L2Penalty.Add(theta, g, -1));
    }

    /// <summary>
    /// Inversion U = -I: every entry of W U is -W, negation is exact, so the penalty is the same double. A random rotation
    /// (QR of a Gaussian matrix) keeps it within 1e-12 relative: the sum of 640 squares rounds at about 640 eps ~ 1.4e-13
    /// relative, the rotation's own error is of the same order. Negative control: U = 1.1 I is not orthogonal and changes
    /// the penalty by a factor 1.21, far outside that tolerance.
    /// </summary>
    [Fact]
    public void The_penalty_of_W_U_equals_that_of_W_for_orthogonal_U_only()
    {
        var w = Matrix<double>.Build.DenseOfColumnMajor(10, 64, Theta(640, 2));
        double P(Matrix<double> m) => L2Penalty.Value(m.ToColumnMajorArray(), 1e-3);
        Assert.Equal(P(w), P(w * (-Matrix<double>.Build.DenseIdentity(64))));
        var rng = new Random(3);
        var q = Matrix<double>.Build.Dense(64, 64, (_, _) => MathNet.Numerics.Distributions.Normal.Sample(rng, 0, 1)).QR().Q;
        Assert.True(Math.Abs(P(w * q) - P(w)) <= 1e-12 * P(w), $"{P(w * q):R} vs {P(w):R}");
        var scaled = P(w * (1.1 * Matrix<double>.Build.DenseIdentity(64)));
        Assert.False(Math.Abs(scaled - P(w)) <= 1e-12 * P(w));
    }

    /// <summary>The penalised objective adds lambda theta to the gradient, lambda v to Hessian-vector products and lambda to the Hessian's diagonal.</summary>
    [Fact]
    public void The_penalised_objective_adds_the_penalty_to_every_derivative()
    {
        var inner = new Zero(6);
        var p = new PenalisedObjective(inner, 0.25);
        var theta = Theta(6, 4);
        var (value, gradient) = p.ValueAndGradient(theta);
        Assert.Equal(L2Penalty.Value(theta, 0.25), value);
        Assert.Equal(theta.Select(t => 0.25 * t), gradient);
        Assert.Equal(theta.Select(t => 0.25 * t), p.HessianVectorProduct(theta, theta));
        Assert.Equal(0.25 * Matrix<double>.Build.DenseIdentity(6), p.Hessian(theta));
    }

    private sealed class Zero(int n) : ITwiceDifferentiable
    {
        public int Dimension => n;
        public (double Value, double[] Gradient) ValueAndGradient(double[] theta) => (0, new double[n]);
        public double[] HessianVectorProduct(double[] theta, double[] v) => new double[n];
        public Matrix<double> Hessian(double[] theta, Action<int>? progress = null) => Matrix<double>.Build.Dense(n, n);
    }
}
