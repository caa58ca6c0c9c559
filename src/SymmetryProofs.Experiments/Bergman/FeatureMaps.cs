using SymmetryProofs.Data;
using SymmetryProofs.Features;
using SymmetryProofs.Representations;
using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Experiments.Bergman;

/// <summary>Each feature set's map on the 8x8 digits and how the reports write it.</summary>
internal static class FeatureMaps
{
    /// <summary>The map for one seed; P of the permutation products is drawn from that seed, fixed across its runs.</summary>
    public static IFeatureMap For(FeatureSet features, int seed) => features switch
    {
        FeatureSet.X => new IdentityMap(Optdigits.Pixels),
        FeatureSet.Squares => new SquaresMap(Optdigits.Pixels),
        FeatureSet.Neighbour => new NeighbourProductsMap(Optdigits.Side, Optdigits.Side),
        FeatureSet.Permutation => PermutationProductsMap.FromSeed(Optdigits.Pixels, seed),
        FeatureSet.IrrepsInversion => IrrepsInversion.Value,
        FeatureSet.IrrepsD4 => IrrepsD4.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(features), features, null),
    };

    /// <summary>The features as the paper writes them (x_i, x_i^2, ...).</summary>
    public static string Label(FeatureSet features) => features switch
    {
        FeatureSet.X => "x_i",
        FeatureSet.Squares => "x_i^2",
        FeatureSet.Neighbour => "x_i x_{i+e1}",
        FeatureSet.Permutation => "x_i x_{P(i)}",
        FeatureSet.IrrepsInversion => "|P_k x|^2, inversion",
        FeatureSet.IrrepsD4 => "|P_k x|^2, D4",
        _ => throw new ArgumentOutOfRangeException(nameof(features), features, null),
    };

    /// <summary>
    /// The irreducible norms of the group acting on the 8x8 pixels, decomposed once (decomposition seed 0, the
    /// documented split: docs/representations.md) and shared by every run; the map only reads its fixed bases.
    /// </summary>
    private static readonly Lazy<IrreducibleNorms> IrrepsInversion = new(() => IrreducibleNorms.For(GroupCatalog.Build("inversion", new Shape(Optdigits.Side, Optdigits.Side))));
    private static readonly Lazy<IrreducibleNorms> IrrepsD4 = new(() => IrreducibleNorms.For(GroupCatalog.Build("d4", new Shape(Optdigits.Side, Optdigits.Side))));
}
