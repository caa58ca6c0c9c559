using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using SymmetryProofs.Data;
using SymmetryProofs.Runtime;
using SymmetryProofs.IO;
using SymmetryProofs.Optimisation;
using SymmetryProofs.IO;

namespace SymmetryProofs.Experiments;

/// <summary>
/// Bergman's Tables 1 and 2 over several seeds: trains every configuration, appends one row per
/// run to tables.csv (skipping rows already there), then writes tables.md and tables.png from all rows.
/// </summary>
public static class TablesCommand
{
    public static readonly TrainingOptions Default = new(MaxEvaluations: 1500);
    public static readonly TrainingOptions Quick = new(MaxEvaluations: 300);

    public static Command Create()
    {
        var seeds = new Option<int>("--seeds") { Description = "Number of seeds (1..N); default 10, or 2 with --quick." };
        var protocol = new Option<string>("--protocol")
        {
            Description = "split-first: split the 1797 digits, then enlarge each side (default); paper: enlarge, then split.",
            DefaultValueFactory = _ => "split-first",
        };
        protocol.AcceptOnlyFromAmong("split-first", "paper");
        var outDir = new Option<string>("--out") { Description = "Output directory for tables.csv, tables.md, tables.png.", DefaultValueFactory = _ => "results/tables" };
        var quick = new Option<bool>("--quick") { Description = $"2 seeds and a budget of {Quick.MaxEvaluations} evaluations per run (instead of {Default.MaxEvaluations})." };
        var data = new Option<string?>("--data") { Description = $"Directory holding optdigits.tes (else ${DataDirectory.EnvironmentVariable}, else {DataDirectory.DefaultPath})." };
        var ratio = new Option<double>("--train-ratio") { Description = "Fraction of each class used for training (stratified).", DefaultValueFactory = _ => 0.8 };
        var maxEvals = new Option<int>("--max-evals") { Description = "Override the budget of loss-and-gradient evaluations per run." };
        var jobs = new Option<int>("--jobs")
        {
            Description = "Runs trained at once, each on one thread (results do not depend on it).",
            DefaultValueFactory = _ => Math.Min(2, Environment.ProcessorCount),
        };

        var command = new Command("tables", "Reproduce Bergman's Tables 1 and 2 on the UCI digits, mean +- std over seeds.");
        foreach (var o in new Option[] { seeds, protocol, outDir, quick, data, ratio, maxEvals, jobs }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            bool isQuick = parse.GetValue(quick);
            int n = parse.GetResult(seeds) is null ? (isQuick ? 2 : 10) : parse.GetValue(seeds);
            double r = parse.GetValue(ratio);
            if (n < 1) return Fail("--seeds must be at least 1.");
            if (!(r > 0 && r < 1)) return Fail("--train-ratio must lie strictly between 0 and 1.");
            var options = isQuick ? Quick : Default;
            if (parse.GetResult(maxEvals) is not null)
            {
                if (parse.GetValue(maxEvals) < 2) return Fail("--max-evals must be at least 2.");
                options = options with { MaxEvaluations = parse.GetValue(maxEvals) };
            }
            if (parse.GetValue(jobs) < 1) return Fail("--jobs must be at least 1.");
            try
            {
                return Run(SplitProtocols.Parse(parse.GetValue(protocol)!), n, parse.GetValue(outDir)!, options,
                    DataDirectory.Resolve(parse.GetValue(data)), r, parse.GetValue(jobs));
            }
            catch (Exception e) when (e is DataNotFoundException or OptdigitsFormatException or ResultsFormatException or InvalidDataException or FileNotFoundException)
            {
                return Fail(e.Message);
            }
        });
        return command;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"tables: {message}");
        return 1;
    }

    /// <summary>The 1797 digits, fetched first when the default directory is empty (a fresh clone).</summary>
    public static LabelledSet LoadDigits(DataDirectory dir)
    {
        if (!dir.HasFile(Optdigits.TestFile))
        {
            if (!dir.IsDefault) throw new DataNotFoundException(dir.HowToGet(Optdigits.TestFile));
            Console.Error.WriteLine($"{dir.FilePath(Optdigits.TestFile)} not found; trying to download it from {OptdigitsFetcher.BaseUrl} ...");
            try
            {
                OptdigitsFetcher.Download(dir.Path, Console.Error.WriteLine, TimeSpan.FromSeconds(20));
            }
            catch (DataNotFoundException e)
            {
                throw new DataNotFoundException($"{e.Message}\n\n{dir.HowToGet(Optdigits.TestFile)}");
            }
        }
        // Parse first, so a damaged file is reported by line; then insist on the published file, since every figure depends on it.
        var digits = Optdigits.Load(dir.FilePath(Optdigits.TestFile));
        OptdigitsFetcher.Verify(Optdigits.TestFile, File.ReadAllBytes(dir.FilePath(Optdigits.TestFile)), dir.FilePath(Optdigits.TestFile));
        return digits;
    }

    public static int Run(SplitProtocol protocol, int seeds, string outDir, TrainingOptions options, DataDirectory dataDir, double ratio, int jobs = 1)
    {
        var clock = Stopwatch.StartNew();
        TorchSetup.Initialise();
        var digits = LoadDigits(dataDir);
        Directory.CreateDirectory(outDir);
        var csv = Path.Combine(outDir, "tables.csv");
        var diagCsv = Path.Combine(outDir, "tables-diagnostics.csv");
        var existing = TablesCsv.ReadRows(csv);
        var diagnostics = TablesCsv.ReadDiagnostics(diagCsv);
        foreach (var d in diagnostics.Where(d => d.Protocol == protocol.Name()))
            if (d.Budget != options.MaxEvaluations || d.SplitRatio != ratio)
                throw new InvalidDataException(
                    $"{diagCsv}: {outDir} holds {d.Protocol} runs with budget {d.Budget} and train ratio {d.SplitRatio}; this run uses {options.MaxEvaluations} and {ratio}. " +
                    "Use another --out, or the same options, so rows of one table share one protocol.");
        var done = existing.Select(r => r.Key).ToHashSet();
        var todo = (from seed in Enumerable.Range(1, seeds)
                    from config in TablesConfig.All
                    where !done.Contains((protocol.Name(), config.Bias, config.Features, config.Train, seed))
                    select (seed, config)).ToList();
        Console.WriteLine($"tables: protocol {protocol.Name()}, {seeds} seeds x {TablesConfig.All.Count} configurations, " +
                          $"{todo.Count} to run ({existing.Count(r => r.Protocol == protocol.Name())} already in {csv}), {jobs} at a time; {options.Describe()}.");

        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("training", maxValue: Math.Max(1, todo.Count));
                var splits = new System.Collections.Concurrent.ConcurrentDictionary<int, Lazy<ProtocolSplit>>();
                var gate = new object();
                // No buffering: runs start in seed order, so an interrupted run leaves whole early seeds behind.
                var ordered = System.Collections.Concurrent.Partitioner.Create(todo, System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering);
                Parallel.ForEach(ordered, new ParallelOptions { MaxDegreeOfParallelism = jobs }, item =>
                {
                    var (seed, config) = item;
                    var split = splits.GetOrAdd(seed, s => new Lazy<ProtocolSplit>(() => protocol.Apply(digits, ratio, s))).Value;
                    var (row, diag) = TablesRun.Execute(config, protocol, split, seed, options, ratio);
                    lock (gate)
                    {
                        // The row first: a run interrupted between the two writes is skipped on resume and only lacks its
                        // diagnostics, whereas the other order would retrain it and write its diagnostics twice.
                        TablesCsv.Append(csv, TablesCsv.Header, TablesCsv.Format(row));
                        TablesCsv.Append(diagCsv, TablesCsv.DiagnosticsHeader, TablesCsv.Format(diag));
                        existing.Add(row);
                        diagnostics.Add(diag);
                        task.Description = $"seed {seed}: {config.Bias} bias, {config.Features}, {config.Train} done";
                        task.Increment(1);
                    }
                });
                if (todo.Count == 0) task.Increment(1);
            });

        clock.Stop();
        var md = Path.Combine(outDir, "tables.md");
        var png = Path.Combine(outDir, "tables.png");
        var context = new TablesReportContext(digits.Count, dataDir, options, ratio, clock.Elapsed, todo.Count);
        AtomicFile.WriteAllText(md, TablesReport.Markdown(existing, diagnostics, context));
        TablesPlot.Save(existing, png);
        Console.WriteLine(TablesReport.Summary(existing, protocol.Name()));
        Console.WriteLine($"wrote {csv}, {md}, {png} in {clock.Elapsed.TotalSeconds:F1} s");
        return 0;
    }
}
