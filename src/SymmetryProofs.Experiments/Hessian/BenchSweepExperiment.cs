namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// `hessian bench --sweep` as a <see cref="Runs.Runner"/> experiment: a unit is one net, timed in the order of size
/// (smallest first, so the predictions that decide whether to run a phase rest on measured nets, read from the finished
/// units) and checkpointed when finished; then the exponents, the practical size, and bench.md, bench.json and bench.png.
/// </summary>
internal sealed class BenchSweepExperiment : Runs.IExperiment<BenchSettings, string, BenchRow>
{
    private BenchSettings? current;
    private List<string> order = [];
    private Runs.IFinishedUnits<BenchRow>? finished;
    private double baselineMb;
    private Runs.IRunLog log = Runs.TextRunLog.Silent();

    /// <inheritdoc/>
    public string Name => "hessian bench --sweep";

    /// <inheritdoc/>
    public void Validate(BenchSettings settings, Runs.RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
    }

    /// <inheritdoc/>
    public Runs.Fingerprint Fingerprint(BenchSettings settings) => Runs.Fingerprint.Of(settings);

    /// <inheritdoc/>
    public IReadOnlyList<string> Plan(BenchSettings settings, Runs.RunOptions options, Runs.IRunLog log)
    {
        ArgumentNullException.ThrowIfNull(settings);
        BenchSetup.Threads(settings.Method.Threads);
        PeakMemory.Reset();
        baselineMb = PeakMemory.ResidentMb() ?? 0;
        current = settings;
        this.log = log;
        order = settings.Nets.Names.OrderBy(settings.Nets.Parameters).ToList();
        return order;
    }

    /// <inheritdoc/>
    public string Key(string unit) => unit;

    /// <summary>Every net runs in one shard: each one's predictions rest on the smaller nets.</summary>
    public int ShardPosition(string unit, int position) => 0;

    /// <inheritdoc/>
    public void Open(Runs.IFinishedUnits<BenchRow> finished) => this.finished = finished;

    /// <inheritdoc/>
    public BenchRow Execute(string unit)
    {
        var earlier = order.TakeWhile(o => o != unit).Select(o => finished!.TryGet(o, out var r) ? r : null).OfType<BenchRow>().ToList();
        return BenchMeasure.Run(unit, current!, earlier, log).Row;
    }

    /// <inheritdoc/>
    public IReadOnlyList<Runs.Check> Report(Runs.FinishedRun<BenchSettings, string, BenchRow> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var rows = run.Results.Select(r => r.Result).ToList();
        var analysis = BenchAnalysis.Of(rows, run.Settings.Limits.BudgetSeconds, run.Settings.Limits.BudgetMb);
        var checks = BenchReport.Checks(rows);
        BenchReport.WriteSweep(run.Folder.Path, run.Settings, rows, analysis, checks, baselineMb);
        run.Log.Line(analysis.Practical.Statement());
        return checks;
    }
}
