namespace SymmetryProofs.Kernels;

/// <summary>
/// A trigonometric predictor f = phi . c (unscaled features: 1, cos, sin) symmetrised at test time:
/// f_G(x) = (1/|G|) sum_g f(g x), or the average over all translations of one coordinate. As
/// phi(g x) = S_g phi(x) with S_g a signed permutation of features, f_G = phi . (P c) with P the
/// averaging projection, whose range <see cref="InvariantSubspace"/> spans by orthonormal columns u_o:
/// P c = sum_o u_o (u_o . c). So its risk against a target is exact by Parseval
/// (<see cref="InvariantTarget.SquaredDistance"/>), like the plain and the invariant estimator's, and for
/// an invariant target ||f_G - f*|| = ||P (f - f*)|| &lt;= ||f - f*||: P is an orthogonal projection of L2.
/// Evaluation reads the canonical orbit point (finite groups), so f_G(g x) and f_G(x) are one
/// floating-point computation; under translations P c is exactly zero on every mode with k_j != 0 and
/// the other modes never read x_j, so invariance is bit for bit there too.
/// </summary>
public sealed class SymmetrisedPredictor
{
    public InvariantSubspace Subspace { get; }
    /// <summary>The finite group averaged over; null for translations.</summary>
    public TorusGroup? Group { get; }
    /// <summary>P c, the coefficients of f_G on the unscaled features.</summary>
    public double[] Coefficients { get; }

    private readonly InvariantTarget _function;

    private SymmetrisedPredictor(InvariantSubspace subspace, TorusGroup? group, double[] coefficients)
    {
        Subspace = subspace;
        Group = group;
        Coefficients = coefficients;
        _function = new InvariantTarget(subspace.Lattice, coefficients);
    }

    /// <summary>f_G for a finite group whose invariant subspace is <paramref name="subspace"/>.</summary>
    public static SymmetrisedPredictor ForGroup(InvariantSubspace subspace, TorusGroup group, double[] coefficients)
    {
        if (subspace.GroupOrder != group.Order || subspace.Name != group.Name)
            throw new ArgumentException($"The subspace is for {subspace.Name}, the group is {group.Name}.");
        return new(subspace, group, Project(subspace, coefficients));
    }

    /// <summary>f averaged over translations (the subspace of <see cref="InvariantSubspace.ForTranslation"/>).</summary>
    public static SymmetrisedPredictor ForTranslation(InvariantSubspace subspace, double[] coefficients)
    {
        if (subspace.GroupOrder is not null) throw new ArgumentException($"{subspace.Name} is a finite group's subspace; use ForGroup.");
        return new(subspace, null, Project(subspace, coefficients));
    }

    /// <summary>P c = sum_o u_o (u_o . c).</summary>
    public static double[] Project(InvariantSubspace subspace, double[] coefficients)
    {
        if (coefficients.Length != subspace.Lattice.FeatureCount)
            throw new ArgumentException($"Expected {subspace.Lattice.FeatureCount} coefficients; got {coefficients.Length}.");
        var z = new double[subspace.Count];
        subspace.Project(coefficients, z);
        return subspace.Lift(z);
    }

    /// <summary>f_G(x) = phi(x') . (P c) at the canonical orbit point x' of x (x itself for translations).</summary>
    public double Evaluate(double[] x) => _function.Evaluate(Group is null ? x : Group.Canonical(x));
}
