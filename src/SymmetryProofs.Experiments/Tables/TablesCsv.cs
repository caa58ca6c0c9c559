using System.Globalization;
using System.Text;
using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Bergman;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.IO;

namespace SymmetryProofs.Experiments.Tables;

/// <summary>
/// tables.csv and its companion tables-diagnostics.csv, written whole (atomically) from the
/// checkpointed runs at the end of every invocation; resume reads the checkpoint, never these.
/// </summary>
internal static class TablesCsv
{
    public const string Header = "protocol,bias,features,train,seed,acc_test,acc_test_inverted,epochs,train_seconds,stop,newton_steps,grad_max,acc_test_half,acc_test_inverted_half";

    /// <summary>The header of tables/4 and tables/5, before the half-budget columns: still read, as a baseline.</summary>
    public const string HeaderWithoutHalf = "protocol,bias,features,train,seed,acc_test,acc_test_inverted,epochs,train_seconds,stop,newton_steps,grad_max";
    public const string DiagnosticsHeader =
        "protocol,bias,features,train,seed,budget,split_ratio,final_loss,grad_max,stop,iterations,acc_train," +
        "mean_abs_logit,mean_logit_spread,ties_test,ties_test_inverted,same_prediction,test_count,newton_steps,lbfgs_stop";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Round-trip format: R-bar = R is checked exactly on the numbers read back.</summary>
    private static string D(double v) => v.ToString("R", Inv);

    /// <summary>The key's columns: protocol, bias, features, train, seed.</summary>
    private static string KeyColumns(RunKey k) =>
        string.Join(",", BergmanNames.Protocol.Name(k.Protocol), k.Cell.Bias.Name(), k.Cell.Features.Name(), k.Cell.Train.Name(), k.Seed.ToString(Inv));

    /// <summary>A stop rule's column: empty when unknown (a baseline row written before the column existed).</summary>
    private static string StopColumn(StopRule s) => s == StopRule.Unknown ? "" : s.Name();

    public static string Format(BergmanRow r) =>
        string.Join(",", KeyColumns(r.Key), D(r.AccTest), D(r.AccTestInverted),
            r.Epochs.ToString(Inv), r.TrainSeconds.ToString("F3", Inv), StopColumn(r.Stop), r.NewtonSteps.ToString(Inv), D(r.GradientMax), D(r.AccTestHalf), D(r.AccTestInvertedHalf));

    public static string Format(BergmanDiagnostics d)
    {
        var (t, l) = (d.Training, d.Logits);
        return string.Join(",", KeyColumns(d.Key), t.Budget.ToString(Inv), D(d.SplitRatio),
            D(t.FinalLoss), D(t.GradientMax), StopColumn(t.Stop), t.Iterations.ToString(Inv), D(d.AccTrain), D(l.MeanAbsLogit),
            D(l.MeanLogitSpread), l.TiesTest.ToString(Inv), l.TiesTestInverted.ToString(Inv), l.SamePrediction.ToString(Inv), l.TestCount.ToString(Inv),
            t.NewtonSteps.ToString(Inv), StopColumn(t.LbfgsStop));
    }

    /// <summary>The whole file: header, then one line per row (rows in the order given).</summary>
    public static string Write(IEnumerable<BergmanRow> rows) => Header + "\n" + string.Concat(rows.Select(r => Format(r) + "\n"));

    public static string Write(IEnumerable<BergmanDiagnostics> rows) => DiagnosticsHeader + "\n" + string.Concat(rows.Select(r => Format(r) + "\n"));

    /// <summary>The header of tables/3's tables.csv, before the stop columns: still read, as a baseline (stop unknown).</summary>
    public const string HeaderWithoutStop = "protocol,bias,features,train,seed,acc_test,acc_test_inverted,epochs,train_seconds";

    /// <summary>
    /// Reads a tables.csv written by this or the previous version (a baseline for the comparison); bad input is an
    /// <see cref="InputException"/> naming the file, the line and what was expected.
    /// </summary>
    public static List<BergmanRow> Read(string path)
    {
        if (!File.Exists(path)) throw new InputException($"--baseline: {path} does not exist; expected the tables.csv of a `tables --finish none` run.");
        var lines = File.ReadAllLines(path);
        bool withHalf = lines.Length > 0 && lines[0] == Header;
        bool full = withHalf || lines.Length > 0 && lines[0] == HeaderWithoutHalf;
        if (!full && (lines.Length == 0 || lines[0] != HeaderWithoutStop))
            throw new InputException($"{path}:1: expected the header '{Header}' (or '{HeaderWithoutHalf}' or '{HeaderWithoutStop}').");
        int columns = withHalf ? 14 : full ? 12 : 9;
        var rows = new List<BergmanRow>();
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            var f = lines[i].Split(',');
            if (f.Length != columns) throw new InputException($"{path}:{i + 1}: expected {columns} comma-separated fields; got {f.Length}.");
            string where = $"{path}:{i + 1}";
            var stop = !full || f[9].Length == 0 ? StopRule.Unknown : BergmanNames.Stop.Parse(f[9], where);
            var cell = new BergmanCell(BergmanNames.Bias.Parse(f[1], where), BergmanNames.Features.Parse(f[2], where), BergmanNames.Train.Parse(f[3], where));
            try
            {
                rows.Add(new BergmanRow(new RunKey(BergmanNames.Protocol.Parse(f[0], where), cell, int.Parse(f[4], Inv)), double.Parse(f[5], Inv), double.Parse(f[6], Inv),
                    int.Parse(f[7], Inv), double.Parse(f[8], Inv), stop, full ? int.Parse(f[10], Inv) : 0, full ? double.Parse(f[11], Inv) : double.NaN,
                    withHalf ? double.Parse(f[12], Inv) : double.NaN, withHalf ? double.Parse(f[13], Inv) : double.NaN));
            }
            catch (FormatException)
            {
                throw new InputException($"{path}:{i + 1}: expected numbers in seed, acc_test, acc_test_inverted, epochs, train_seconds{(full ? ", newton_steps, grad_max" : "")}; got '{lines[i]}'.");
            }
        }
        return rows;
    }
}
