namespace SymmetryProofs.Optimisation;

/// <summary>A differentiable objective: returns f(x) and writes its gradient.</summary>
public delegate double Objective(ReadOnlySpan<double> x, Span<double> gradient);

/// <summary>
/// Outcome of <see cref="Lbfgs.Minimise(Objective, double[], LbfgsOptions, LbfgsProgress?, LbfgsStep?)"/>: the last accepted point, its loss,
/// max |g_i| (always), the gradient itself and its norm in <see cref="LbfgsOptions.Norm"/>, and the work done.
/// </summary>
public sealed record LbfgsResult(double[] X, double Loss, double GradientMaxNorm, int Evaluations, int Iterations, StopReason Reason, double[] Gradient, double GradientNorm);

/// <summary>
/// Limited-memory BFGS (Nocedal and Wright, Alg. 7.4/7.5) in plain managed loops, so each step's
/// arithmetic is fixed and a seed's run repeats bit for bit (given an objective that does, as the trainer's does).
/// The line search backtracks from the quasi-Newton step until Armijo's sufficient decrease holds.
/// </summary>
public static class Lbfgs
{
    private const double ArmijoC1 = 1e-4;

    /// <summary>The full-batch trainer's loop: <paramref name="options"/> as <see cref="TrainingOptions.ToLbfgs"/> maps them.</summary>
    public static LbfgsResult Minimise(Objective f, double[] x0, TrainingOptions options) => Minimise(f, x0, options.ToLbfgs());

    /// <summary>
    /// Minimises <paramref name="f"/> from <paramref name="x0"/>; <paramref name="progress"/>, if given, hears of every step;
    /// <paramref name="stop"/>, if given, sees each accepted point and ends the run (<see cref="StopReason.Validation"/>) by returning true.
    /// </summary>
    public static LbfgsResult Minimise(Objective f, double[] x0, LbfgsOptions options, LbfgsProgress? progress = null, LbfgsStep? stop = null)
    {
        int n = x0.Length;
        var x = (double[])x0.Clone();
        var g = new double[n];
        double fx = f(x, g);
        if (!double.IsFinite(fx)) throw new ArithmeticException($"The objective is {fx} at the starting point.");
        int evals = 1, iterations = 0;
        var s = new List<double[]>();
        var y = new List<double[]>();
        var rho = new List<double>();
        var losses = new List<double> { fx };
        var d = new double[n];
        var xNew = new double[n];
        var gNew = new double[n];

        while (true)
        {
            double gNorm = Norm(g, options.Norm);
            if (gNorm <= options.GradientTolerance) return Done(StopReason.Gradient);
            if (evals >= options.MaxEvaluations || iterations >= options.MaxIterations) return Done(StopReason.Budget);
            progress?.Invoke(iterations, gNorm, fx);

            Direction(g, s, y, rho, d);
            double gtd = Dot(g, d);
            if (!(gtd < 0))
            {
                Clear();
                for (int i = 0; i < n; i++) d[i] = -g[i];
                gtd = -Dot(g, g);
            }
            // Without curvature pairs the direction is -g, whose length means nothing: cap the first step.
            double t = s.Count == 0 && options.CapFirstStep ? Math.Min(1.0, 1.0 / Math.Sqrt(-gtd)) : 1.0;
            double fNew = double.NaN;
            bool accepted = false;
            for (int b = 0; b < options.MaxBacktracks && evals < options.MaxEvaluations; b++)
            {
                for (int i = 0; i < n; i++) xNew[i] = x[i] + t * d[i];
                fNew = f(xNew, gNew);
                evals++;
                if (double.IsFinite(fNew) && fNew <= fx + ArmijoC1 * t * gtd) { accepted = true; break; }
                t *= 0.5;
            }
            if (!accepted)
            {
                if (evals >= options.MaxEvaluations) return Done(StopReason.Budget);
                if (s.Count > 0 && options.RestartOnFailedLineSearch) { Clear(); continue; }
                return Done(StopReason.LineSearch);
            }

            var sk = new double[n];
            var yk = new double[n];
            for (int i = 0; i < n; i++) { sk[i] = xNew[i] - x[i]; yk[i] = gNew[i] - g[i]; }
            double sy = Dot(sk, yk);
            // Skipping pairs without positive curvature keeps the inverse-Hessian estimate positive definite.
            if (sy > 1e-12 * Math.Sqrt(Dot(sk, sk) * Dot(yk, yk)))
            {
                if (s.Count == options.History) { s.RemoveAt(0); y.RemoveAt(0); rho.RemoveAt(0); }
                s.Add(sk); y.Add(yk); rho.Add(1.0 / sy);
            }
            (x, xNew) = (xNew, x);
            (g, gNew) = (gNew, g);
            fx = fNew;
            iterations++;
            losses.Add(fx);
            if (stop?.Invoke(x, fx, evals) == true) return Done(StopReason.Validation);
            if (options.PlateauWindow > 0 && iterations >= options.PlateauWindow)
            {
                double past = losses[iterations - options.PlateauWindow];
                if (past - fx <= options.PlateauTolerance * Math.Abs(past)) return Done(StopReason.Plateau);
            }
        }

        void Clear() { s.Clear(); y.Clear(); rho.Clear(); }
        LbfgsResult Done(StopReason reason) => new(x, fx, MaxAbs(g), evals, iterations, reason, g, Norm(g, options.Norm));
    }

    /// <summary>The two-loop recursion: d = -H g with H the L-BFGS inverse-Hessian estimate.</summary>
    private static void Direction(double[] g, List<double[]> s, List<double[]> y, List<double> rho, double[] d)
    {
        int m = s.Count;
        for (int i = 0; i < d.Length; i++) d[i] = -g[i];
        var alpha = new double[m];
        for (int k = m - 1; k >= 0; k--)
        {
            alpha[k] = rho[k] * Dot(s[k], d);
            Axpy(-alpha[k], y[k], d);
        }
        if (m > 0)
        {
            double gamma = Dot(s[m - 1], y[m - 1]) / Dot(y[m - 1], y[m - 1]);
            for (int i = 0; i < d.Length; i++) d[i] *= gamma;
        }
        for (int k = 0; k < m; k++)
        {
            double beta = rho[k] * Dot(y[k], d);
            Axpy(alpha[k] - beta, s[k], d);
        }
    }

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (int i = 0; i < y.Length; i++) y[i] += a * x[i];
    }

    private static double Norm(double[] v, GradientNorm norm) => norm == GradientNorm.L2 ? Math.Sqrt(Dot(v, v)) : MaxAbs(v);

    private static double MaxAbs(double[] v)
    {
        double m = 0;
        foreach (var e in v) m = Math.Max(m, Math.Abs(e));
        return m;
    }
}
