using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Bergman;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Features;

namespace SymmetryProofs.Experiments.Tables;

/// <summary>How an irreducible-norms feature set relates to one of the paper's maps, as measured on <see cref="Samples"/> digits.</summary>
internal sealed record TablesCoincidence(FeatureSet Features, FeatureSet PaperFeatures, string Relation, int Samples)
{
    public const string SameOrder = "equal bit for bit, in the same order";
    public const string UpToOrder = "equal bit for bit up to the order of the features";
    public const string Different = "different";
}

/// <summary>
/// Compares, on the digits themselves, every feature set the paper lacks with each of its invariant maps
/// (x_i^2, neighbour and permutation products, P from seed 0's stream): so the report's statement that
/// inversion's irreducible norms are the squares is computed, not written in.
/// </summary>
internal static class TablesCoincidences
{
    public static IReadOnlyList<TablesCoincidence> Compare(LabelledSet digits)
    {
        var paperMaps = BergmanConfig.All.Where(c => c.Table == 2 && c.InPaper).Select(c => c.Features).Distinct().ToList();
        var ours = BergmanConfig.All.Where(c => !c.InPaper).Select(c => c.Features).Distinct().ToList();
        int permutationSeed = SeedStreams.SeedOf(0, "permutation");
        return (from f in ours
                from p in paperMaps
                select new TablesCoincidence(f, p, Relate(FeatureMaps.For(f, permutationSeed), FeatureMaps.For(p, permutationSeed), digits), digits.Count)).ToList();
    }

    // The IEEE bit patterns, so that equal means bit for bit (0 and -0 differ, as they would in a hash), and sorted patterns are equal exactly when the multisets of features are.
    private static IEnumerable<long> Bits(Vector<double> v) => v.Enumerate().Select(BitConverter.DoubleToInt64Bits);

    /// <summary>Same order when every feature of every digit is the same double; up to order when, digit by digit, the sorted features are.</summary>
    public static string Relate(IFeatureMap a, IFeatureMap b, LabelledSet digits)
    {
        if (a.OutputDim != b.OutputDim) return TablesCoincidence.Different;
        bool same = true, sorted = true;
        for (int i = 0; i < digits.Count && sorted; i++)
        {
            Vector<double> x = digits.Input(i), fa = a.Apply(x), fb = b.Apply(x);
            if (same && !Bits(fa).SequenceEqual(Bits(fb))) same = false;
            if (!same) sorted = Bits(fa).Order().SequenceEqual(Bits(fb).Order());
        }
        return same ? TablesCoincidence.SameOrder : sorted ? TablesCoincidence.UpToOrder : TablesCoincidence.Different;
    }
}
