namespace SymmetryProofs.Experiments.Bergman;

/// <summary>
/// One cell of the paper's tables with its figures. The paper's figures are null for the cells it does not have (the
/// irreducible norms of Sec. 4.2, which it describes but never trains).
/// </summary>
internal sealed record BergmanConfig(int Table, BergmanCell Cell, double? PaperTest, double? PaperInverted)
{
    public Bias Bias => Cell.Bias;
    public FeatureSet Features => Cell.Features;
    public TrainingSet Train => Cell.Train;
    public bool WithBias => Cell.WithBias;
    public bool TrainedOnInverted => Cell.TrainedOnInverted;
    public bool InPaper => PaperTest is not null;
    public string FeatureLabel => FeatureMaps.Label(Features);

    /// <summary>The map for one seed (<see cref="FeatureMaps.For"/>).</summary>
    public Features.IFeatureMap Map(int seed) => FeatureMaps.For(Features, seed);

    /// <summary>
    /// The ten rows of Tables 1 and 2 with the paper's figures (one run each; "same" in Table 2 means R-bar = R),
    /// then four Table-2 rows the paper does not have: the irreducible norms of inversion and of D4 (Sec. 4.2).
    /// </summary>
    public static readonly IReadOnlyList<BergmanConfig> All =
    [
        new(1, new(Bias.None, FeatureSet.X, TrainingSet.X), 0.84, 0.001),
        new(1, new(Bias.None, FeatureSet.X, TrainingSet.XAndNegated), 0.12, 0.09),
        new(1, new(Bias.With, FeatureSet.X, TrainingSet.X), 0.81, 0.02),
        new(1, new(Bias.With, FeatureSet.X, TrainingSet.XAndNegated), 0.68, 0.69),
        new(2, new(Bias.None, FeatureSet.Squares, TrainingSet.X), 0.65, 0.65),
        new(2, new(Bias.None, FeatureSet.Neighbour, TrainingSet.X), 0.84, 0.84),
        new(2, new(Bias.None, FeatureSet.Permutation, TrainingSet.X), 0.81, 0.81),
        new(2, new(Bias.With, FeatureSet.Squares, TrainingSet.X), 0.66, 0.66),
        new(2, new(Bias.With, FeatureSet.Neighbour, TrainingSet.X), 0.87, 0.87),
        new(2, new(Bias.With, FeatureSet.Permutation, TrainingSet.X), 0.82, 0.82),
        new(2, new(Bias.None, FeatureSet.IrrepsInversion, TrainingSet.X), null, null),
        new(2, new(Bias.None, FeatureSet.IrrepsD4, TrainingSet.X), null, null),
        new(2, new(Bias.With, FeatureSet.IrrepsInversion, TrainingSet.X), null, null),
        new(2, new(Bias.With, FeatureSet.IrrepsD4, TrainingSet.X), null, null),
    ];

    /// <summary>The configuration of a cell; every cell of the enums' product that the tables lack is a programming error.</summary>
    public static BergmanConfig Find(Bias bias, FeatureSet features, TrainingSet train) =>
        All.FirstOrDefault(c => c.Cell == new BergmanCell(bias, features, train))
        ?? throw new ArgumentException($"No configuration {new BergmanCell(bias, features, train)} in Tables 1 and 2.");

    /// <summary>The first configuration with these features (its label and map do not depend on the biases).</summary>
    public static BergmanConfig With(FeatureSet features) => All.First(c => c.Features == features);
}
