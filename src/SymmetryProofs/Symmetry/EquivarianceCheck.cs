using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.IO;

namespace SymmetryProofs.Symmetry;

/// <summary>
/// The one invariance/equivariance check of the suite (emlp's and e3nn's <c>assert_equivariant</c>,
/// with shrinking, replay, coverage and exactness added): f(U(g) x) against rho_out(g) f(x) for a
/// function f, a group acting on inputs, an output action (the identity for invariance) and a
/// comparison. <see cref="Property"/> turns it into an FsCheck property whose failure names the
/// element, the input and the error; <see cref="Evaluate"/> is the same comparison for one case.
/// </summary>
public sealed class EquivarianceCheck
{
    /// <summary>What is checked, as a person says it ("a bias-free tanh net is odd").</summary>
    public required string Name { get; init; }

    public required IGroupAction Group { get; init; }

    /// <summary>The function under test, R^n -> R^m.</summary>
    public required Func<Vector<double>, Vector<double>> Function { get; init; }

    /// <summary>rho_out(g): how the outputs move. Null means invariance (the trivial representation).</summary>
    public Func<GroupElement, Matrix<double>>? OutputAction { get; init; }

    public Tolerance Tolerance { get; init; } = Tolerance.Exact;

    /// <summary>Floor of the error's denominator (see <see cref="EquivarianceError.Relative"/>): the outputs' typical norm, or 0.</summary>
    public double ScaleFloor { get; init; }

    /// <summary>Whether the identity may be the tested element (it tests nothing, so by default it is never drawn).</summary>
    public bool IncludeIdentity { get; init; }

    /// <summary>The comparison at one input and one element.</summary>
    public EquivarianceCase Evaluate(Vector<double> x, GroupElement g)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(g);
        if (x.Count != Group.SpaceDimension)
            throw new ArgumentException($"{Name}: input has {x.Count} coordinates; {Group.Name} acts on R^{Group.SpaceDimension}.", nameof(x));
        var fx = Function(x);
        var expected = OutputAction is null ? fx : OutputAction(g) * fx;
        var actual = Function(g.Act(x));
        double error = EquivarianceError.Relative(expected, actual, ScaleFloor);
        return new EquivarianceCase(x, g, expected, actual, error, Tolerance.Accepts(error));
    }

    /// <summary>The elements a property draws from: all non-identity elements of a finite group, Haar samples of a Lie group.</summary>
    public Gen<GroupElement> Elements()
    {
        if (Group.Order is int)
        {
            var pool = Group.Representatives(0).Where(e => IncludeIdentity || !e.IsIdentity).ToArray();
            if (pool.Length == 0) throw new InvalidOperationException($"{Group.Name} has no element but the identity to test.");
            return Gen.Elements(pool);
        }
        return Gen.Choose(0, int.MaxValue - 1).Select(seed => Group.Sample(new Random(seed)));
    }

    /// <summary>
    /// An FsCheck property over inputs from <paramref name="inputs"/> (plain coordinates) and group
    /// elements: true when f(U(g) x) = rho_out(g) f(x) within <see cref="Tolerance"/>. Cases are
    /// classified (identity or not, zero output) and every error goes to <paramref name="statistics"/>.
    /// Shrinking sets coordinates to 0, rounds them, and moves the element to a generator.
    /// </summary>
    public Property Property(Gen<double[]> inputs, ErrorStatistics? statistics = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var generators = Group.GeneratorElements;
        var gen = from x in inputs from g in Elements() select new CheckedInput(x, g);
        var arb = Arb.From(gen, c => Shrink(c, generators));
        return Prop.ForAll(arb, c =>
        {
            var r = Evaluate(Vector<double>.Build.DenseOfArray(c.X), c.Element);
            statistics?.Add(c.Element, r.Error);
            return Prop.Label(r.Holds, $"{Name} under {Group.Name}: {r}")
                .Classify(c.Element.IsIdentity, "identity element")
                .Classify(r.Expected.L2Norm() == 0, "zero output");
        });
    }

    private IEnumerable<CheckedInput> Shrink(CheckedInput c, IReadOnlyList<GroupElement> generators)
    {
        // Only towards a generator, never between generators: each shrink step is then strictly simpler and shrinking ends.
        if (!generators.Any(g => g.Label == c.Element.Label))
            foreach (var g in generators)
                if (IncludeIdentity || !g.IsIdentity) yield return c with { Element = g };
        for (int i = 0; i < c.X.Length; i++)
            foreach (var v in Simpler(c.X[i]))
            {
                var x = (double[])c.X.Clone();
                x[i] = v;
                yield return c with { X = x };
            }
    }

    /// <summary>0, then one significant digit, then the integer part: each strictly simpler, so shrinking ends.</summary>
    public static IEnumerable<double> Simpler(double v)
    {
        if (v == 0) yield break;
        yield return 0;
        double oneDigit = double.Parse(v.ToString("G1", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
        if (oneDigit != v) yield return oneDigit;
        double t = Math.Truncate(v);
        if (t != v && t != 0 && t != oneDigit) yield return t;
    }
}

/// <summary>One input and group element as FsCheck generates and shrinks them.</summary>
public sealed record CheckedInput(double[] X, GroupElement Element)
{
    public override string ToString() => $"x = {Format.Vector(X)}, g = {Element.Label}";
}

/// <summary>The outcome at one case: rho_out(g) f(x) (expected), f(U(g) x) (actual), the relative error and the verdict.</summary>
public sealed record EquivarianceCase(Vector<double> Input, GroupElement Element, Vector<double> Expected, Vector<double> Actual, double Error, bool Holds)
{
    public override string ToString() =>
        $"g = {Element.Label}, x = {Format.Vector(Input)}: rho(g) f(x) = {Format.Vector(Expected)}, f(g x) = {Format.Vector(Actual)}, relative error {Error:G3}";
}
