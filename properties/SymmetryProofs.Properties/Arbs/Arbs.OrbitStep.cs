using FsCheck;
using FsCheck.Fluent;

namespace SymmetryProofs.Properties;

/// <summary>Generators for the orbit retraction: a seed (net and step) and the size of the step's tangent coordinates.</summary>
public static partial class Arbs
{
    /// <summary>Random translations nets and steps with tangent coordinates uniform in +-0.1 to +-0.5 (Coordinate / 10), landing along the orbit.</summary>
    public static Arbitrary<OrbitStepCase> OrbitStepCases() => Arb.From(OrbitStepGen(false), c => c.Shrink());

    private static Gen<OrbitStepCase> OrbitStepGen(bool straight) =>
        from seed in Gen.Choose(0, 100_000)
        from coordinate in Gen.Choose(1, 5)
        select new OrbitStepCase(seed, coordinate, straight);

    public static partial class Dropped
    {
        /// <summary>The same steps taken straight (the premise "the step's tangent part follows the orbit" dropped).</summary>
        public static Arbitrary<OrbitStepCase> StraightOrbitSteps() => Arb.From(OrbitStepGen(true), c => c.Shrink());
    }
}

/// <summary>A net and a step from <see cref="Seed"/>, tangent coordinates uniform in +-Coordinate / 10; Straight: the straight step instead of the retraction.</summary>
public sealed record OrbitStepCase(int Seed, int Coordinate, bool Straight)
{
    public override string ToString() => $"seed {Seed}, tangent coordinates up to {Coordinate / 10.0}, {(Straight ? "straight" : "along the orbit")}";

    public IEnumerable<OrbitStepCase> Shrink()
    {
        if (Coordinate > 1) yield return this with { Coordinate = Coordinate - 1 };
        if (Seed != 0) yield return this with { Seed = 0 };
    }
}
