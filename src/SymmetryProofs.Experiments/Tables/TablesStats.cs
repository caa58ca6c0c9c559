using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Experiments.Tables;

/// <summary>Mean and sample standard deviation over seeds, printed as people write them: a thin view of <see cref="SeedStatistics"/> (its one-seed rule included).</summary>
internal readonly record struct TablesStats(double Mean, double Std, int Count)
{
    /// <summary>The shared <see cref="SeedStatistics.Of"/> under the tables' names.</summary>
    public static TablesStats Of(IEnumerable<double> values)
    {
        var s = SeedStatistics.Of(values);
        return new TablesStats(s.Mean, s.Sd, s.Count);
    }

    /// <summary>As <see cref="SeedStatistics.Format"/>.</summary>
    public string Format(string spec = "F3") => new SeedStatistics(Mean, Std, Count).Format(spec);
}
