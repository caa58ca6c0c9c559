using SymmetryProofs.Data;
using SymmetryProofs.Features;
using SymmetryProofs.Representations;
using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Experiments.Tables;

/// <summary>
/// One cell of the paper's tables: biases or not, which input features, which training set. The paper's
/// figures are null for the cells it does not have (the irreducible norms of Sec. 4.2, which it describes but never trains).
/// </summary>
public sealed record TablesConfig(int Table, bool WithBias, string Features, bool TrainedOnInverted, double? PaperTest, double? PaperInverted)
{
    public string Bias => WithBias ? "with" : "none";
    public string Train => TrainedOnInverted ? "X+-X" : "X";
    public bool IsRawInput => Features == "x";
    public bool InPaper => PaperTest is not null;

    public string FeatureLabel => Features switch
    {
        "x" => "x_i",
        "x2" => "x_i^2",
        "neighbour" => "x_i x_{i+e1}",
        "permutation" => "x_i x_{P(i)}",
        "irreps-inversion" => "|P_k x|^2, inversion",
        "irreps-d4" => "|P_k x|^2, D4",
        _ => Features,
    };

    /// <summary>The map for one seed; P of the permutation products is drawn from that seed, fixed across its runs.</summary>
    public IFeatureMap Map(int seed) => Features switch
    {
        "x" => new IdentityMap(Optdigits.Pixels),
        "x2" => new SquaresMap(Optdigits.Pixels),
        "neighbour" => new NeighbourProductsMap(Optdigits.Side, Optdigits.Side),
        "permutation" => PermutationProductsMap.FromSeed(Optdigits.Pixels, seed),
        "irreps-inversion" => IrrepsInversion.Value,
        "irreps-d4" => IrrepsD4.Value,
        _ => throw new InvalidOperationException($"Unknown features '{Features}'."),
    };

    /// <summary>
    /// The irreducible norms of the group acting on the 8x8 pixels, decomposed once (decomposition seed 0, the
    /// documented split: docs/representations.md) and shared by every run; the map only reads its fixed bases.
    /// </summary>
    private static readonly Lazy<IrreducibleNorms> IrrepsInversion = new(() => IrreducibleNorms.For(GroupCatalog.Build("inversion", new Shape(Optdigits.Side, Optdigits.Side))));
    private static readonly Lazy<IrreducibleNorms> IrrepsD4 = new(() => IrreducibleNorms.For(GroupCatalog.Build("d4", new Shape(Optdigits.Side, Optdigits.Side))));

    public static readonly string[] FeatureNames = ["x", "x2", "neighbour", "permutation", "irreps-inversion", "irreps-d4"];
    public static readonly string[] BiasNames = ["none", "with"];
    public static readonly string[] TrainNames = ["X", "X+-X"];

    /// <summary>
    /// The ten rows of Tables 1 and 2 with the paper's figures (one run each; "same" in Table 2 means R-bar = R),
    /// then four Table-2 rows the paper does not have: the irreducible norms of inversion and of D4 (Sec. 4.2).
    /// </summary>
    public static readonly IReadOnlyList<TablesConfig> All =
    [
        new(1, false, "x", false, 0.84, 0.001),
        new(1, false, "x", true, 0.12, 0.09),
        new(1, true, "x", false, 0.81, 0.02),
        new(1, true, "x", true, 0.68, 0.69),
        new(2, false, "x2", false, 0.65, 0.65),
        new(2, false, "neighbour", false, 0.84, 0.84),
        new(2, false, "permutation", false, 0.81, 0.81),
        new(2, true, "x2", false, 0.66, 0.66),
        new(2, true, "neighbour", false, 0.87, 0.87),
        new(2, true, "permutation", false, 0.82, 0.82),
        new(2, false, "irreps-inversion", false, null, null),
        new(2, false, "irreps-d4", false, null, null),
        new(2, true, "irreps-inversion", false, null, null),
        new(2, true, "irreps-d4", false, null, null),
    ];

    public static TablesConfig Find(string bias, string features, string train) =>
        All.FirstOrDefault(c => c.Bias == bias && c.Features == features && c.Train == train)
        ?? throw new ArgumentException($"No configuration bias={bias}, features={features}, train={train} in Tables 1 and 2.");
}
