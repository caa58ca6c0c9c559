namespace SymmetryProofs.Kernels;

/// <summary>What the spectral theory predicts for KRR with n samples and ridge delta.</summary>
/// <param name="N">Number of samples (real: the formula is smooth in n).</param>
/// <param name="Ridge">delta, the penalty added to the Gram matrix (the experiment's lambda = n nu).</param>
/// <param name="Kappa">The effective regularisation: n = sum_i L_i + Ridge / Kappa.</param>
/// <param name="Learnability">sum_i L_i, the effective number of fitted modes.</param>
/// <param name="E0">Variance inflation n / (n - sum_i L_i^2).</param>
/// <param name="Bias">sum_i (1 - L_i)^2 v_i^2, the unfitted part of the target.</param>
/// <param name="ExcessRisk">E ||f_hat - f*||^2 = E0 (Bias + sigma^2) - sigma^2.</param>
/// <param name="TestMse">E (f_hat(x) - y)^2 = E0 (Bias + sigma^2).</param>
public sealed record LearningCurvePrediction(double N, double Ridge, double Kappa, double Learnability, double E0, double Bias, double ExcessRisk, double TestMse)
{
    /// <summary>The per-sample penalty nu = ridge / n of the experiment's convention lambda = n nu.</summary>
    public double Nu => Ridge / N;
}

/// <summary>
/// The spectral theory of kernel ridge regression learning curves (Bordelon, Canatar and Pehlevan
/// 2020; Jacot et al. 2020; Simon et al., eigenlearning). Convention, the one of
/// <see cref="KernelRidge"/> and <see cref="FeatureRidge"/>: f_hat minimises
/// sum_(j &lt;= n) (f(x_j) - y_j)^2 + delta ||f||_K^2, i.e. (K + delta I) alpha = y, with eigenvalues
/// lambda_i of the integral operator under the data's probability measure (K(x, y) =
/// sum_i lambda_i e_i(x) e_i(y), e_i orthonormal in L2 of that measure) and y = f*(x) + noise of
/// variance sigma^2. The experiment's lambda = n nu is delta here; as n grows with nu fixed,
/// kappa -&gt; nu. The formula is asymptotic (many samples and modes): see docs/learning-curves.md
/// for where it was measured to hold.
/// </summary>
public static class LearningCurveTheory
{
    /// <summary>
    /// The unique kappa &gt; 0 with sum_i lambda_i/(lambda_i + kappa) + ridge/kappa = n. The left side
    /// falls strictly from +inf to 0, so the root exists for every n &gt; 0 when ridge &gt; 0 (and for
    /// n below the mode count when ridge = 0). Bracket [ridge/n, (trace + ridge)/n]: at the lower end
    /// ridge/kappa alone is n, at the upper end every term is at most its value with the
    /// denominators dropped. Newton's method on log of the left side against log kappa, kept inside the bracket by bisection,
    /// stops at |left side - n| &lt;= 8 eps n or at a bracket a few ulps of log kappa wide. Refused: n or ridge outside
    /// their domain, a trace that overflows, and (without a ridge) n at or above the mode count or a root below the
    /// smallest double.
    /// </summary>
    public static double SolveKappa(KernelSpectrum spectrum, double n, double ridge) => SolveKappa(spectrum, n, ridge, null);

    /// <summary>The Newton loop stops when |F| is at most this times n: the rounding level of a sum of n-sized terms.</summary>
    internal const double ResidualTolerance = 8 * 2.220446049250313e-16;

    /// <summary>... or when the bracket in log kappa is at most this times max(1, |log kappa|) wide (a few ulps of log kappa).</summary>
    internal const double BracketTolerance = 1e-15;

    /// <summary>
    /// At most this many evaluations in the Newton loop. Every point evaluated lies strictly inside the bracket and becomes
    /// one of its ends, so the bracket shrinks at every step and the bracket rule ends the loop; the bound only caps the cost.
    /// </summary>
    internal const int MaxSteps = 300;

