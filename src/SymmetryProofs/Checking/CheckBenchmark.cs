using System.Diagnostics;
using System.Globalization;
using System.Text;
using SymmetryProofs.Checking.Examples;
using SymmetryProofs.IO;
using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Checking;

/// <summary>
/// The planted-bug benchmark: for every example and seeds 1..<see cref="Seeds"/>, whether the common
/// practice (<see cref="Trials"/> random trials at a fixed tolerance) flags it, whether this checker
/// flags it at the same number of model evaluations (2 per trial) and at its default budget, and the
/// size of the shrunk counterexample. Writes benchmark.md and benchmark.csv; not a timed test.
/// </summary>
internal static class CheckBenchmark
{
    public const int Seeds = 20, Trials = 20;

    /// <summary>The fixed tolerances of the common practice: a float32 habit, torch.allclose's rtol, a float64 habit.</summary>
    public static readonly double[] CommonTolerances = [1e-3, 1e-5, 1e-9];

    public sealed record Row(string Example, bool PlantedBug, string Dtype, int[] CommonFlagged, int CheckerFlaggedSame, int CheckerFlaggedFull,
        double MedianShrunkNonZero, int InputDimension, double MaxErrorFull, double MedianSeconds);

    public static IReadOnlyList<Row> Run(string outDir, TextWriter progress, int seeds = Seeds)
    {
        var rows = new List<Row>();
        int same = 2 * Trials, full = new CheckOptions().Budget;
        foreach (var e in ExampleCatalog.All)
        {
            var input = InputDeclaration.For(e.Group, e.Shape);
            var model = e.Build(e.DefaultDtype).WithInputAxes(input.Axes);
            var group = input;
            var rep = OutputDeclaration.Parse(e.Output);
            var common = new int[CommonTolerances.Length];
            int flaggedSame = 0, flaggedFull = 0;
            var shrunk = new List<double>();
            var seconds = new List<double>();
            double maxError = 0;
            for (int seed = 1; seed <= seeds; seed++)
            {
                double cp = CommonPractice.MaxError(model, group, rep, Trials, seed);
                for (int t = 0; t < common.Length; t++) if (!(cp <= CommonTolerances[t])) common[t]++;
                if (!SymmetryChecker.Run(model, group, rep, new CheckOptions(same, seed, ShrinkBudget: 0)).Passed) flaggedSame++;
                var watch = Stopwatch.StartNew();
                var r = SymmetryChecker.Run(model, group, rep, new CheckOptions(full, seed));
                seconds.Add(watch.Elapsed.TotalSeconds);
                maxError = Math.Max(maxError, r.Worst.Error);
                if (!r.Passed) { flaggedFull++; shrunk.Add(r.Shrunk.Case.Size.NonZero); }
            }
            var row = new Row(e.Name, e.PlantedBug, e.DtypeName, common, flaggedSame, flaggedFull,
                shrunk.Count > 0 ? Median(shrunk) : double.NaN, e.Shape.Dimension, maxError, Median(seconds));
            rows.Add(row);
            progress.WriteLine($"{e.Name}: common {string.Join("/", common)}, checker {flaggedSame} (40 evaluations), {flaggedFull} ({full}) of {seeds}");
        }
        var md = ToMarkdown(rows, seeds, full);
        AtomicFile.WriteAllText(Path.Combine(outDir, "benchmark.md"), md);
        AtomicFile.WriteAllText(Path.Combine(outDir, "benchmark.csv"), ToCsv(rows));
        progress.Write(md);
        return rows;
    }

    private static double Median(List<double> v)
    {
        var s = v.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }

    public static string ToMarkdown(IReadOnlyList<Row> rows, int seeds, int full)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Flagged as a violation in k of {seeds} seeds. Common practice: {Trials} random trials ({2 * Trials} evaluations) at a fixed relative tolerance. ");
        sb.Append(CultureInfo.InvariantCulture, $"Checker: this search at {2 * Trials} evaluations and at its default budget of {full}; shrunk size = median non-zero input coordinates of the shrunk counterexample (default budget).\n\n");
        sb.Append("| example | planted bug | dtype | common, tol 1e-3 | common, tol 1e-5 | common, tol 1e-9 | checker, 40 evals | checker, " + full + " evals | shrunk size (of n) | max error found | median s per check |\n");
        sb.Append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        foreach (var r in rows)
            sb.Append(CultureInfo.InvariantCulture,
                $"| {r.Example} | {(r.PlantedBug ? "yes" : "no")} | {r.Dtype} | {string.Join(" | ", r.CommonFlagged.Select(c => $"{c}/{seeds}"))} | {r.CheckerFlaggedSame}/{seeds} | {r.CheckerFlaggedFull}/{seeds} | {(double.IsNaN(r.MedianShrunkNonZero) ? "-" : $"{r.MedianShrunkNonZero:G3} of {r.InputDimension}")} | {r.MaxErrorFull:G3} | {r.MedianSeconds:F2} |\n");
        return sb.ToString();
    }

    private static string ToCsv(IReadOnlyList<Row> rows)
    {
        var sb = new StringBuilder("example,planted_bug,dtype,common_1e-3,common_1e-5,common_1e-9,checker_same,checker_full,median_shrunk_nonzero,input_dimension,max_error_full,median_seconds\n");
        foreach (var r in rows)
            sb.Append(CultureInfo.InvariantCulture, $"{r.Example},{r.PlantedBug},{r.Dtype},{string.Join(",", r.CommonFlagged)},{r.CheckerFlaggedSame},{r.CheckerFlaggedFull},{r.MedianShrunkNonZero},{r.InputDimension},{r.MaxErrorFull:R},{r.MedianSeconds:F3}\n");
        return sb.ToString();
    }
}
