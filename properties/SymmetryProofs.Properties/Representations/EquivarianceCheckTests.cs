using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Testing;
using SymmetryProofs.Representations;
using SymmetryProofs.Symmetry;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Representations;

/// <summary>The shared equivariance checker itself: it passes what holds, falsifies and shrinks what does not, and records per-element errors.</summary>
public sealed class EquivarianceCheckTests(ITestOutputHelper output)
{
    private static Gen<double[]> Inputs(int n) => Gen.ArrayOf(Gen.Choose(-1000, 1000).Select(k => k / 100.0), n);

    /// <summary>Sorting the absolute values is invariant under every signed permutation, exactly: it only moves and negates numbers.</summary>
    private static Vector<double> SortedMagnitudes(Vector<double> x) => Vector<double>.Build.DenseOfEnumerable(x.Select(Math.Abs).OrderBy(v => v));

    [Fact]
    public void An_exactly_invariant_function_passes_for_every_finite_catalogue_group()
    {
        var shape = new Shape(3, 3);
        foreach (var group in GroupCatalog.All(shape).Where(g => g.Order is not null))
        {
            var stats = new ErrorStatistics();
            var check = new EquivarianceCheck { Name = "sorted |x|", Group = group, Function = SortedMagnitudes };
            Assert.Null(NegativeControl.Find(check.Property(Inputs(shape.Dimension), stats)));
            Assert.All(stats.Rows, r => Assert.Equal(0, r.MaxError));
            Assert.DoesNotContain(stats.Rows, r => r.Element == "e");
            output.WriteLine($"{group.Name}: {stats.Evaluations} cases, {stats.Rows.Count} elements, max error 0");
        }
    }

    [Fact]
    public void An_equivariant_map_passes_with_its_output_action_and_a_named_tolerance_under_SO2()
    {
        var so2 = GroupCatalog.Build("so2", Shape.Vector(2));
        // x -> |x| x is SO(2)-equivariant with rho_out = U; rotations by irrational angles round, to a few ulps of O(1) entries.
        var check = new EquivarianceCheck
        {
            Name = "|x| x", Group = so2, Function = x => x * x.L2Norm(), Output = Representation.Defining(so2),
            Tolerance = Tolerance.Within("rotation rounding", 1e-14, "cos and sin carry about one ulp each; a 2x2 product adds two"),
        };
        var stats = new ErrorStatistics();
        Assert.Null(NegativeControl.Find(check.Property(Inputs(2), stats)));
        Assert.True(stats.Rows.Max(r => r.MaxError) > 0, "irrational rotations should leave rounding errors: the tolerance is exercised");
    }

    [Fact]
    public void A_function_that_breaks_the_symmetry_is_falsified_and_shrunk_to_a_generator_and_a_small_input()
    {
        var group = GroupCatalog.Build("translations", new Shape(2, 2));
        // Weighting pixel 0 breaks translation invariance for any input whose pixels differ.
        var check = new EquivarianceCheck
        {
            Name = "weighted sum", Group = group,
            Function = x => Vector<double>.Build.Dense(1, x.Select((v, i) => i == 0 ? 2 * v : v).Sum()),
        };
        var found = NegativeControl.Require(check.Property(Inputs(4)), output);
        var shrunk = found.ShrunkAs<CheckedInput>();
        Assert.Contains(shrunk.Element.Label, group.GeneratorElements.Select(g => g.Label));
        Assert.True(shrunk.X.Count(v => v != 0) <= 2, $"expected at most two non-zero pixels, got {shrunk}");
        Assert.Contains("relative error", found.Labels ?? found.Message);
    }

    [Fact]
    public void The_core_library_does_not_reference_FsCheck_and_the_testing_library_does()
    {
        static string[] References(Type t) => t.Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToArray();
        Assert.DoesNotContain("FsCheck", References(typeof(EquivarianceCheck)));
        Assert.Contains("FsCheck", References(typeof(EquivarianceProperties)));
    }

    [Fact]
    public void An_output_representation_of_another_group_is_refused()
    {
        var inversion = GroupCatalog.Build("inversion", Shape.Vector(3));
        var check = new EquivarianceCheck { Name = "id", Group = inversion, Function = x => x, Output = Representation.Defining(GroupCatalog.SignFlips(3)) };
        output.Rejects<InvalidOperationException>(() => check.Evaluate(Vector<double>.Build.Dense(3), inversion.GeneratorElements[0]), "sign flips R^3", "not inversion");
    }

    [Fact]
    public void Evaluate_refuses_an_input_of_the_wrong_size()
    {
        var check = new EquivarianceCheck { Name = "id", Group = GroupCatalog.Build("inversion", Shape.Vector(3)), Function = x => x };
        output.Rejects<ArgumentException>(() => check.Evaluate(Vector<double>.Build.Dense(2), check.Group.GeneratorElements[0]), "2 coordinates", "R^3");
    }

    [Fact]
    public void Relative_error_is_zero_for_equal_outputs_scale_aware_and_NaN_for_non_finite()
    {
        var a = Vector<double>.Build.DenseOfArray([1.0, -2.0]);
        Assert.Equal(0, EquivarianceError.Relative(a, a.Clone()));
        Assert.Equal(0, EquivarianceError.Relative(Vector<double>.Build.Dense(2), Vector<double>.Build.Dense(2)));
        // Near-zero outputs: without a floor, 1e-20 against 0 is a relative error of 1; the floor of the outputs' scale makes it 1e-20.
        var tiny = Vector<double>.Build.DenseOfArray([1e-20, 0]);
        Assert.Equal(1, EquivarianceError.Relative(tiny, Vector<double>.Build.Dense(2)));
        Assert.Equal(1e-20, EquivarianceError.Relative(tiny, Vector<double>.Build.Dense(2), scaleFloor: 1));
        Assert.True(double.IsNaN(EquivarianceError.Relative(a, Vector<double>.Build.DenseOfArray([double.NaN, 0]))));
    }
}
