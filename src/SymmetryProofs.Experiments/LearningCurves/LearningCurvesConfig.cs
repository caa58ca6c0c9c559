using SymmetryProofs.Experiments.Tables;

namespace SymmetryProofs.Experiments.LearningCurves;

/// <summary>What a configuration stands for in the comparison.</summary>
public enum CurveRole
{
    /// <summary>The biased net on X alone: no symmetry.</summary>
    Reference,
    /// <summary>The biased net trained on X and -X: symmetry learnt from data.</summary>
    Augmentation,
    /// <summary>A bias-free net on inversion-invariant features: symmetry built in (Bergman's construction).</summary>
    Invariant,
}

/// <summary>One curve: a name, its role, and the cell of Tables 1 and 2 whose training it reuses.</summary>
public sealed record LearningCurvesConfig(string Name, CurveRole Role, TablesConfig Cell)
{
    public string Description => $"{(Cell.WithBias ? "biased" : "bias-free")} net on {Cell.FeatureLabel}, trained on {(Cell.TrainedOnInverted ? "X and -X" : "X")}";

    /// <summary>The four curves: the two baselines first, then the two invariant-feature models.</summary>
    public static readonly IReadOnlyList<LearningCurvesConfig> All =
    [
        new("reference", CurveRole.Reference, TablesConfig.Find("with", "x", "X")),
        new("augmentation", CurveRole.Augmentation, TablesConfig.Find("with", "x", "X+-X")),
        new("neighbour", CurveRole.Invariant, TablesConfig.Find("none", "neighbour", "X")),
        new("permutation", CurveRole.Invariant, TablesConfig.Find("none", "permutation", "X")),
    ];

    public static LearningCurvesConfig Find(string name) => All.First(c => c.Name == name);
}
