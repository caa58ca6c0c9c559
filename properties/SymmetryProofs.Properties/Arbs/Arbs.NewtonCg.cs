using FsCheck;
using FsCheck.Fluent;

namespace SymmetryProofs.Properties;

/// <summary>Generators for the Hessian-free Newton direction: sizes, nullities and seeds only.</summary>
public static partial class Arbs
{
    /// <summary>Planted PSD quadratics of size 2..30 with 0..3 null directions, the gradient in H's range.</summary>
    public static Arbitrary<NewtonCgCase> NewtonCgCases() => Arb.From(NewtonCgGen(Gen.Constant(true)), c => c.Shrink());

    private static Gen<NewtonCgCase> NewtonCgGen(Gen<bool> inRange) =>
        from size in Gen.Choose(2, 30)
        from nullity in Gen.Choose(0, 3)
        from r in inRange
        from seed in Gen.Choose(0, 100_000)
        select new NewtonCgCase(size, Math.Min(nullity, size - 1), r, seed);

    public static partial class Dropped
    {
        /// <summary>The same quadratics with at least one null direction, the gradient in H's range or not: the premise "g in range(H)" (true at any point of a loss whose flat directions carry no gradient) dropped.</summary>
        public static Arbitrary<NewtonCgCase> GradientOutsideRange() =>
            Arb.From(NewtonCgGen(Gen.Elements(true, false)).Select(c => c with { Nullity = Math.Max(c.Nullity, 1) }), c => c.Shrink().Where(s => s.Nullity >= 1));
    }
}

/// <summary>H = Q diag(0 x Nullity, eigenvalues in [1e-3, 1]) Q^T and a gradient g = H z (InRange) or g = H z + a null direction.</summary>
public sealed record NewtonCgCase(int Size, int Nullity, bool InRange, int Seed)
{
    public override string ToString() => $"n = {Size}, {Nullity} null direction(s), gradient {(InRange ? "in range(H)" : "with a null component")}, seed {Seed}";

    public IEnumerable<NewtonCgCase> Shrink()
    {
        if (Size > Nullity + 1) yield return this with { Size = Nullity + 1 };
        if (Size > Nullity + 1) yield return this with { Size = Size - 1 };
        if (Nullity > 1) yield return this with { Nullity = Nullity - 1, Size = Size - 1 };
        if (Seed != 0) yield return this with { Seed = 0 };
    }
}
