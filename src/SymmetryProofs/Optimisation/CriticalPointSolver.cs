using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Objectives;
using SymmetryProofs.Spectra;

namespace SymmetryProofs.Optimisation;

/// <summary>Outcome of <see cref="CriticalPointSolver"/>: the point, its loss and gradient norm, and the work done.</summary>
public sealed record CriticalPoint(double[] Theta, double Loss, double GradientNorm, int LbfgsIterations, int NewtonSteps, bool Converged);

/// <summary>
/// Drives a loss to a critical point: L-BFGS (two-loop recursion, Armijo backtracking) to a loose
/// tolerance, then Newton steps with the full Hessian to the target gradient norm. Newton uses
/// |lambda| of each eigenvalue (saddle-free) and skips the near-null eigenvalues, whose directions
/// are exactly the flat ones this project studies and carry no gradient at a critical point; if no
/// step length of the undamped step helps, Levenberg damping is tried before giving up.
/// </summary>
public sealed class CriticalPointSolver
{
    public int Memory { get; init; } = 20;
    public int MaxLbfgsIterations { get; init; } = 5000;
    public double LbfgsTolerance { get; init; } = 1e-6;
    public int MaxNewtonSteps { get; init; } = 30;
    public double Tolerance { get; init; } = 1e-8;
    /// <summary>Eigenvalues below this fraction of max |lambda| are not inverted (their inverse would be noise).</summary>
    public double NewtonEigenFloor { get; init; } = 1e-12;

    public CriticalPoint Solve(ITwiceDifferentiable objective, double[] start, Action<string>? log = null)
    {
        var x = Vector<double>.Build.DenseOfArray(start);
        var (f, gArr) = objective.ValueAndGradient(start);
        var g = Vector<double>.Build.DenseOfArray(gArr);
        var s = new List<Vector<double>>();
        var y = new List<Vector<double>>();
        int it = 0;
        for (; it < MaxLbfgsIterations && g.L2Norm() > LbfgsTolerance; it++)
        {
            if (it % 50 == 0) log?.Invoke($"L-BFGS iteration {it}: |g| = {g.L2Norm():G3}, loss = {f:G12}");
            var d = -TwoLoop(g, s, y);
            if (d.DotProduct(g) >= 0) { d = -g; s.Clear(); y.Clear(); }
            double step = 1, slope = d.DotProduct(g);
            Vector<double> xNew; double fNew; Vector<double> gNew;
            while (true)
            {
                xNew = x + step * d;
                var (fv, gv) = objective.ValueAndGradient(xNew.ToArray());
                fNew = fv; gNew = Vector<double>.Build.DenseOfArray(gv);
                if (double.IsFinite(fNew) && fNew <= f + 1e-4 * step * slope) break;
                step *= 0.5;
                if (step < 1e-20) { log?.Invoke($"L-BFGS line search stalled at iteration {it}, |g| = {g.L2Norm():G3}"); goto polish; }
            }
            var si = xNew - x; var yi = gNew - g;
            if (si.DotProduct(yi) > 1e-12 * si.L2Norm() * yi.L2Norm())
            {
                s.Add(si); y.Add(yi);
                if (s.Count > Memory) { s.RemoveAt(0); y.RemoveAt(0); }
            }
            x = xNew; f = fNew; g = gNew;
        }
    polish:
        int newton = 0;
        for (; newton < MaxNewtonSteps && g.L2Norm() > Tolerance; newton++)
        {
            var (h, _) = TorchObjective.Symmetrised(objective.Hessian(x.ToArray()));
            var spec = SymmetricSpectrum.Of(h);
            var coeff = spec.Vectors.TransposeThisAndMultiply(g);
            double g0 = g.L2Norm();
            bool accepted = false;
            // The undamped step first; if no step length improves, Levenberg damping mu: a pseudo-flat
            // eigenvalue just above the floor otherwise gives a huge step the line search cannot rescue.
            foreach (double mu in new[] { 0, 1e-8, 1e-6, 1e-4, 1e-2 })
            {
                var d = Vector<double>.Build.Dense(x.Count);
                for (int i = 0; i < spec.Dimension; i++)
                    if (Math.Abs(spec.Values[i]) > NewtonEigenFloor * spec.MaxAbs)
                        d -= coeff[i] / (Math.Abs(spec.Values[i]) + mu * spec.MaxAbs) * spec.Vectors.Column(i);
                double step = 1;
                for (int tries = 0; tries < 30 && !accepted; tries++, step *= 0.5)
                {
                    var xNew = x + step * d;
                    var (fNew, gv) = objective.ValueAndGradient(xNew.ToArray());
                    var gNew = Vector<double>.Build.DenseOfArray(gv);
                    if (double.IsFinite(fNew) && (gNew.L2Norm() < g0 || fNew < f))
                    {
                        x = xNew; f = fNew; g = gNew; accepted = true;
                    }
                }
                if (accepted) break;
            }
            log?.Invoke($"Newton step {newton + 1}: |g| = {g.L2Norm():G3}, loss = {f:G12}");
            if (!accepted) break;
        }
        return new CriticalPoint(x.ToArray(), f, g.L2Norm(), it, newton, g.L2Norm() < Tolerance);
    }

    private static Vector<double> TwoLoop(Vector<double> g, List<Vector<double>> s, List<Vector<double>> y)
    {
        var q = g.Clone();
        int m = s.Count;
        var alpha = new double[m];
        for (int i = m - 1; i >= 0; i--)
        {
            alpha[i] = s[i].DotProduct(q) / y[i].DotProduct(s[i]);
            q -= alpha[i] * y[i];
        }
        if (m > 0) q *= s[^1].DotProduct(y[^1]) / y[^1].DotProduct(y[^1]);
        for (int i = 0; i < m; i++)
        {
            double beta = y[i].DotProduct(q) / y[i].DotProduct(s[i]);
            q += (alpha[i] - beta) * s[i];
        }
        return q;
    }
}
