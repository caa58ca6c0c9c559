using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Checking;
using SymmetryProofs.Properties.Support;
using SymmetryProofs.Representations;
using SymmetryProofs.Runtime;
using SymmetryProofs.Symmetry;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace SymmetryProofs.Properties.Checking;

/// <summary>
/// The checker under an output representation built with the algebra, beyond the three named ones: a linear map
/// into the regular representation of C4 (the stacked rho(g) path) and x (x) x under SO(2) (exp of the tensor
/// product's Lie generators, differentiable in t) pass; the same maps bent by one entry are refuted.
/// </summary>
public sealed class DeclaredRepresentationTests(ITestOutputHelper output)
{
    private const int Budget = 200;

    /// <summary>The bend: 1e-3 on one entry, six orders above the checker's 1e-9 tolerance.</summary>
    private const double Bend = 1e-3;

    static DeclaredRepresentationTests() => TorchSetup.Initialise();

    private static CheckedModel Linear(string name, Matrix<double> w)
    {
        var wt = Tensors.Float64(w.Transpose().ToRowMajorArray(), new long[] { w.ColumnCount, w.RowCount });
        return CheckedModel.FromTensorFunction(name, w.ColumnCount, ScalarType.Float64, x => x.matmul(wt));
    }

    private static Matrix<double> Bent(Matrix<double> w)
    {
        var b = w.Clone();
        b[0, 0] += Bend;
        return b;
    }

    [Fact]
    public void A_map_into_the_regular_representation_of_C4_passes_and_its_bent_copy_is_refuted()
    {
        var c4 = (FiniteGroup)GroupCatalog.Build("rotations", new Shape(2, 2));
        var regular = Representation.Regular(c4);
        var basis = EquivariantMaps.Solve(Representation.Defining(c4), regular);
        var rng = new Random(1);
        var w = basis.Combine(basis.Maps.Select(_ => 2 * rng.NextDouble() - 1).ToArray());
        var declared = OutputDeclaration.Of(regular);
        var holds = SymmetryChecker.Run(Linear("C4 -> regular", w), c4, declared, new CheckOptions(Budget, 1));
        var bent = SymmetryChecker.Run(Linear("bent", Bent(w)), c4, declared, new CheckOptions(Budget, 1));
        output.WriteLine(holds.Summary);
        output.WriteLine(bent.Summary);
        Assert.True(basis.Dimension > 0, "no equivariant map: the check would test only zero");
        Assert.True(holds.Passed, holds.Summary);
        Assert.False(bent.Passed, bent.Summary);
        Assert.Equal(regular.Name, holds.OutputRepresentation);
    }

    [Fact]
    public void The_square_of_a_vector_moves_by_the_tensor_square_under_SO2_and_a_bent_copy_is_refuted()
    {
        var so2 = GroupCatalog.Build("so2", Shape.Vector(2));
        var v = Representation.Defining(so2);
        var declared = OutputDeclaration.Of(Representation.TensorProduct(v, v));
        CheckedModel Square(string name, Tensor mix) =>
            CheckedModel.FromTensorFunction(name, 2, ScalarType.Float64, x => (x.unsqueeze(2) * x.unsqueeze(1)).reshape(-1, 4).matmul(mix));
        var identity = Tensors.Float64(Matrix<double>.Build.DenseIdentity(4).ToRowMajorArray(), new long[] { 4, 4 });
        var bentMix = Tensors.Float64(Bent(Matrix<double>.Build.DenseIdentity(4)).ToRowMajorArray(), new long[] { 4, 4 });
        var holds = SymmetryChecker.Run(Square("x (x) x", identity), so2, declared, new CheckOptions(Budget, 1));
        var bent = SymmetryChecker.Run(Square("bent x (x) x", bentMix), so2, declared, new CheckOptions(Budget, 1));
        output.WriteLine(holds.Summary);
        output.WriteLine(bent.Summary);
        Assert.True(holds.Passed, holds.Summary);
        Assert.True(holds.Worst.Error > 0, "irrational rotations should leave rounding: the tolerance is exercised");
        Assert.False(bent.Passed, bent.Summary);
    }

    [Fact]
    public void A_declared_representation_of_another_group_or_size_is_bad_input()
    {
        var c4 = GroupCatalog.Build("rotations", new Shape(2, 2));
        var d4 = (FiniteGroup)GroupCatalog.Build("d4", new Shape(2, 2));
        var model = Linear("id", Matrix<double>.Build.DenseIdentity(4));
        output.Rejects<InputException>(() => SymmetryChecker.Run(model, c4, OutputDeclaration.Of(Representation.Defining(d4)), new CheckOptions(Budget, 1)), "represents D4 2x2, not C4 2x2");
        output.Rejects<InputException>(() => SymmetryChecker.Run(model, d4, OutputDeclaration.Of(Representation.Regular(d4)), new CheckOptions(Budget, 1)), "has 4 outputs", "needs 8");
    }
}
