using System.Globalization;
using System.Text;
using SymmetryProofs.Data;
using SymmetryProofs.IO;

namespace SymmetryProofs.Experiments;

/// <summary>A malformed results file met on resume: <c>file:line: what was wrong</c>.</summary>
public sealed class ResultsFormatException(string file, int line, string problem) : FormatException($"{file}:{line}: {problem}");

/// <summary>
/// tables.csv and its companion tables-diagnostics.csv: read and validated on resume, appended one
/// whole line per write (then flushed to disk), so an interrupted run leaves only complete rows.
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

    public static List<TablesRow> ReadRows(string path) => Read(path, Header, ParseRow);

    public static List<TablesDiagnostics> ReadDiagnostics(string path) => Read(path, DiagnosticsHeader, ParseDiagnostics);

    /// <summary>Appends <paramref name="line"/> in a single write and flushes it; creates the file with its header first.</summary>
    public static void Append(string path, string header, string line)
    {
        if (!File.Exists(path)) AtomicFile.WriteAllText(path, header + "\n");
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        stream.Write(bytes, 0, bytes.Length);
        stream.Flush(flushToDisk: true);
    }

    private static List<T> Read<T>(string path, string header, Func<string[], Func<string, Exception>, T> parse) where T : class
    {
        var result = new List<T>();
        if (!File.Exists(path)) return result;
        var text = File.ReadAllText(path);
        if (text.Length == 0) throw new ResultsFormatException(path, 1, $"empty file; expected the header '{header}'.");
        if (!text.EndsWith('\n'))
            throw new ResultsFormatException(path, text.Count(c => c == '\n') + 1, "last line has no line end: the file was not written by this program (rows are appended whole).");
        var lines = text[..^1].Split('\n');
        if (lines[0] != header) throw new ResultsFormatException(path, 1, $"header is '{lines[0]}'; expected '{header}'.");
        var keys = new HashSet<string>();
        for (int n = 1; n < lines.Length; n++)
        {
            int lineNo = n + 1;
            Exception Error(string what) => new ResultsFormatException(path, lineNo, what);
            var fields = lines[n].Split(',');
            int expected = header.Split(',').Length;
            if (fields.Length != expected) throw Error($"{fields.Length} fields; expected {expected} ({header}).");
            var key = string.Join(",", fields.Take(5));
            if (!keys.Add(key)) throw Error($"run {key} appears twice.");
            result.Add(parse(fields, Error));
        }
        return result;
    }

    private static void CheckKey(string[] f, Func<string, Exception> error)
    {
        try { SplitProtocols.Parse(f[0]); }
        catch (ArgumentException) { throw error($"protocol is '{f[0]}'; expected split-first or paper."); }
        if (!TablesConfig.BiasNames.Contains(f[1])) throw error($"bias is '{f[1]}'; expected none or with.");
        if (!TablesConfig.FeatureNames.Contains(f[2])) throw error($"features is '{f[2]}'; expected x, x2, neighbour or permutation.");
        if (!TablesConfig.TrainNames.Contains(f[3])) throw error($"train is '{f[3]}'; expected X or X+-X.");
        try { TablesConfig.Find(f[1], f[2], f[3]); }
        catch (ArgumentException e) { throw error(e.Message); }
    }

    private static TablesRow ParseRow(string[] f, Func<string, Exception> error)
    {
        CheckKey(f, error);
        return new TablesRow(f[0], f[1], f[2], f[3], Int(f[4], "seed", 0, error),
            Fraction(f[5], "acc_test", error), Fraction(f[6], "acc_test_inverted", error),
            Int(f[7], "epochs", 1, error), NonNegative(f[8], "train_seconds", error));
    }

    private static TablesDiagnostics ParseDiagnostics(string[] f, Func<string, Exception> error)
    {
        CheckKey(f, error);
        if (!Enum.TryParse<Optimisation.StopReason>(f[9], ignoreCase: true, out _)) throw error($"stop is '{f[9]}'; expected gradient, plateau, budget or linesearch.");
        return new TablesDiagnostics(f[0], f[1], f[2], f[3], Int(f[4], "seed", 0, error), Int(f[5], "budget", 1, error),
            Fraction(f[6], "split_ratio", error), NonNegative(f[7], "final_loss", error), NonNegative(f[8], "grad_max", error), f[9],
            Int(f[10], "iterations", 0, error), Fraction(f[11], "acc_train", error), NonNegative(f[12], "mean_abs_logit", error),
            NonNegative(f[13], "mean_logit_spread", error), Int(f[14], "ties_test", 0, error), Int(f[15], "ties_test_inverted", 0, error),
            Int(f[16], "same_prediction", 0, error), Int(f[17], "test_count", 1, error));
    }

    private static int Int(string s, string what, int min, Func<string, Exception> error) =>
        int.TryParse(s, NumberStyles.AllowLeadingSign, Inv, out int v) && v >= min ? v : throw error($"{what} is '{s}'; expected an integer >= {min}.");

    private static double Fraction(string s, string what, Func<string, Exception> error) =>
        double.TryParse(s, NumberStyles.Float, Inv, out double v) && v >= 0 && v <= 1 ? v : throw error($"{what} is '{s}'; expected a decimal in [0, 1].");

    private static double NonNegative(string s, string what, Func<string, Exception> error) =>
        double.TryParse(s, NumberStyles.Float, Inv, out double v) && v >= 0 && double.IsFinite(v) ? v : throw error($"{what} is '{s}'; expected a finite number >= 0.");
}
