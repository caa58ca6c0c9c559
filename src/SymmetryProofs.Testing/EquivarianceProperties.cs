using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Representations;
using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Testing;

/// <summary>
/// An <see cref="EquivarianceCheck"/> as an FsCheck property: generated inputs and group elements, a failure
/// that names the element, the input and the error, shrinking towards a generator and small coordinates,
/// and FsCheck's replay seed.
/// </summary>
public static class EquivarianceProperties
{
    /// <summary>The elements a property draws from: all non-identity elements of a finite group, Haar samples of a Lie group.</summary>
    public static Gen<GroupElement> Elements(this EquivarianceCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var group = check.Group;
        if (group.Order is int)
        {
            var pool = group.Representatives(0).Where(e => check.IncludeIdentity || !e.IsIdentity).ToArray();
            if (pool.Length == 0) throw new InvalidOperationException($"{group.Name} has no element but the identity to test.");
            return Gen.Elements(pool);
        }
        return Gen.Choose(0, int.MaxValue - 1).Select(seed => group.Sample(new Random(seed)));
    }

    /// <summary>
    /// An FsCheck property over inputs from <paramref name="inputs"/> (plain coordinates) and group
    /// elements: true when f(U(g) x) = rho_out(g) f(x) within the check's tolerance. Cases are
    /// classified (identity or not, zero output) and every error goes to <paramref name="statistics"/>.
    /// Shrinking sets coordinates to 0, rounds them, and moves the element to a generator.
    /// </summary>
    public static Property Property(this EquivarianceCheck check, Gen<double[]> inputs, ErrorStatistics? statistics = null)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(inputs);
        var generators = check.Group.GeneratorElements;
        var gen = from x in inputs from g in check.Elements() select new CheckedInput(x, g);
        var arb = Arb.From(gen, c => Shrink(check, c, generators));
        return Prop.ForAll(arb, c =>
        {
            var r = check.Evaluate(Vector<double>.Build.DenseOfArray(c.X), c.Element);
            statistics?.Add(c.Element, r.Error);
            return Prop.Label(r.Holds, $"{check.Name} under {check.Group.Name}: {r}")
                .Classify(c.Element.IsIdentity, "identity element")
                .Classify(r.Expected.L2Norm() == 0, "zero output");
        });
    }

    private static IEnumerable<CheckedInput> Shrink(EquivarianceCheck check, CheckedInput c, IReadOnlyList<GroupElement> generators)
    {
        // Only towards a generator, never between generators: each shrink step is then strictly simpler and shrinking ends.
        if (!generators.Any(g => g.Label == c.Element.Label))
            foreach (var g in generators)
                if (check.IncludeIdentity || !g.IsIdentity) yield return c with { Element = g };
        for (int i = 0; i < c.X.Length; i++)
            foreach (var v in EquivarianceCheck.Simpler(c.X[i]))
            {
                var x = (double[])c.X.Clone();
                x[i] = v;
                yield return c with { X = x };
            }
    }
}
