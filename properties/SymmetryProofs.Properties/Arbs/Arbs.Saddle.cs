using FsCheck;
using FsCheck.Fluent;

namespace SymmetryProofs.Properties;

/// <summary>Generators for the critical-point solver started beside a saddle.</summary>
public static partial class Arbs
{
    /// <summary>Starts x in 0.5..2, y = +-10^-Exponent with Exponent 7 or 8 (beside the saddle's stable line y = 0, where the escape still lowers the loss by more than its rounding); three rounds.</summary>
    public static Arbitrary<SaddleCase> SaddleCases() => Arb.From(SaddleGen(Gen.Constant(3)), c => c.Shrink());

    private static Gen<SaddleCase> SaddleGen(Gen<int> rounds) =>
        from tenths in Gen.Choose(5, 20)
        from exponent in Gen.Choose(7, 8)
        from side in Gen.Elements(1, -1)
        from r in rounds
        select new SaddleCase(tenths, side * exponent, r);

    public static partial class Dropped
    {
        /// <summary>The same starts with one round only (the premise "L-BFGS takes over where Newton fell short" dropped).</summary>
        public static Arbitrary<SaddleCase> OneRound() => Arb.From(SaddleGen(Gen.Constant(1)), c => c.Shrink());
    }
}

/// <summary>
/// f(x, y) = x^2 / 2 + (y^2 - 1)^2 / 4: a saddle at the origin (curvature -1 along y) between minima at (0, +-1). The start is
/// (XTenths / 10, sign(SignedExponent) 10^-|SignedExponent|); <see cref="Rounds"/> of L-BFGS then Newton.
/// </summary>
public sealed record SaddleCase(int XTenths, int SignedExponent, int Rounds)
{
    public override string ToString() => $"start ({XTenths / 10.0}, {Math.Sign(SignedExponent)}e-{Math.Abs(SignedExponent)}), {Rounds} round(s)";

    public IEnumerable<SaddleCase> Shrink()
    {
        if (XTenths > 5) yield return this with { XTenths = 5 };
        if (XTenths > 5) yield return this with { XTenths = XTenths - 1 };
        if (SignedExponent < 0) yield return this with { SignedExponent = -SignedExponent };
        if (Math.Abs(SignedExponent) > 7) yield return this with { SignedExponent = SignedExponent - Math.Sign(SignedExponent) };
    }
}