    /// <summary>
    /// <see cref="SolveKappa(KernelSpectrum, double, double)"/>, reporting every evaluation of the Newton loop to
    /// <paramref name="observe"/> as (log kappa, F = S - n, d log S / d log kappa), for tests of the iteration itself.
    /// </summary>
    internal static double SolveKappa(KernelSpectrum spectrum, double n, double ridge, Action<double, double, double>? observe)
    {
        if (!(n > 0) || !double.IsFinite(n)) throw new ArgumentException($"The sample count must be positive and finite; got {n}.");
        if (!(ridge >= 0) || !double.IsFinite(ridge)) throw new ArgumentException($"The ridge must be non-negative and finite; got {ridge}.");
        // F = S - n with S = sum L + ridge/kappa; Newton runs on log S - log n, nearly linear in log kappa
        // (S is a sum of power-law-like terms), where Newton on F itself overshoots from the far side.
        double F(double kappa, out double logSlope)
        {
            var m = spectrum.Moments(kappa);
            double sum = m.Learnable + ridge / kappa;
            logSlope = (-m.Derivative - ridge / kappa) / sum; // d log S / d log kappa
            return sum - n;
        }
        double hi = (spectrum.Trace + ridge) / n;
        if (!double.IsFinite(hi)) throw new ArgumentException($"The bracket's upper end (trace + ridge)/n = {hi} at n = {n} is not finite.");
        double lo;
        if (ridge > 0) lo = ridge / n;
        else
        {
            if (!(spectrum.ModeCount > n)) throw new ArgumentException($"Ridgeless regression with n = {n} samples and only {spectrum.ModeCount} modes interpolates: no kappa > 0.");
            // Dividing a finite hi by 16 reaches 0 within (1024 + 1074)/4 + 1 steps, so the search ends.
            for (lo = hi; AboveRoot(F(lo, out _));)
            {
                lo /= 16;
                if (lo == 0) throw new ArithmeticException($"No lower bracket for kappa at n = {n} without ridge.");
            }
        }
        double a = Math.Log(lo), b = Math.Log(hi), u = 0.5 * (a + b);
        for (int iter = 0; iter < MaxSteps; iter++)
        {
            double f = F(Math.Exp(u), out double logSlope);
            observe?.Invoke(u, f, logSlope);
            if (f > 0) a = u; else if (f < 0) b = u; else break;
            if (ResidualSettled(f, n) || BracketSettled(a, b, u)) break;
            u = NextPoint(u - (Math.Log(f + n) - Math.Log(n)) / logSlope, a, b);
        }
        return Math.Exp(u);
    }

    /// <summary>
    /// The residual rule of the Newton loop: it stops when |F| is at most <see cref="ResidualTolerance"/> n (equal stops),
    /// the rounding level of a sum of n-sized terms.
    /// </summary>
    internal static bool ResidualSettled(double f, double n) => Math.Abs(f) <= ResidualTolerance * n;

    /// <summary>
    /// The bracket rule of the Newton loop: it stops when the bracket [a, b] in log kappa is at most
    /// <see cref="BracketTolerance"/> max(1, |u|) wide (equal stops), u the log kappa just evaluated: a few ulps of u.
    /// </summary>
    internal static bool BracketSettled(double a, double b, double u) => b - a <= BracketTolerance * Math.Max(1, Math.Abs(u));

    /// <summary>
    /// The next point of the Newton loop: the Newton step <paramref name="newton"/> when it lands strictly inside the bracket
    /// (a, b); on either end, outside it or NaN, the bracket's midpoint (a + b)/2.
    /// </summary>
    internal static double NextPoint(double newton, double a, double b) => newton > a && newton < b ? newton : 0.5 * (a + b);

    /// <summary>
    /// The ridgeless search for a lower end: kappa lies above the root when F(kappa) &lt; 0 (S falls strictly in kappa), and
    /// the search divides it further; at F = 0 kappa is the root itself and, as at F &gt; 0, ends the search as the lower end.
    /// </summary>
    internal static bool AboveRoot(double f) => f < 0;

    /// <summary>The prediction at n samples, ridge delta and noise variance sigma^2.</summary>
    public static LearningCurvePrediction Predict(KernelSpectrum spectrum, double n, double ridge, double noiseVariance)
    {
        if (!(noiseVariance >= 0)) throw new ArgumentException($"Noise variance must be non-negative; got {noiseVariance}.");
        double kappa = SolveKappa(spectrum, n, ridge);
        var m = spectrum.Moments(kappa);
        double e0 = n / (n - m.LearnableSquared);
        double mse = e0 * (m.Bias + noiseVariance);
        return new LearningCurvePrediction(n, ridge, kappa, m.Learnable, e0, m.Bias, mse - noiseVariance, mse);
    }

