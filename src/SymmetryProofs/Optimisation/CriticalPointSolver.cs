using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Objectives;
using SymmetryProofs.Spectra;

namespace SymmetryProofs.Optimisation;

/// <summary>Outcome of <see cref="CriticalPointSolver"/>: the point, its loss and gradient norm, and the work done.</summary>
public sealed record CriticalPoint(double[] Theta, double Loss, double GradientNorm, int LbfgsIterations, int NewtonSteps, bool Converged);

/// <summary>
/// Drives a loss to a critical point: the project's one <see cref="Lbfgs"/> (with
/// <see cref="LbfgsOptions"/>) to a loose tolerance, then Newton steps with the full Hessian to the target gradient norm. Newton uses
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

    /// <summary>
    /// Newton steps from Hessian-vector products (<see cref="NewtonCg"/>) instead of the full
    /// Hessian's eigendecomposition: for nets where n x n storage and an O(n^3) solve per step cost
    /// too much (10,000 parameters: 800 MB and minutes per step).
    /// </summary>
    public bool HessianFree { get; init; }

    /// <summary>Conjugate-gradient iterations per Hessian-free Newton step (each one HVP).</summary>
    public int MaxCgIterations { get; init; } = 250;

    /// <summary>
    /// The L-BFGS phase's options for the one <see cref="Lbfgs"/>: |g|_2 (the norm Newton and the result
    /// report), a budget of <see cref="MaxLbfgsIterations"/> accepted steps, no plateau stop (the point
    /// must be critical, not merely stalled), a first step of t = 1 and halving down to t = 2^-66
    /// (67 trials), after which Newton takes over instead of restarting along -g.
    /// </summary>
    public LbfgsOptions LbfgsOptions => new(
        History: Memory, GradientTolerance: LbfgsTolerance, Norm: GradientNorm.L2, MaxIterations: MaxLbfgsIterations,
        PlateauWindow: 0, CapFirstStep: false, MaxBacktracks: 67, RestartOnFailedLineSearch: false);

    /// <summary>L-BFGS from <paramref name="start"/> to <see cref="LbfgsTolerance"/>, then Newton to <see cref="Tolerance"/>; <paramref name="log"/> hears every 50th L-BFGS step and every Newton step.</summary>
    public CriticalPoint Solve(ITwiceDifferentiable objective, double[] start, Action<string>? log = null)
    {
        var lbfgs = Lbfgs.Minimise((xs, gs) =>
        {
            var (fv, gv) = objective.ValueAndGradient(xs.ToArray());
            gv.CopyTo(gs);
            return fv;
        }, start, LbfgsOptions, (k, norm, loss) =>
        {
            if (k % 50 == 0) log?.Invoke($"L-BFGS iteration {k}: |g| = {norm:G3}, loss = {loss:G12}");
        });
        if (lbfgs.Reason == StopReason.LineSearch)
            log?.Invoke($"L-BFGS line search stalled at iteration {lbfgs.Iterations}, |g| = {lbfgs.GradientNorm:G3}");
        var x = Vector<double>.Build.DenseOfArray(lbfgs.X);
        var g = Vector<double>.Build.DenseOfArray(lbfgs.Gradient);
        double f = lbfgs.Loss;
        int it = lbfgs.Iterations;
        int newton = 0;
        for (; newton < MaxNewtonSteps && g.L2Norm() > Tolerance; newton++)
        {
            Func<double, Vector<double>> direction = HessianFree ? NewtonCg.Direction(objective, x, g, MaxCgIterations) : EigenDirection(objective, x, g);
            double g0 = g.L2Norm();
            bool accepted = false;
            // The undamped step first; if no step length improves, Levenberg damping mu: a pseudo-flat
            // eigenvalue just above the floor otherwise gives a huge step the line search cannot rescue.
            foreach (double mu in new[] { 0, 1e-8, 1e-6, 1e-4, 1e-2 })
            {
                var d = direction(mu);
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

    /// <summary>The saddle-free Newton step -sum_i (v_i'g) v_i / (|lambda_i| + mu max|lambda|) over the eigenpairs above the floor.</summary>
    private Func<double, Vector<double>> EigenDirection(ITwiceDifferentiable objective, Vector<double> x, Vector<double> g)
    {
        var (h, _) = TorchObjective.Symmetrised(objective.Hessian(x.ToArray()));
        var spec = SymmetricSpectrum.Of(h);
        var coeff = spec.Vectors.TransposeThisAndMultiply(g);
        return mu =>
        {
            var d = Vector<double>.Build.Dense(x.Count);
            for (int i = 0; i < spec.Dimension; i++)
                if (Math.Abs(spec.Values[i]) > NewtonEigenFloor * spec.MaxAbs)
                    d -= coeff[i] / (Math.Abs(spec.Values[i]) + mu * spec.MaxAbs) * spec.Vectors.Column(i);
            return d;
        };
    }
}
