using System.Diagnostics;

namespace SymmetryProofs.Experiments.Runs;

/// <summary>What an experiment's report is written from: its settings, every unit with its result in the sweep's order, and where to write.</summary>
/// <param name="Settings">The run's settings.</param>
/// <param name="Options">The run options (--seeds, --out, ...).</param>
/// <param name="Folder">The locked output folder.</param>
/// <param name="Results">Every unit of the sweep with its result, in the order of <see cref="IExperiment{TSettings, TUnit, TResult}.Plan"/>.</param>
/// <param name="Reused">How many units came from an earlier run's checkpoint.</param>
/// <param name="Clock">Started when the run started (reports state their run time).</param>
/// <param name="Log">Where to tell the user what was written.</param>
public sealed record FinishedRun<TSettings, TUnit, TResult>(
    TSettings Settings, RunOptions Options, OutputFolder Folder, IReadOnlyList<(TUnit Unit, TResult Result)> Results, int Reused, Stopwatch Clock, IRunLog Log);
