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
/// size of the shrunk counterexample; then the same for the three families of sample models (samples/models), with
/// each method's detection and false-alarm rates over them. Writes benchmark.md and benchmark.csv; not a timed test.
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
        var folder = BenchmarkFamily.Folder();
        var rows = new List<Row>();
        foreach (var e in ExampleCatalog.All)
        {
            var input = InputDeclaration.For(e.Group, e.Shape);
            rows.Add(Measure(e.Name, e.PlantedBug, e.Build(e.DefaultDtype).WithInputAxes(input.Axes), input, OutputDeclaration.Parse(e.Output), seeds, progress));
        }
        var families = new List<Row>();
        foreach (var f in BenchmarkFamily.All)
        {
            var input = InputDeclaration.For(f.Group, f.ParsedShape);
            var model = TorchScriptModel.Load(Path.Combine(folder, f.File), input.Dimension, dtype: null, out _).WithInputAxes(input.Axes);
            families.Add(Measure(f.File, f.PlantedBug, model, input, OutputDeclaration.Parse(f.Output), seeds, progress));
        }
        var md = ToMarkdown(rows, seeds, new CheckOptions().Budget) + "\n" + FamiliesMarkdown(families, seeds);
        AtomicFile.WriteAllText(Path.Combine(outDir, "benchmark.md"), md);
        AtomicFile.WriteAllText(Path.Combine(outDir, "benchmark.csv"), ToCsv(rows.Concat(families).ToArray()));
        progress.Write(md);
        return rows.Concat(families).ToArray();
    }

    /// <summary>One row: the common practice at each tolerance and the checker at 40 evaluations and at its default budget, over seeds 1..<paramref name="seeds"/>.</summary>
    private static Row Measure(string name, bool plantedBug, CheckedModel model, InputDeclaration input, OutputDeclaration rep, int seeds, TextWriter progress)
    {
        int same = 2 * Trials, full = new CheckOptions().Budget;
        var common = new int[CommonTolerances.Length];
        int flaggedSame = 0, flaggedFull = 0;
        var shrunk = new List<double>();
        var seconds = new List<double>();
        double maxError = 0;
        for (int seed = 1; seed <= seeds; seed++)
        {
            double cp = CommonPractice.MaxError(model, input, rep, Trials, seed);
            for (int t = 0; t < common.Length; t++) if (!(cp <= CommonTolerances[t])) common[t]++;
            if (!SymmetryChecker.Run(model, input, rep, new CheckOptions(same, seed, ShrinkBudget: 0)).Passed) flaggedSame++;
            var watch = Stopwatch.StartNew();
            var r = SymmetryChecker.Run(model, input, rep, new CheckOptions(full, seed));
            seconds.Add(watch.Elapsed.TotalSeconds);
            maxError = Math.Max(maxError, r.Worst.Error);
            if (!r.Passed) { flaggedFull++; shrunk.Add(r.Shrunk.Case.Size.NonZero); }
        }
        progress.WriteLine($"{name}: common {string.Join("/", common)}, checker {flaggedSame} ({same} evaluations), {flaggedFull} ({full}) of {seeds}");
        return new Row(name, plantedBug, DtypeNames.Name(model.Dtype), common, flaggedSame, flaggedFull,
            shrunk.Count > 0 ? Median(shrunk) : double.NaN, model.InputDimension, maxError, Median(seconds));
    }

    /// <summary>
    /// The three families' rows, then each method's detection rate (bug runs flagged) and false-alarm rate (correct runs
    /// flagged) over the families: the common practice of 20 random trials at each tolerance and the checker.
    /// </summary>
    public static string FamiliesMarkdown(IReadOnlyList<Row> families, int seeds)
    {
        int full = new CheckOptions().Budget;
        var sb = new StringBuilder("Sample models written in PyTorch (samples/models, torch.jit.script, float64): C4 group CNN on [B, 2, 8, 8] with the regular representation on its outputs, DeepSets on [B, 6, 3] under S_6, a point-cloud net on [B, 8, 3] under SO(3).\n\n");
        sb.Append(ToMarkdown(families, seeds, full));
        var bugs = families.Where(r => r.PlantedBug).ToArray();
        var correct = families.Where(r => !r.PlantedBug).ToArray();
        string Rate(IReadOnlyList<Row> of, Func<Row, int> flagged) => $"{of.Sum(flagged)}/{of.Count * seeds}";
        sb.Append(CultureInfo.InvariantCulture, $"\nOver the three families ({bugs.Length} planted bugs and {correct.Length} correct models, {seeds} seeds each):\n\n");
        sb.Append("| method | detection (bug runs flagged) | false alarms (correct runs flagged) |\n| --- | --- | --- |\n");
        for (int t = 0; t < CommonTolerances.Length; t++)
            sb.Append(CultureInfo.InvariantCulture, $"| common practice, {Trials} trials, tol {CommonTolerances[t]:G1} | {Rate(bugs, r => r.CommonFlagged[t])} | {Rate(correct, r => r.CommonFlagged[t])} |\n");
        sb.Append(CultureInfo.InvariantCulture, $"| checker, {2 * Trials} evaluations | {Rate(bugs, r => r.CheckerFlaggedSame)} | {Rate(correct, r => r.CheckerFlaggedSame)} |\n");
        sb.Append(CultureInfo.InvariantCulture, $"| checker, {full} evaluations | {Rate(bugs, r => r.CheckerFlaggedFull)} | {Rate(correct, r => r.CheckerFlaggedFull)} |\n");
        return sb.ToString();
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
