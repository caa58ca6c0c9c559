using FsCheck;
using FsCheck.Fluent;

namespace SymmetryProofs.Properties;

/// <summary>Generators of small kernel spectra for the learning-curve theory.</summary>
public static partial class Arbs
{
    /// <summary>1-6 levels with eigenvalues 1..1e-5, 1-5 modes each, n in 1..40 (as many as the modes, or fewer, or more), ridge 1e-6..10.</summary>
    public static Gen<SpectrumCase> SpectrumCaseGen =>
        from levels in Gen.Choose(1, 6)
        from eigen in Gen.ArrayOf(Gen.Choose(0, 20), levels)
        from mult in Gen.ArrayOf(Gen.Choose(1, 5), levels)
        from power in Gen.ArrayOf(Gen.Choose(0, 100), levels)
        from n in Gen.Choose(1, 40)
        from ridge in Gen.Choose(-24, 4)
        select new SpectrumCase(eigen, mult, power, n, ridge);

    public static Arbitrary<SpectrumCase> SpectrumCases() => Arb.From(SpectrumCaseGen, c => c.Shrink());
}