    /// <summary>
    /// The prediction at the per-sample penalty nu = ridge/n in [nuMin, nuMax] that minimises the predicted
    /// risk: a scan at 1/2 decade, then golden-section search in log nu (25 steps, to 2e-6 decade) within
    /// a step of the best grid point. A hint (a previous optimum) limits the scan to 2 decades either side,
    /// extended while the best is on an edge.
    /// </summary>
    public static LearningCurvePrediction OptimalRidge(KernelSpectrum spectrum, double n, double noiseVariance,
        double? nuHint = null, double nuMin = 1e-16, double nuMax = 1e3) => OptimalRidge(spectrum, n, noiseVariance, nuHint, nuMin, nuMax, null);

    /// <summary>
    /// <see cref="OptimalRidge(KernelSpectrum, double, double, double?, double, double)"/>, reporting every evaluation of the
    /// risk to <paramref name="observe"/> as (log10 nu, excess risk), in order, for tests of the search itself.
    /// </summary>
    internal static LearningCurvePrediction OptimalRidge(KernelSpectrum spectrum, double n, double noiseVariance,
        double? nuHint, double nuMin, double nuMax, Action<double, double>? observe)
    {
        double lmin = Math.Log10(nuMin), lmax = Math.Log10(nuMax);
        double Risk(double l)
        {
            double risk = Predict(spectrum, n, n * Math.Pow(10, l), noiseVariance).ExcessRisk;
            observe?.Invoke(l, risk);
            return risk;
        }
        var scores = new SortedDictionary<double, double>();
        void Eval(double l) { l = Math.Clamp(l, lmin, lmax); if (!scores.ContainsKey(l)) scores[l] = Risk(l); }
        const double step = 0.5;
        // A hint outside the range still leaves one point to scan: the window is clamped into the range.
        double lo = nuHint is double h ? Math.Clamp(Math.Log10(h) - 2, lmin, lmax) : lmin;
        double hi = nuHint is double h2 ? Math.Clamp(Math.Log10(h2) + 2, lmin, lmax) : lmax;
        for (double l = lo; l <= hi + 1e-9; l += step) Eval(l);
        // Each pass adds a point below the lowest or above the highest (clamped, so at most once at an end of the range),
        // so the extension ends at the range's ends at the latest.
        for (;;)
        {
            double best = scores.MinBy(kv => kv.Value).Key;
            if (best == scores.Keys.First() && best > lmin) Eval(best - step);
            else if (best == scores.Keys.Last() && best < lmax) Eval(best + step);
            else break;
        }
        // The risk can have several basins in nu (levels decades apart): refine around every local minimum of
        // the grid, the best grid point first, and keep the lowest; a basin that is not the best on the grid can
        // still be the deeper one between its grid points.
        var keys = scores.Keys.ToList();
        double c = scores.MinBy(kv => kv.Value).Key;
        var starts = keys.Where((l, i) => l != c && (i == 0 || scores[l] <= scores[keys[i - 1]]) && (i == keys.Count - 1 || scores[l] <= scores[keys[i + 1]]));
        var (lBest, fBest) = GoldenSection(Risk, Math.Max(lmin, c - step), Math.Min(lmax, c + step));
        if (scores[c] < fBest) (lBest, fBest) = (c, scores[c]);
        foreach (var start in starts)
        {
            var (l, f) = GoldenSection(Risk, Math.Max(lmin, start - step), Math.Min(lmax, start + step));
            if (f < fBest) (lBest, fBest) = (l, f);
        }
        return Predict(spectrum, n, n * Math.Pow(10, lBest), noiseVariance);
    }

    /// <summary>Golden-section search for a minimum of <paramref name="f"/> on [a, b] (25 steps: the bracket shrinks by 0.618^25, about 6e-6).</summary>
    private static (double X, double F) GoldenSection(Func<double, double> f, double a, double b)
    {
        const double phi = 0.6180339887498949;
        double x1 = b - phi * (b - a), x2 = a + phi * (b - a);
        double f1 = f(x1), f2 = f(x2);
        for (int i = 0; i < 25; i++)
        {
            if (f1 <= f2) { b = x2; x2 = x1; f2 = f1; x1 = b - phi * (b - a); f1 = f(x1); }
            else { a = x1; x1 = x2; f1 = f2; x2 = a + phi * (b - a); f2 = f(x2); }
        }
        return f1 <= f2 ? (x1, f1) : (x2, f2);
    }
}
