using System.Globalization;
using SymmetryProofs.Experiments.Bergman;
using SymmetryProofs.IO;

namespace SymmetryProofs.Experiments.LearningCurves;

/// <summary>learning_curves.csv: one line per run, written whole from the checkpoint at the end of every invocation.</summary>
internal static class LearningCurvesCsv
{
    public const string Header =
        "config,fraction,train_originals,train_rows,seed,acc_test,acc_test_inverted,acc_symmetric,acc_train,overfitting_gap,evaluations,iterations,stop,final_loss,train_seconds";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Line(LearningCurvesUnit u)
    {
        var p = u.Point();
        return string.Join(",", u.Config, Format.Number(u.Fraction), u.TrainOriginals.ToString(Inv), u.TrainRows.ToString(Inv), u.Row.Seed.ToString(Inv),
            Format.Number(p.R), Format.Number(p.RBar), Format.Number(p.Symmetric), Format.Number(p.AccTrain), Format.Number(p.Gap),
            u.Row.Epochs.ToString(Inv), u.Diagnostics.Training.Iterations.ToString(Inv), u.Diagnostics.Training.Stop.Name(), Format.Number(u.Diagnostics.Training.FinalLoss),
            u.Row.TrainSeconds.ToString("F3", Inv));
    }

    public static string Write(IEnumerable<LearningCurvesUnit> units) => Header + "\n" + string.Concat(units.Select(u => Line(u) + "\n"));
}
