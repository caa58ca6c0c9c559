using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Symmetry;
using SymmetryProofs.IO;
using Xunit.Abstractions;
using static SymmetryProofs.Properties.Symmetry.GroupFacts;
using SymmetryProofs.Properties.Support;

namespace SymmetryProofs.Properties.Symmetry;

/// <summary>A finite group given by generators is closed, has its identity and inverses, and acts orthogonally (the setting of Eqs. 15-16).</summary>
[Properties(MaxTest = Suite.Cases, MaxRejected = Suite.MaxRejected)]
public sealed class FiniteGroupTests(ITestOutputHelper output)
{
    private static readonly double Eps = Math.BitIncrement(1.0) - 1.0;

    /// <summary>Closure: U(a) U(b) is an element for all a, b (exactly: signed permutation products are exact).</summary>
    [Property(Arbitrary = new[] { typeof(Arbs) })]
    public Property Product_of_two_elements_is_an_element(GroupChoice choice)
    {
        var g = choice.Build();
        var missing = new List<string>();
        for (int a = 0; a < g.Order; a++)
            for (int b = 0; b < g.Order; b++)
                if (IndexOf(g, g.Elements[a] * g.Elements[b]) < 0) missing.Add($"U({a}) U({b})");
        return Prop.Label(missing.Count == 0, $"{choice} (order {g.Order}): products outside the group: {string.Join(", ", missing.Take(5))}");
    }

    /// <summary>Elements[0] is the identity, every element's inverse U^T is an element, generators are elements, and no element is listed twice.</summary>
    [Property(Arbitrary = new[] { typeof(Arbs) })]
    public Property Identity_inverses_and_generators_are_elements_listed_once(GroupChoice choice)
    {
        var g = choice.Build();
        var identity = Matrix<double>.Build.DenseIdentity(g.Dimension);
        var problems = new List<string>();
        if (!Same(g.Elements[0], identity)) problems.Add("Elements[0] is not the identity");
        for (int a = 0; a < g.Order; a++)
        {
            int inverse = IndexOf(g, g.Elements[a].Transpose());
            if (inverse < 0 || !Same(g.Elements[a] * g.Elements[inverse], identity)) problems.Add($"U({a}) has no inverse in the group");
            if (IndexOf(g, g.Elements[a]) != a) problems.Add($"U({a}) is listed twice");
        }
        for (int k = 0; k < g.Generators.Count; k++)
            if (IndexOf(g, g.Generators[k]) < 0) problems.Add($"generator {k} is not an element");
        return Prop.Label(problems.Count == 0, $"{choice}: {string.Join("; ", problems)}");
    }

    /// <summary>Every U(g) is orthogonal, U^T U = I exactly (signed permutation matrices).</summary>
    [Property(Arbitrary = new[] { typeof(Arbs) })]
    public Property Every_element_is_orthogonal(GroupChoice choice)
    {
        var g = choice.Build();
        var identity = Matrix<double>.Build.DenseIdentity(g.Dimension);
        var bad = Enumerable.Range(0, g.Order).Where(a => !Same(g.Elements[a].TransposeThisAndMultiply(g.Elements[a]), identity)).ToArray();
        return Prop.Label(bad.Length == 0, $"{choice}: elements {string.Join(", ", bad)} are not orthogonal");
    }

    /// <summary>
    /// (W U(g)) x = W (U(g) x): the first-layer action sees what the input action sees. Both sides sum
    /// the same n exact products in different orders, so they agree to 2 (n - 1) eps sum_j |W_ij x_j|.
    /// </summary>
    [Property(Arbitrary = new[] { typeof(Arbs) })]
    public Property First_layer_action_matches_the_action_on_inputs(GroupChoice choice, int seed)
    {
        var g = choice.Build();
        var rng = new Random(seed);
        int n = g.Dimension;
        var w = Matrix<double>.Build.Dense(3, n, (_, _) => 2 * rng.NextDouble() - 1);
        var x = Vector<double>.Build.Dense(n, _ => 2 * rng.NextDouble() - 1);
        var problems = new List<string>();
        for (int a = 0; a < g.Order; a++)
        {
            var left = g.ActOnFirstLayer(w, a) * x;
            var right = w * g.Act(a, x);
            var scale = w.PointwiseAbs() * g.Act(a, x).PointwiseAbs();
            for (int i = 0; i < 3; i++)
                if (Math.Abs(left[i] - right[i]) > 2 * (n - 1) * Eps * scale[i]) problems.Add($"element {a}, row {i}: {Format.Number(left[i])} vs {Format.Number(right[i])}");
        }
        return Prop.Label(problems.Count == 0, $"{choice}, seed {seed}: {string.Join("; ", problems)}");
    }

