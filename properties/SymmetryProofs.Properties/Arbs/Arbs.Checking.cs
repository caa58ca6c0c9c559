using FsCheck;
using FsCheck.Fluent;

namespace SymmetryProofs.Properties;

/// <summary>The seed of one run of the symmetry checker: plain data, the checker draws everything else from it.</summary>
public sealed record CheckSeed(int Value)
{
    public override string ToString() => $"seed {Value}";
}

/// <summary>Seeds of the checker's search, shrinking towards 1 (halving, then stepping down), so a failing seed prints small.</summary>
public static partial class Arbs
{
    public static Arbitrary<CheckSeed> CheckSeeds() => Arb.From(
        Gen.Choose(1, 1_000_000).Select(v => new CheckSeed(v)),
        s => new[] { 1, s.Value / 2, s.Value - 1 }.Where(v => v >= 1 && v < s.Value).Distinct().Select(v => new CheckSeed(v)));
}
