using SymmetryProofs.Experiments.Parsing;

namespace SymmetryProofs.Experiments.LearningCurves;

/// <summary>The three parts of Bergman's abstract that the learning curves judge.</summary>
internal enum AbstractPart
{
    /// <summary>"reduces over-fitting": a smaller gap between training and test accuracy.</summary>
    OverFitting,
    /// <summary>"requiring less training data": fewer training originals to reach an accuracy target.</summary>
    LessData,
    /// <summary>"taking less time ... to train": fewer seconds to reach a training-loss target.</summary>
    LessTime,
}

/// <summary>The one spelling of <see cref="AbstractPart"/> and <see cref="CurveRole"/> in the reports and summary.json.</summary>
internal static class LearningCurvesNames
{
    public static readonly OptionNames<AbstractPart> Parts = new("part",
        (AbstractPart.OverFitting, "less over-fitting"), (AbstractPart.LessData, "less training data"), (AbstractPart.LessTime, "less training time"));

    public static readonly OptionNames<CurveRole> Roles = new("role",
        (CurveRole.Reference, "reference"), (CurveRole.Augmentation, "augmentation"), (CurveRole.Invariant, "invariant"));

    public static string Name(this AbstractPart part) => Parts.Name(part);

    public static string Name(this CurveRole role) => Roles.Name(role);
}
