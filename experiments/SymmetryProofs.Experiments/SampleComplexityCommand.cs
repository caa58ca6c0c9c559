using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using SymmetryProofs.IO;

namespace SymmetryProofs.Experiments;

/// <summary>
/// `sample-complexity`: learning curves of plain and group-averaged kernel ridge regression on the
/// torus, for inversion, sign flips, permutations and a translation in D = 1, 2, 3, compared with
/// the rates and gains of Tahmasebi and Jegelka (2023).
/// </summary>
public static class SampleComplexityCommand
{
    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = "2 seeds, n = 2^6..2^10 (about a minute on 2 idle cores); the full run uses 10 seeds and n = 2^6..2^12." };
        var outDir = new Option<string>("--out") { Description = "Directory for sample_complexity.md, curves.csv, curves.png, summary.json.", DefaultValueFactory = _ => "results/sample-complexity" };
        var seeds = new Option<int?>("--seeds") { Description = "Override the number of seeds (at least 2, for confidence intervals)." };
        var maxLog2 = new Option<int?>("--max-log2") { Description = "Override the largest n as a power of two (8..14)." };
        var resume = new Option<bool>("--resume") { Description = "Reuse the (case, seed) curves already in DIR/curves.csv (same design) and compute only the missing ones." };
        var threads = new Option<int>("--threads") { Description = "Cases run in parallel.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("sample-complexity", "Learning curves of plain vs invariant kernel ridge regression: rate exponents and sample gains vs Tahmasebi & Jegelka.");
        foreach (var o in new Option[] { quick, outDir, seeds, maxLog2, threads, resume }) command.Options.Add(o);
        command.SetAction(parse => Run(parse.GetValue(quick), parse.GetValue(outDir)!, parse.GetValue(seeds), parse.GetValue(maxLog2), parse.GetValue(threads), parse.GetValue(resume)));
        return command;
    }

    public static int Run(bool quick, string outDir, int? seeds, int? maxLog2, int threads, bool resume = false)
    {
        if (seeds is < 2) { Console.Error.WriteLine($"--seeds must be at least 2 for a confidence interval; got {seeds}."); return 2; }
        if (maxLog2 is < 8 or > 14) { Console.Error.WriteLine($"--max-log2 must be in 8..14; got {maxLog2}."); return 2; }
        if (threads < 1) { Console.Error.WriteLine($"--threads must be at least 1; got {threads}."); return 2; }
        MathNet.Numerics.Control.UseSingleThread();
        var design = SampleComplexityDesign.Create(quick, seeds, maxLog2);
        var cases = SampleComplexityDesign.Cases();
        Directory.CreateDirectory(outDir);
        var results = new ConcurrentBag<CurvePoint>();
        var done = new HashSet<(string, int, int)>();
        if (resume && File.Exists(Path.Combine(outDir, "curves.csv")))
        {
            try
            {
                foreach (var group in SampleComplexityCsv.Read(Path.Combine(outDir, "curves.csv")).GroupBy(p => (p.Group, p.D, p.Seed)))
                    if (group.Key.Seed < design.Seeds && design.Sizes.All(n => group.Count(p => p.N == n) == 2) && group.Count() == 2 * design.Sizes.Length)
                    {
                        foreach (var p in group) results.Add(p);
                        done.Add(group.Key);
                    }
            }
            catch (FormatException e) { Console.Error.WriteLine(e.Message); return 2; }
            Console.WriteLine($"Resuming: {done.Count} (case, seed) curves reused from {outDir}/curves.csv.");
        }
        var jobs = cases.SelectMany(c => Enumerable.Range(0, design.Seeds).Select(seed => (Case: c, Seed: seed)))
            .Where(j => !done.Contains((j.Case.Group, j.Case.D, j.Seed)))
            .OrderByDescending(j => j.Case.D).ToList(); // the costly D = 3 jobs first keep both cores busy to the end
        var watch = Stopwatch.StartNew();
        AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask($"{cases.Count} cases x {design.Seeds} seeds", maxValue: jobs.Count);
                Parallel.ForEach(jobs, new ParallelOptions { MaxDegreeOfParallelism = threads }, job =>
                {
                    foreach (var p in SampleComplexityCurve.Run(job.Case, job.Seed, design)) results.Add(p);
                    lock (task) task.Increment(1);
                });
            });
        var points = results.ToList();
        var summaries = cases.Select(c => SampleComplexityAnalysis.Summarise(c, points.Where(p => p.Group == c.Group && p.D == c.D).ToList(), design.Sizes)).ToList();
        watch.Stop();
        AtomicFile.WriteAllText(Path.Combine(outDir, "curves.csv"), SampleComplexityReport.Csv(points));
        AtomicFile.WriteAllText(Path.Combine(outDir, "summary.json"), SampleComplexityReport.Json(summaries));
        AtomicFile.WriteAllText(Path.Combine(outDir, "sample_complexity.md"), SampleComplexityReport.Markdown(summaries, design, watch.Elapsed, quick, done.Count));
        SampleComplexityPlot.Save(Path.Combine(outDir, "curves.png"), summaries);

        var table = new Table().AddColumns("group", "D", "slope plain", "theory", "slope inv", "theory", "gain", "|G|");
        foreach (var s in summaries)
            table.AddRow(s.Group, s.D.ToString(), $"{s.SlopePlain.Mean:F3}", $"{s.SlopeTheoryPlain:F3}", $"{s.SlopeInvariant.Mean:F3}", $"{s.SlopeTheoryInvariant:F3}",
                Markup.Escape($"{s.Gain.Mean:F2} [{s.Gain.Low:F2}, {s.Gain.High:F2}]"), s.GroupOrder?.ToString() ?? "-");
        AnsiConsole.Write(table);
        Console.WriteLine($"Wrote {outDir}/sample_complexity.md, curves.csv, curves.png, summary.json in {watch.Elapsed.TotalSeconds:F0} s.");
        return 0;
    }
}
