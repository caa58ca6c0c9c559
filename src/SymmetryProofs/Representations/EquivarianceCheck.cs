using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.IO;
using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Representations;

/// <summary>
/// The one invariance/equivariance check of the suite (emlp's and e3nn's <c>assert_equivariant</c>,
/// with shrinking, replay, coverage and exactness added): f(U(g) x) against rho_out(g) f(x) for a
/// function f, a group acting on inputs, an output representation of that group (trivial for invariance)
/// and a comparison. <see cref="Evaluate"/> is the comparison at one case; SymmetryProofs.Testing turns
/// the check into an FsCheck property whose failure names the element, the input and the error.
/// </summary>
public sealed class EquivarianceCheck
{
    /// <summary>What is checked, as a person says it ("a bias-free tanh net is odd").</summary>
    public required string Name { get; init; }

    public required IGroupAction Group { get; init; }

    /// <summary>The function under test, R^n -> R^m.</summary>
    public required Func<Vector<double>, Vector<double>> Function { get; init; }

    /// <summary>rho_out: how the outputs move, a representation of <see cref="Group"/>. Null means invariance (the trivial representation).</summary>
    public Representation? Output { get; init; }

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
        if (Output is not null && !Representation.SameGroup(Output.Group, Group))
            throw new InvalidOperationException($"{Name}: the output representation '{Output.Name}' represents {Output.Group.Name}, not {Group.Name}.");
        var fx = Function(x);
        var expected = Output is null ? fx : Output.Apply(g, fx);
        var actual = Function(g.Act(x));
        double error = EquivarianceError.Relative(expected, actual, ScaleFloor);
        return new EquivarianceCase(x, g, expected, actual, error, Tolerance.Accepts(error));
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

/// <summary>The outcome at one case: rho_out(g) f(x) (expected), f(U(g) x) (actual), the relative error and the verdict.</summary>
public sealed record EquivarianceCase(Vector<double> Input, GroupElement Element, Vector<double> Expected, Vector<double> Actual, double Error, bool Holds)
{
    public override string ToString() =>
        $"g = {Element.Label}, x = {Format.Vector(Input)}: rho(g) f(x) = {Format.Vector(Expected)}, f(g x) = {Format.Vector(Actual)}, relative error {Error:G3}";
}
