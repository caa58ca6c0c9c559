using System.Text.Json.Serialization;

namespace SymmetryProofs.Experiments.Bergman;

/// <summary>One trained run: its key and what it measured (a row of tables.csv).</summary>
/// <param name="Key">Protocol, cell and seed.</param>
/// <param name="AccTest">R, the accuracy on X_test.</param>
/// <param name="AccTestInverted">R-bar, the accuracy on -X_test.</param>
/// <param name="Epochs">Loss-and-gradient evaluations, each a full pass over the training set.</param>
/// <param name="TrainSeconds">Wall time of the training.</param>
/// <param name="Stop">What ended the training (unknown for baseline rows written before the column existed).</param>
/// <param name="NewtonSteps">Newton steps of the second-order finish (0 without it).</param>
/// <param name="GradientMax">Final max |dL/dtheta| (NaN when unknown).</param>
/// <param name="AccTestHalf">R of the net a run with half the evaluation budget would have returned (NaN when unknown).</param>
/// <param name="AccTestInvertedHalf">R-bar of that net (NaN when unknown).</param>
internal sealed record BergmanRow(RunKey Key, double AccTest, double AccTestInverted, int Epochs, double TrainSeconds,
    StopRule Stop = StopRule.Unknown, int NewtonSteps = 0, double GradientMax = double.NaN, double AccTestHalf = double.NaN, double AccTestInvertedHalf = double.NaN)
{
    [JsonIgnore]
    public BergmanCell Cell => Key.Cell;

    [JsonIgnore]
    public int Seed => Key.Seed;
}
