using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Objectives;

namespace SymmetryProofs.Optimisation;

/// <summary>
/// Truncated-CG Newton directions from Hessian-vector products only (the Hessian-free mode of
/// <see cref="CriticalPointSolver"/>): conjugate gradients on (H + mu s I) d = -g, s the largest
/// curvature p'Hp/|p|^2 CG has met. It stops at a relative residual of min(0.1, |g|) (the
/// forcing term of inexact Newton: superlinear near a minimum), after the iteration budget, or at
/// a direction of curvature below 1e-12 s (a flat or negative direction: CG's step along it would
/// be unbounded, so the direction found so far is returned, or -g on the first iteration).
/// </summary>
public static class NewtonCg
{
    /// <summary>The direction for each damping mu (relative to the curvature scale), computed when asked for.</summary>
    public static Func<double, Vector<double>> Direction(ITwiceDifferentiable objective, Vector<double> x, Vector<double> g, int maxIterations)
    {
        var theta = x.ToArray();
        Vector<double> H(Vector<double> v) => Vector<double>.Build.DenseOfArray(objective.HessianVectorProduct(theta, v.ToArray()));
        double scale = 0;
        return mu => Solve(H, g, mu, maxIterations, ref scale);
    }

    /// <summary>CG on (H + mu scale I) d = -g; <paramref name="scale"/> grows with the largest curvature seen.</summary>
    public static Vector<double> Solve(Func<Vector<double>, Vector<double>> h, Vector<double> g, double mu, int maxIterations, ref double scale)
    {
        var d = Vector<double>.Build.Dense(g.Count);
        var r = -g;
        var p = r.Clone();
        double rr = r.DotProduct(r), target = Math.Min(0.1, g.L2Norm()) * g.L2Norm();
        for (int i = 0; i < maxIterations && Math.Sqrt(rr) > target; i++)
        {
            var hp = h(p);
            double pp = p.DotProduct(p), curvature = p.DotProduct(hp) / pp;
            scale = Math.Max(scale, Math.Abs(curvature));
            hp += mu * scale * p;
            double php = p.DotProduct(hp);
            if (!(php > 1e-12 * scale * pp)) return i == 0 ? -g : d;
            double alpha = rr / php;
            d += alpha * p;
            r -= alpha * hp;
            double rrNew = r.DotProduct(r);
            p = r + rrNew / rr * p;
            rr = rrNew;
        }
        return d;
    }
}
