namespace SymmetryProofs.Kernels;

/// <summary>
/// Whether a truncation radius R limits a fit at n samples, by the learning-curve theory: the relative
/// change of the predicted optimal-ridge risk when the kernel truncated at R (the experiment's) is
/// replaced by the untruncated one (exact shells to R plus the <see cref="SpectrumTail"/>), for the plain
/// and the invariant estimator. The experiment can raise R until both are below a tolerance.
/// </summary>
public static class TruncationCheck
{
    /// <summary>spectra(R, untruncated) gives the (plain, invariant) pair, e.g. a closure over <see cref="TorusSpectra.ForGroup"/>.</summary>
    public static (double Plain, double Invariant) RelativeEffect(Func<int, bool, (KernelSpectrum Plain, KernelSpectrum Invariant)> spectra, int radius, double n, double noiseVariance)
    {
        var truncated = spectra(radius, false);
        var full = spectra(radius, true);
        double Effect(KernelSpectrum a, KernelSpectrum b) =>
            Math.Abs(LearningCurveTheory.OptimalRidge(a, n, noiseVariance).ExcessRisk / LearningCurveTheory.OptimalRidge(b, n, noiseVariance).ExcessRisk - 1);
        return (Effect(truncated.Plain, full.Plain), Effect(truncated.Invariant, full.Invariant));
    }

    /// <summary>The first R in startRadius, then x1.25 (rounded up) steps, whose effect on both estimators is at most tolerance.</summary>
    public static int RequiredRadius(Func<int, bool, (KernelSpectrum Plain, KernelSpectrum Invariant)> spectra, int startRadius, double n, double noiseVariance,
        double tolerance = 0.02, int maxRadius = 4096)
    {
        for (int r = startRadius; r <= maxRadius; r = (int)Math.Ceiling(r * 1.25))
        {
            var (p, i) = RelativeEffect(spectra, r, n, noiseVariance);
            if (p <= tolerance && i <= tolerance) return r;
        }
        throw new ArgumentException($"No radius up to {maxRadius} keeps the truncation effect at n = {n} below {tolerance}.");
    }
}
