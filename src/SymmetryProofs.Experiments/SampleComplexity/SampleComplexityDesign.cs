using SymmetryProofs.Kernels;

namespace SymmetryProofs.Experiments.SampleComplexity;

/// <summary>One learning-curve setting: a group (finite or translation) in dimension D; Radius is the largest truncation radius of its D (0 before the <see cref="SampleComplexityTruncation"/> plan).</summary>
public sealed record SampleComplexityCase(int D, string Group, int GroupIndex, int? GroupOrder, int EffectiveDimension, double Smoothness, int Radius)
{
    public string Key => $"{Group} D={D}";
    public double SlopeTheoryPlain => -2 * Smoothness / (2 * Smoothness + D);
    public double SlopeTheoryInvariant => -2 * Smoothness / (2 * Smoothness + EffectiveDimension);

    /// <summary>The translation average along the last axis has no finite order; every other case is a finite group.</summary>
    public bool IsTranslation => GroupOrder is null;

    /// <summary>The case's finite group from the catalogue (null for the translation).</summary>
    public TorusGroup? FiniteGroup => IsTranslation ? null : TorusGroup.TestGroups(D).Single(g => g.Name == Group);

    public InvariantSubspace Subspace(FrequencyLattice lattice) => FiniteGroup is TorusGroup g
        ? InvariantSubspace.ForGroup(lattice, g)
        : InvariantSubspace.ForTranslation(lattice, D - 1);
}

/// <summary>
/// Every protocol choice of the sample-complexity experiment, in one place so the report can
/// print it. Smoothness s = (D + 1)/2 keeps s - D/2 = 1/2 in every dimension; the truncation radius
/// R(n) is planned from the learning-curve theory (<see cref="SampleComplexityTruncation"/>).
/// </summary>
public sealed record SampleComplexityDesign(int[] Sizes, int Seeds, double Noise, double Epsilon, double[] CoarseNu, int MinValidation, int ValidationDivisor)
{
    public static double SmoothnessFor(int d) => (d + 1) / 2.0;

    /// <summary>Seeds of the full run: enough that most theory checks are decided by their seed intervals (the report gives, for each one left undecided, the seeds its measured spread would need).</summary>
    public const int FullSeeds = 20;

    /// <summary>Seeds of the quick run.</summary>
    public const int QuickSeeds = 2;

    public static SampleComplexityDesign Create(bool quick, int? seeds, int? maxLog2, double? noise = null) => new(
        Sizes: Enumerable.Range(6, (maxLog2 ?? (quick ? 10 : 16)) - 5).Select(e => 1 << e).ToArray(),
        Seeds: seeds ?? (quick ? QuickSeeds : FullSeeds),
        Noise: noise ?? 0.03,
        Epsilon: 0.2,
        CoarseNu: Enumerable.Range(0, 9).Select(e => Math.Pow(10, -8 + e)).ToArray(),
        MinValidation: 64,
        ValidationDivisor: 4);

    public int ValidationSize(int n) => Math.Max(MinValidation, n / ValidationDivisor);

    public static IReadOnlyList<SampleComplexityCase> Cases(IReadOnlyList<SampleComplexityTruncation>? plan = null)
    {
        int RadiusFor(int d) => plan?.Single(p => p.D == d).MaxRadius ?? 0;
        var cases = new List<SampleComplexityCase>();
        for (int d = 1; d <= 3; d++)
        {
            var groups = TorusGroup.TestGroups(d);
            for (int i = 0; i < groups.Count; i++)
                cases.Add(new SampleComplexityCase(d, groups[i].Name, i, groups[i].Order, d, SmoothnessFor(d), RadiusFor(d)));
            if (d >= 2) cases.Add(new SampleComplexityCase(d, SampleComplexityNames.Translation, groups.Count, null, d - 1, SmoothnessFor(d), RadiusFor(d)));
        }
        return cases;
    }
}
