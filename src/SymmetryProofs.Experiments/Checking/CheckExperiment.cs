using SymmetryProofs.Checking;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Runtime;

namespace SymmetryProofs.Experiments.Checking;

/// <summary>
/// `check` (a model's verdict, or the planted-bug benchmark) as a one-unit run of the <see cref="Runner"/>:
/// --out locked and command.txt and run.json written before any model is loaded; the verdict is its
/// one check (0 the symmetry holds, 1 a violation was found). The checker itself is the core's
/// <see cref="CheckRunner"/>; this class only places it in the run.
/// </summary>
public sealed class CheckExperiment(TextWriter output) : ISingleRunExperiment<CheckRequest>
{
    public string Name => "check";

    /// <summary>Nothing to refuse before the folder beyond what the runner checks (--out): the checker validates the request as it resolves it.</summary>
    public void Validate(CheckRequest settings) => ArgumentNullException.ThrowIfNull(settings);

    public IReadOnlyList<Check> Run(CheckRequest settings, OutputFolder folder, IRunLog log)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(folder);
        TorchSetup.Initialise();
        if (settings.Benchmark)
        {
            CheckRunner.Benchmark(folder.Path, output);
            return [];
        }
        var report = CheckRunner.Check(settings);
        CheckRunner.Write(report, folder.Path, output);
        return [new Check("the declared symmetry", report.Passed, report.Summary)];
    }
}
