using FsCheck;
using FsCheck.Fluent;

namespace SymmetryProofs.Properties;

/// <summary>Generators for the eigensolvers and the tangent path: sizes, layouts and seeds only.</summary>
public static partial class Arbs
{
    /// <summary>Planted spectra of size 2..40 in every <see cref="SpectrumKind"/>.</summary>
    public static Arbitrary<PlantedSpectrumCase> PlantedSpectra() => Arb.From(PlantedSpectrumGen(Gen.Constant(0.0)), c => c.Shrink());

    /// <summary>Planted Hessians of size up to 3 + 2 + 2 + 30 with 1..3 flat tangents, 0..2 gauge and 0..2 outside flat directions.</summary>
    public static Arbitrary<PlantedFlatCase> PlantedFlatCases() => Arb.From(PlantedFlatGen(Gen.Choose(0, 2), Gen.Constant(0.0)), c => c.Shrink());

    private static Gen<PlantedSpectrumCase> PlantedSpectrumGen(Gen<double> perturbation) =>
        from size in Gen.Choose(2, 40)
        from kind in Gen.Elements(Enum.GetValues<SpectrumKind>())
        from seed in Gen.Choose(0, 100_000)
        from p in perturbation
        select new PlantedSpectrumCase(size, kind, seed, p);

    private static Gen<PlantedFlatCase> PlantedFlatGen(Gen<int> outside, Gen<double> tilt) =>
        from tangents in Gen.Choose(1, 3)
        from gauge in Gen.Choose(0, 2)
        from gaugeFlat in Gen.Elements(false, true)
        from o in outside
        from rest in Gen.Choose(1, 30)
        from indefinite in Gen.Elements(false, true)
        from seed in Gen.Choose(0, 100_000)
        from t in tilt
        select new PlantedFlatCase(tangents, gauge, gaugeFlat, o, rest, indefinite, seed, t);

    public static partial class Dropped
    {
        /// <summary>Planted spectra where one solver sees entry (0, 0) moved by 0 or 1e-6 max|lambda|: the agreement premise (the same matrix) dropped.</summary>
        public static Arbitrary<PlantedSpectrumCase> PerturbedSpectra() => Arb.From(PlantedSpectrumGen(Gen.Elements(0.0, 1e-6)), c => c.Shrink());

        /// <summary>Planted Hessians whose tangents are tilted by 0, 1e-2 or 1e-1 towards a stiff direction: the premise "H t = 0" dropped.</summary>
        public static Arbitrary<PlantedFlatCase> TiltedTangents() => Arb.From(PlantedFlatGen(Gen.Constant(0), Gen.Elements(0.0, 1e-2, 1e-1)), c => c.Shrink());
    }
}
