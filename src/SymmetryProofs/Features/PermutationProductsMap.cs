using MathNet.Numerics.LinearAlgebra;

namespace SymmetryProofs.Features;

/// <summary>
/// phi_i(x) = x_i x_{P(i)} (Eq. 9) for one fixed permutation P. Flipping the signs of one cycle
/// of P keeps it; a fixed point i of P gives x_i^2 and loses that sign altogether.
/// </summary>
public sealed class PermutationProductsMap : FeatureMap
{
    public IReadOnlyList<int> Permutation { get; }

    public PermutationProductsMap(IReadOnlyList<int> permutation) : base(CountOf(permutation))
    {
        // Symmetry.Permutation owns the check that P is a bijection of 0..n-1.
        Permutation = new Symmetry.Permutation(permutation).Images;
    }

    private static int CountOf(IReadOnlyList<int> permutation)
    {
        ArgumentNullException.ThrowIfNull(permutation);
        return permutation.Count;
    }

    /// <summary>A uniformly random permutation of 0..n-1 drawn from an explicit seed (Fisher-Yates).</summary>
    public static PermutationProductsMap FromSeed(int n, int seed)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "Permutation products need at least one coordinate.");
        var rng = new System.Random(seed);
        var p = Enumerable.Range(0, n).ToArray();
        for (int i = n - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (p[i], p[j]) = (p[j], p[i]);
        }
        return new PermutationProductsMap(p);
    }

    public override string Name => "permutation";
    public override int OutputDim => InputDim;
    public override bool IsEven => true;

    protected override double[] Compute(Vector<double> x)
    {
        var phi = new double[InputDim];
        for (int i = 0; i < InputDim; i++) phi[i] = x[i] * x[Permutation[i]];
        return phi;
    }
}
