using FsCheck;
using FsCheck.Fluent;

namespace SymmetryProofs.Properties;

/// <summary>Generators for Newton in a curved flat valley: the start's angle on the ring and the valley's softness.</summary>
public static partial class Arbs
{
    /// <summary>Starts 0.2 to 1.0 radians round the ring (either side), softness 1e-4 to 1e-6 of the stiff curvature; Newton's steps land along the ring.</summary>
    public static Arbitrary<RingCase> RingCases() => Arb.From(RingGen(Gen.Constant(true)), c => c.Shrink());

    private static Gen<RingCase> RingGen(Gen<bool> along) =>
        from tenths in Gen.Choose(2, 10)
        from side in Gen.Elements(1, -1)
        from softness in Gen.Choose(4, 6)
        from a in along
        select new RingCase(side * tenths, softness, a);

    public static partial class Dropped
    {
        /// <summary>The same rings with Newton's steps taken on the straight line (the premise "steps land along the valley" dropped).</summary>
        public static Arbitrary<RingCase> StraightSteps() =>
            Arb.From(RingGen(Gen.Constant(false)), c => c.Shrink());
    }
}

/// <summary>
/// f(x, y) = (r - 1)^2 / 2 + 10^-Softness (1 - cos theta) in polar coordinates: a ring valley of stiff curvature 1 whose
/// floor rises by 10^-Softness (1 - cos theta); the one minimum is (1, 0). The start is on the ring at AngleTenths / 10 radians.
/// AlongRing: Newton's steps are retracted along the ring (rotation by their tangent part), else taken straight.
/// </summary>
public sealed record RingCase(int AngleTenths, int Softness, bool AlongRing)
{
    public override string ToString() => $"start at {AngleTenths / 10.0} rad, softness 1e-{Softness}, steps {(AlongRing ? "along the ring" : "straight")}";

    public IEnumerable<RingCase> Shrink()
    {
        if (Math.Abs(AngleTenths) > 2) yield return this with { AngleTenths = AngleTenths - Math.Sign(AngleTenths) };
        if (AngleTenths < 0) yield return this with { AngleTenths = -AngleTenths };
        if (Softness > 4) yield return this with { Softness = Softness - 1 };
    }
}
