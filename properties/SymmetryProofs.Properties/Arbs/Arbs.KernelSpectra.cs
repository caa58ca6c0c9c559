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

public static partial class Arbs
{
    /// <summary>Where the theory is claimed accurate: n = 64..128, nu = 1e-3..1e-1, D = 1, 2.</summary>
    public static Gen<KrrProblem> KrrProblemGen(int minN, int maxN) =>
        from d in Gen.Choose(1, 2)
        from g in Gen.Choose(0, d == 1 ? 0 : 2)
        from n in Gen.Choose(minN, maxN)
        from nu in Gen.Choose(-12, -4)
        from seed in Gen.Choose(0, 1 << 20)
        select new KrrProblem(d, g, n, nu, seed);

    public static Arbitrary<KrrProblem> KrrProblems() => Arb.From(KrrProblemGen(64, 128), p => p.Shrink());

    /// <summary>Generators with a premise dropped, for negative controls.</summary>
    public static partial class Dropped
    {
        /// <summary>n = 2..8 samples: far from the asymptotic regime.</summary>
        public static Arbitrary<KrrProblem> SmallSampleKrrProblems() => Arb.From(KrrProblemGen(2, 8), p => p.Shrink());
    }
}
