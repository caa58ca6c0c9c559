using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Optimisation;
using SymmetryProofs.Properties.Support;
using Xunit.Abstractions;

namespace SymmetryProofs.Properties.Optimisation;

/// <summary>
/// The Hessian-free Newton direction (<see cref="NewtonCg"/>): at a point whose gradient lies in
/// H's range (a loss whose flat directions carry no gradient, as at the symmetric minima the
/// hessian experiment trains to), CG on HVPs meets the inexact-Newton forcing term and never
/// moves along H's null space.
/// </summary>
public class NewtonCgTests(ITestOutputHelper output)
{
    private static (Matrix<double> H, Matrix<double> Null, Vector<double> G) Build(NewtonCgCase c)
    {
        var rng = new Random(c.Seed);
        var q = Matrix<double>.Build.Dense(c.Size, c.Size, (_, _) => rng.NextDouble() - 0.5).QR().Q;
        var d = Enumerable.Range(0, c.Size).Select(i => i < c.Nullity ? 0 : Math.Pow(10, -3 * rng.NextDouble())).ToArray();
        var h = q * Matrix<double>.Build.DenseOfDiagonalArray(d) * q.Transpose();
        h = 0.5 * (h + h.Transpose());
        var z = Vector<double>.Build.Dense(c.Size, _ => rng.NextDouble() - 0.5);
        var g = h * z;
        if (!c.InRange) g += g.L2Norm() * q.Column(0);
        return (h, q.SubMatrix(0, c.Size, 0, c.Nullity), g);
    }

    private static Property Solves(NewtonCgCase c) => Verdict(c).Property;

    private static (Property Property, bool Singular) Verdict(NewtonCgCase c)
    {
        var (h, nul, g) = Build(c);
        double scale = 0;
        var d = NewtonCg.Solve(v => h * v, g, 0, 250, ref scale);
        double residual = (h * d + g).L2Norm(), target = Math.Min(0.1, g.L2Norm()) * g.L2Norm();
        // CG's iterates lie in the Krylov space of g, inside range(H); rounding leaves ~ n u |d| along the null space (1e-10 covers n <= 30 with room).
        double along = nul.ColumnCount == 0 ? 0 : nul.TransposeThisAndMultiply(d).L2Norm();
        return (Prop.Label(residual <= target, $"|H d + g| = {residual:G3}, forcing target {target:G3}")
            .And(Prop.Label(along <= 1e-10 * d.L2Norm(), $"|d along null(H)| = {along:G3}, |d| = {d.L2Norm():G3}")), c.Nullity > 0);
    }

    [Fact]
    public void Cg_direction_meets_the_forcing_term_and_stays_off_the_null_space()
    {
        var coverage = new Coverage(output).AtLeast(0.5, "singular H", "the flat directions are the point: CG must stay off a null space");
        coverage.Check(Prop.ForAll(Arbs.NewtonCgCases(), c =>
        {
            var (property, singular) = Verdict(c);
            return coverage.Case(property, ("singular H", singular));
        }));
    }

    /// <summary>Negative control: a gradient with a component along a null direction cannot be cancelled by any H d; FsCheck shrinks to the smallest such case.</summary>
    [Fact]
    public void A_gradient_outside_the_range_is_not_solved()
    {
        var found = NegativeControl.Require(Arbs.Dropped.GradientOutsideRange(), Solves, output);
        var shrunk = found.ShrunkAs<NewtonCgCase>();
        Assert.True(!shrunk.InRange && shrunk.Nullity == 1 && shrunk.Size == 2, $"Expected n = 2 with one null direction and an outside gradient; got {shrunk}.");
    }
}
