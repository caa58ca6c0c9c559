using SymmetryProofs.Kernels;

namespace SymmetryProofs.Experiments.SampleComplexity;

/// <summary>
/// The truncation radius R(n) of every (D, n) and the bound it meets: the smallest R (from the previous
/// n's, in steps of max(1, R/16)) at which replacing the truncated kernel by the untruncated one changes
/// the predicted optimal-ridge risk (<see cref="TruncationCheck.RelativeEffect"/>) of the plain estimator
/// of every case and of the invariant estimator of every finite group of that D by at most
/// <see cref="Tolerance"/>. The translation-invariant estimator (effectively a (D-1)-dimensional problem
/// with the same smoothness, which resolves far higher frequencies) would need a radius whose plain
/// Gram matrix does not fit the time budget at n = 2^16; its effect at R(n) is computed and reported
/// (<see cref="TranslationEffect"/>) instead of bounded. The experiment accumulates its normal
/// equations at the largest R of each D and fits at n on the leading block of R(n).
/// </summary>
public sealed record SampleComplexityTruncation(int D, int[] Sizes, int[] Radii, double[] Effect, double[] TranslationEffect)
{
    /// <summary>The relative change of the predicted risk a radius may cause (2%).</summary>
    public const double Tolerance = 0.02;

    public int MaxRadius => Radii[^1];

    /// <summary>The plain and averaged spectra of a case at radius r, truncated or with the untruncated tail.</summary>
    public static (KernelSpectrum Plain, KernelSpectrum Invariant) Spectra(SampleComplexityCase c, int radius, double epsilon, bool untruncated) =>
        c.FiniteGroup is TorusGroup g
            ? TorusSpectra.ForGroup(c.D, c.Smoothness, radius, g, epsilon, untruncated)
            : TorusSpectra.ForTranslation(c.D, c.Smoothness, radius, c.D - 1, epsilon, untruncated);

    public static IReadOnlyList<SampleComplexityTruncation> Plan(SampleComplexityDesign design)
    {
        var plans = new List<SampleComplexityTruncation>();
        double noiseVariance = design.Noise * design.Noise;
        foreach (var group in SampleComplexityDesign.Cases().GroupBy(c => c.D))
        {
            int r = 2;
            var radii = new int[design.Sizes.Length];
            var effects = new double[design.Sizes.Length];
            var translationEffects = new double[design.Sizes.Length];
            for (int j = 0; j < design.Sizes.Length; j++)
            {
                (double Bounded, double Translation) Effects(int radius)
                {
                    double bounded = 0, translation = double.NaN;
                    foreach (var c in group)
                    {
                        var (p, i) = TruncationCheck.RelativeEffect((rr, u) => Spectra(c, rr, design.Epsilon, u), radius, design.Sizes[j], noiseVariance);
                        bounded = Math.Max(bounded, c.GroupOrder is null ? p : Math.Max(p, i));
                        if (c.GroupOrder is null) translation = i;
                    }
                    return (bounded, translation);
                }
                double Effect(int radius) => Effects(radius).Bounded;
                double e = Effect(r);
                while (e > Tolerance)
                {
                    r += Math.Max(1, r / 16);
                    e = Effect(r);
                }
                radii[j] = r;
                effects[j] = e;
                translationEffects[j] = Effects(r).Translation;
            }
            plans.Add(new SampleComplexityTruncation(group.Key, design.Sizes, radii, effects, translationEffects));
        }
        return plans;
    }
}
