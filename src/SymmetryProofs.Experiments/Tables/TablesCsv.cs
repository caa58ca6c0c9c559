using System.Globalization;
using System.Text;
using SymmetryProofs.Data;
using SymmetryProofs.IO;

namespace SymmetryProofs.Experiments.Tables;

/// <summary>
/// tables.csv and its companion tables-diagnostics.csv, written whole (atomically) from the
/// checkpointed runs at the end of every invocation; resume reads the checkpoint, never these.
/// </summary>
public static class TablesCsv
{
    public const string Header = "protocol,bias,features,train,seed,acc_test,acc_test_inverted,epochs,train_seconds";
    public const string DiagnosticsHeader =
        "protocol,bias,features,train,seed,budget,split_ratio,final_loss,grad_max,stop,iterations,acc_train," +
        "mean_abs_logit,mean_logit_spread,ties_test,ties_test_inverted,same_prediction,test_count";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Round-trip format: R-bar = R is checked exactly on the numbers read back.</summary>
    private static string D(double v) => v.ToString("R", Inv);

    public static string Format(TablesRow r) =>
        string.Join(",", r.Protocol, r.Bias, r.Features, r.Train, r.Seed.ToString(Inv), D(r.AccTest), D(r.AccTestInverted),
            r.Epochs.ToString(Inv), r.TrainSeconds.ToString("F3", Inv));

    public static string Format(TablesDiagnostics d) =>
        string.Join(",", d.Protocol, d.Bias, d.Features, d.Train, d.Seed.ToString(Inv), d.Budget.ToString(Inv), D(d.SplitRatio),
            D(d.FinalLoss), D(d.GradientMax), d.Stop, d.Iterations.ToString(Inv), D(d.AccTrain), D(d.MeanAbsLogit),
            D(d.MeanLogitSpread), d.TiesTest.ToString(Inv), d.TiesTestInverted.ToString(Inv), d.SamePrediction.ToString(Inv), d.TestCount.ToString(Inv));

    /// <summary>The whole file: header, then one line per row (rows in the order given).</summary>
    public static string Write(IEnumerable<TablesRow> rows) => Header + "\n" + string.Concat(rows.Select(r => Format(r) + "\n"));

    public static string Write(IEnumerable<TablesDiagnostics> rows) => DiagnosticsHeader + "\n" + string.Concat(rows.Select(r => Format(r) + "\n"));
}
