using SymmetryProofs.Experiments.Bergman;

namespace SymmetryProofs.Experiments.LearningCurves;

/// <summary>What a configuration stands for in the comparison.</summary>
internal enum CurveRole
{
    /// <summary>The biased net on X alone: no symmetry.</summary>
    Reference,
    /// <summary>The biased net trained on X and -X: symmetry learnt from data.</summary>
    Augmentation,
    /// <summary>A bias-free net on inversion-invariant features: symmetry built in (Bergman's construction).</summary>
    Invariant,
}

/// <summary>One curve: a name, its role, and the cell of Tables 1 and 2 whose training it reuses.</summary>
internal sealed record LearningCurvesConfig(string Name, CurveRole Role, BergmanCell Cell)
{
    public string Description => $"{(Cell.WithBias ? "biased" : "bias-free")} net on {FeatureMaps.Label(Cell.Features)}, trained on {(Cell.TrainedOnInverted ? "X and -X" : "X")}";

    /// <summary>The four curves: the two baselines first, then the two invariant-feature models.</summary>
    public static readonly IReadOnlyList<LearningCurvesConfig> All =
    [
        new("reference", CurveRole.Reference, new(Bias.With, FeatureSet.X, TrainingSet.X)),
        new("augmentation", CurveRole.Augmentation, new(Bias.With, FeatureSet.X, TrainingSet.XAndNegated)),
        new("neighbour", CurveRole.Invariant, new(Bias.None, FeatureSet.Neighbour, TrainingSet.X)),
        new("permutation", CurveRole.Invariant, new(Bias.None, FeatureSet.Permutation, TrainingSet.X)),
    ];

    public static LearningCurvesConfig Find(string name) => All.First(c => c.Name == name);

    /// <summary>The fair baseline every verdict compares with: the one configuration of role <see cref="CurveRole.Augmentation"/>.</summary>
    public static LearningCurvesConfig Augmentation => All.Single(c => c.Role == CurveRole.Augmentation);
}
