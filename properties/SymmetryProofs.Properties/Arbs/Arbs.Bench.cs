using FsCheck;
using FsCheck.Fluent;

namespace SymmetryProofs.Properties;

/// <summary>Generators for the benchmark's analysis: planted power laws (exponents, prefactors, sizes) only.</summary>
public static partial class Arbs
{
    /// <summary>Pure power laws: exponent 0.5..3.5, prefactor 1e-6..1e3, 2..6 increasing sizes from 10..1000 in steps of 1..4000.</summary>
    public static Arbitrary<PowerLawCase> PowerLaws() => Arb.From(PowerLawGen(Gen.Constant(0)), c => c.Shrink());

    private static Gen<PowerLawCase> PowerLawGen(Gen<int> offset) =>
        from quarters in Gen.Choose(2, 14)
        from prefactor in Gen.Choose(-6, 3)
        from count in Gen.Choose(2, 6)
        from start in Gen.Choose(10, 1000)
        from steps in Gen.ArrayOf(Gen.Choose(1, 4000), count - 1)
        from o in offset
        select new PowerLawCase(quarters, prefactor, [start, .. steps.Select((_, i) => start + steps.Take(i + 1).Sum())], o);

    public static partial class Dropped
    {
        /// <summary>Power laws plus an offset of 0 or 50 % of y at the median size: the premise "y is a power law" dropped.</summary>
        public static Arbitrary<PowerLawCase> OffsetPowerLaws() => Arb.From(PowerLawGen(Gen.Elements(0, 50)), c => c.Shrink());
    }
}
