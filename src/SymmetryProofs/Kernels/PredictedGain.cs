using MathNet.Numerics;

namespace SymmetryProofs.Kernels;

/// <summary>
/// The sample-complexity gain the learning-curve theory predicts for an invariant estimator over
/// the plain one, both at the ridge minimising their predicted risk. The gain at n is the
/// horizontal shift between the two log-log curves: g(n) = n'/n where R_plain(n') = R_inv(n), the
/// factor of extra samples the plain estimator needs to match the invariant one (the quantity the
/// experiment estimates by a least-squares shift, <see cref="ShiftOverSizes"/>). Both optimal-risk
/// curves are tabulated on a grid of log2 n (step 1/4); R_plain is interpolated linearly in
/// log-log between grid points (the curves are smooth power laws up to slowly varying factors).
/// </summary>
public sealed class PredictedGain
{
    public KernelSpectrum Plain { get; }
    public KernelSpectrum Invariant { get; }
    public double NoiseVariance { get; }
    public double Log2Min { get; }
    public double Log2Max { get; }
    private const double Step = 0.25;
    private readonly double[] _log2n, _logPlain;
    private readonly Dictionary<double, LearningCurvePrediction> _invariant = new();
    private readonly Dictionary<double, LearningCurvePrediction> _plain = new();

    /// <summary>Tabulates R_plain up to 2^(log2Max + extra) so that a gain up to 2^extra can be read at n = 2^log2Max.</summary>
    public PredictedGain(KernelSpectrum plain, KernelSpectrum invariant, double noiseVariance, double log2Min = 4, double log2Max = 30, double extra = 8)
    {
        Plain = plain;
        Invariant = invariant;
        NoiseVariance = noiseVariance;
        Log2Min = log2Min;
        Log2Max = log2Max;
        int count = (int)Math.Round((log2Max + extra - log2Min) / Step) + 1;
        _log2n = Enumerable.Range(0, count).Select(j => log2Min + j * Step).ToArray();
        _logPlain = new double[count];
        double? hint = null;
        for (int j = 0; j < count; j++)
        {
            var p = Optimal(Plain, _plain, Math.Pow(2, _log2n[j]), hint);
            hint = p.Nu;
            _logPlain[j] = Math.Log(p.ExcessRisk);
        }
    }

    private LearningCurvePrediction Optimal(KernelSpectrum spectrum, Dictionary<double, LearningCurvePrediction> cache, double n, double? hint = null)
    {
        if (!cache.TryGetValue(n, out var p)) cache[n] = p = LearningCurveTheory.OptimalRidge(spectrum, n, NoiseVariance, hint);
        return p;
    }

    /// <summary>The plain estimator's predicted risk at its optimal ridge.</summary>
    public LearningCurvePrediction PlainAt(double n) => Optimal(Plain, _plain, n);

    /// <summary>The invariant estimator's predicted risk at its optimal ridge.</summary>
    public LearningCurvePrediction InvariantAt(double n) => Optimal(Invariant, _invariant, n);

    /// <summary>g(n) = n'/n with R_plain(n') = R_inv(n); NaN when n' falls below the grid, +inf above it.</summary>
    public double HorizontalGain(double n)
    {
        double target = Math.Log(InvariantAt(n).ExcessRisk);
        if (target > _logPlain[0]) return double.NaN;
        for (int j = 1; j < _log2n.Length; j++)
            if (_logPlain[j] <= target)
            {
                double t = (_logPlain[j - 1] - target) / (_logPlain[j - 1] - _logPlain[j]);
                double log2nPrime = _log2n[j - 1] + t * Step;
                return Math.Pow(2, log2nPrime - Math.Log2(n));
            }
        return double.PositiveInfinity;
    }

    /// <summary>
    /// The smallest n in [2^Log2Min, 2^Log2Max] with g(n) &gt;= target (first crossing on the grid, then
    /// bisection in log n to 1e-3 in log2 n), or null if g stays below target up to 2^Log2Max.
    /// </summary>
    public double? SamplesForGain(double target)
    {
        double Gap(double log2n) => HorizontalGain(Math.Pow(2, log2n)) - target;
        double previous = Log2Min;
        for (double l = Log2Min; l <= Log2Max + 1e-9; l += Step)
        {
            double gap = Gap(l);
            if (gap >= 0)
            {
                if (l == Log2Min) return Math.Pow(2, l);
                double a = previous, b = l;
                while (b - a > 1e-3) { double c = 0.5 * (a + b); if (Gap(c) >= 0) b = c; else a = c; }
                return Math.Pow(2, b);
            }
            previous = l;
        }
        return null;
    }

    /// <summary>
    /// The experiment's gain estimator applied to the predicted curves at the given sizes: a the
    /// least-squares slope of log R_plain on log n, log g = -(mean over n of log R_plain - log R_inv) / a.
    /// </summary>
    public double ShiftOverSizes(IReadOnlyList<int> sizes)
    {
        var logN = sizes.Select(n => Math.Log(n)).ToArray();
        var plain = sizes.Select(n => Math.Log(PlainAt(n).ExcessRisk)).ToArray();
        var inv = sizes.Select(n => Math.Log(InvariantAt(n).ExcessRisk)).ToArray();
        return Math.Exp(LogShift(plain, inv, Fit.Line(logN, plain).B));
    }

    /// <summary>
    /// The horizontal shift of one log-log curve against another, the estimator every gain uses: if
    /// log R_inv(n) = log R_plain(g n) and log R_plain has slope a, then log R_plain(n) - log R_inv(n) = -a log g,
    /// so log g = -(mean over n of log R_plain - log R_inv) / a.
    /// </summary>
    public static double LogShift(IReadOnlyList<double> logPlain, IReadOnlyList<double> logInvariant, double slope)
    {
        if (logPlain.Count != logInvariant.Count || logPlain.Count == 0) throw new ArgumentException($"Two curves over the same sizes are needed; got {logPlain.Count} and {logInvariant.Count} points.");
        return -logPlain.Zip(logInvariant, (p, q) => p - q).Average() / slope;
    }

    /// <summary>d log R / d log n of a spectrum's optimal-ridge risk at n, by a central difference over a factor 4.</summary>
    public static double LocalExponent(KernelSpectrum spectrum, double n, double noiseVariance)
    {
        var lo = LearningCurveTheory.OptimalRidge(spectrum, n / 2, noiseVariance);
        var hi = LearningCurveTheory.OptimalRidge(spectrum, n * 2, noiseVariance, lo.Nu);
        return Math.Log(hi.ExcessRisk / lo.ExcessRisk) / Math.Log(4);
    }
}
