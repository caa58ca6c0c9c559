using FsCheck;
using FsCheck.Fluent;

namespace SymmetryProofs.Properties;

/// <summary>
/// A planted learning curve on sizes 16, 32, ..., 512: accuracy a + b ln(n / 16), a target met at n = 16 2^u (u in
/// quarter steps from -1 to 7: at or below the smallest size, between sizes, or never), and for data gains a second
/// curve shifted left by the factor 2^v, over several seeds with per-seed offsets.
/// </summary>
public sealed record PlantedCurve(double A, double B, double U, double V, int Seeds, int Seed)
{
    public static readonly int[] Sizes = [16, 32, 64, 128, 256, 512];

    /// <summary>Where the target is met: 16 2^U.</summary>
    public double Crossing => 16 * Math.Pow(2, U);

    public double Target => A + B * Math.Log(Crossing / 16);

    public double Gain => Math.Pow(2, V);

    public override string ToString() => $"a = {A:R}, b = {B:R}, target met at n = 16 * 2^{U:R}, gain 2^{V:R}, {Seeds} seeds (seed {Seed})";
}

public static partial class Arbs
{
    /// <summary>Planted curves; shrinks towards two seeds, seed 0, u and v towards 1 (a crossing one size in), a = 0.3 and b = 0.1.</summary>
    public static Arbitrary<PlantedCurve> PlantedCurves() => Arb.From(
        from a in Gen.Choose(20, 50)
        from b in Gen.Choose(4, 12)
        from u in Gen.Choose(-4, 28)
        from v in Gen.Choose(1, 8)
        from seeds in Gen.Choose(2, 6)
        from seed in Gen.Choose(0, 1000)
        select new PlantedCurve(a / 100.0, b / 100.0, u / 4.0, v / 4.0, seeds, seed),
        c => new[]
        {
            c.Seeds > 2 ? c with { Seeds = 2 } : null,
            c.Seed > 0 ? c with { Seed = 0 } : null,
            c.U != 1 ? c with { U = 1 } : null,
            c.V != 1 ? c with { V = 1 } : null,
            c.A != 0.3 ? c with { A = 0.3 } : null,
            c.B != 0.1 ? c with { B = 0.1 } : null,
        }.OfType<PlantedCurve>());
}
