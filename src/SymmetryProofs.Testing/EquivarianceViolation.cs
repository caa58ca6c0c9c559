using SymmetryProofs.Checking;

namespace SymmetryProofs.Testing;

/// <summary>
/// The failure of <see cref="Equivariance"/>: a model that is not equivariant under the declared representations. Its
/// message is what a test runner shows: the verdict, the shrunk counterexample (group element and input), its error,
/// and how to replay it (the seed and budget, which regenerate the same search).
/// </summary>
public sealed class EquivarianceViolation : Exception
{
    /// <summary>The whole check: worst and shrunk cases, per-element errors, evaluations.</summary>
    public CheckReport Report { get; }

    /// <summary>The shrunk counterexample: an input and a group element where f(rho_in(g) x) differs from rho_out(g) f(x).</summary>
    public SearchCase Counterexample => Report.Shrunk.Case;

    /// <summary>The seed that replays this search (pass it back as <see cref="EquivarianceOptions.Seed"/>).</summary>
    public int Seed => Report.Seed;

    /// <summary>The budget of model evaluations the search spent, needed with <see cref="Seed"/> to replay it.</summary>
    public int Budget => Report.Budget;

    public EquivarianceViolation(CheckReport report)
        : base(Describe(report ?? throw new ArgumentNullException(nameof(report))))
    {
        Report = report;
    }

    private static string Describe(CheckReport report) =>
        $"{report.Summary}\nshrunk counterexample: {report.Shrunk.Case.Compact()} (relative error {report.Shrunk.Error:G3})\n" +
        $"replay: seed {report.Seed}, budget {report.Budget}{(report.Replay is null ? "" : $" ({report.Replay})")}";
}
