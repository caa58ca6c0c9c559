using SymmetryProofs.Kernels;

namespace SymmetryProofs.Experiments.SampleComplexity;

/// <summary>
/// What the spectral learning-curve theory (<see cref="LearningCurveTheory"/>) predicts for the
/// experiment's fits. At a fitted point: the closed-form spectra truncated at the fit's radius R(n)
/// (<see cref="TorusSpectra"/>), the ridge the fit chose (lambda = n nu), noise variance sigma^2; the
/// target's modes between R(n) and the largest radius (which the fit cannot learn) add their expected
/// power to the bias, so the prediction is E0 (Bias + missing + sigma^2) - sigma^2.
/// </summary>
public sealed class SampleComplexityPrediction(SampleComplexityDesign design, int maxRadius)
{
    private readonly Dictionary<(string, int), (KernelSpectrum Plain, KernelSpectrum Invariant)> _spectra = new();
    private double NoiseVariance => design.Noise * design.Noise;

    private (KernelSpectrum Plain, KernelSpectrum Invariant) Truncated(SampleComplexityCase c, int radius)
    {
        if (!_spectra.TryGetValue((c.Key, radius), out var s))
            _spectra[(c.Key, radius)] = s = SampleComplexityTruncation.Spectra(c, radius, design.Epsilon, untruncated: false);
        return s;
    }

    /// <summary>Predicted excess risk of the plain and the invariant estimator at radius r, n samples and ridge lambda.</summary>
    public (double Plain, double Invariant) AtRidge(SampleComplexityCase c, int radius, int n, double ridge)
    {
        var (plain, invariant) = Truncated(c, radius);
        double missing = Math.Max(0, Truncated(c, maxRadius).Plain.TargetPower - plain.TargetPower);
        double Risk(KernelSpectrum s)
        {
            var p = LearningCurveTheory.Predict(s, n, ridge, NoiseVariance);
            return p.ExcessRisk + p.E0 * missing;
        }
        return (Risk(plain), Risk(invariant));
    }

    /// <summary>
    /// Exact shells of the untruncated spectra up to at least 512, 64, 24 in D = 1, 2, 3: there the tail's
    /// density approximation moves the predicted risk by at most 4e-8, 0.036%, 0.39% up to n = 2^30
    /// (docs/learning-curves.md, section 2).
    /// </summary>
    public static int ExactShells(int d) => d switch { 1 => 512, 2 => 64, _ => 24 };

    /// <summary>The predicted gain curve of a case with the untruncated kernel (exact shells to max(R, <see cref="ExactShells"/>) plus the tail), n from 2^4 to 2^30.</summary>
    public static PredictedGain Gain(SampleComplexityCase c, SampleComplexityDesign design, int radius)
    {
        var (plain, invariant) = SampleComplexityTruncation.Spectra(c, Math.Max(radius, ExactShells(c.D)), design.Epsilon, untruncated: true);
        return new PredictedGain(plain, invariant, design.Noise * design.Noise);
    }
}