    /// <summary>The orbit of x lists |G| vectors, the first of them x itself.</summary>
    [Property(Arbitrary = new[] { typeof(Arbs) })]
    public Property Orbit_has_one_point_per_element_starting_at_x(GroupChoice choice, int seed)
    {
        var g = choice.Build();
        var rng = new Random(seed);
        var x = Vector<double>.Build.Dense(g.Dimension, _ => 2 * rng.NextDouble() - 1);
        var orbit = g.Orbit(x).ToArray();
        return Prop.Label(orbit.Length == g.Order && orbit[0].Equals(x), $"{choice}: orbit of {orbit.Length} points, first {Format.Vector(orbit[0])} for x = {Format.Vector(x)}");
    }

    // ---- bad input ---------------------------------------------------------------------


    private static Matrix<double> M(double[,] entries) => Matrix<double>.Build.DenseOfArray(entries);

    [Fact]
    public void Non_square_generator_is_rejected() =>
        output.Rejects<ArgumentException>(() => new FiniteGroup("bad", new[] { Matrix<double>.Build.Dense(2, 3) }), "'bad'", "2x3", "square");

    [Fact]
    public void Generators_of_different_dimensions_are_rejected() =>
        output.Rejects<ArgumentException>(() => new FiniteGroup("mixed", new[] { M(new double[,] { { 0, 1 }, { 1, 0 } }), Matrix<double>.Build.DenseIdentity(3) }),
            "Generator 1 of 'mixed'", "3x3", "generator 0 is 2x2");

    [Fact]
    public void Non_orthogonal_generator_is_rejected() =>
        output.Rejects<ArgumentException>(() => new FiniteGroup("scaling", new[] { M(new double[,] { { 2, 0 }, { 0, 1 } }) }), "'scaling'", "not orthogonal");

    [Fact]
    public void Generator_with_NaN_is_rejected() =>
        output.Rejects<ArgumentException>(() => new FiniteGroup("nan", new[] { M(new double[,] { { double.NaN, 0 }, { 0, 1 } }) }), "'nan'", "non-finite");

    [Fact]
    public void No_generators_or_a_null_generator_is_rejected()
    {
        output.Rejects<ArgumentException>(() => new FiniteGroup("empty", Array.Empty<Matrix<double>>()), "'empty'", "at least one generator");
        output.Rejects<ArgumentException>(() => new FiniteGroup("hole", new Matrix<double>[] { null! }), "'hole'", "null");
        output.Rejects<ArgumentException>(() => FiniteGroup.FromPermutations("hole", new Permutation[] { null! }), "'hole'", "null");
    }

    /// <summary>A rotation by 1 radian has infinite order: closure must stop at maxOrder with a clear message, not run forever.</summary>
    [Fact]
    public void Generator_of_infinite_order_stops_at_max_order()
    {
        var rotation = M(new[,] { { Math.Cos(1), -Math.Sin(1) }, { Math.Sin(1), Math.Cos(1) } });
        output.Rejects<ArgumentException>(() => new FiniteGroup("irrational rotation", new[] { rotation }, maxOrder: 1000),
            "'irrational rotation'", "more than 1000 elements", "may not generate a finite group");
    }

    [Fact]
    public void Acting_on_a_vector_of_the_wrong_length_or_with_a_bad_index_is_rejected()
    {
        var g = GroupCatalog.Inversion(3);
        output.Rejects<ArgumentException>(() => g.Act(1, Vector<double>.Build.Dense(4)), "R^3", "length 4");
        output.Rejects<ArgumentOutOfRangeException>(() => g.Act(2, Vector<double>.Build.Dense(3)), "2 elements", "0..1");
        output.Rejects<ArgumentException>(() => g.ActOnFirstLayer(Matrix<double>.Build.Dense(2, 4), 0), "4 columns", "R^3");
    }
}
