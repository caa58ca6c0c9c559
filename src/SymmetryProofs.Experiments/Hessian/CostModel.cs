namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// Predicts a benchmark phase's cost at a size not yet run, from the sizes already measured: a power
/// law through them when there are two or more, else the one measured point scaled by an assumed
/// exponent, else nothing (the phase must be measured). The description says which, for the report.
/// </summary>
internal static class CostModel
{
    public static (double Value, string How)? Predict(IReadOnlyList<(double N, double Cost)> measured, double n, double assumedExponent)
    {
        var fit = PowerLaw.Fit(measured.Select(m => m.N).ToArray(), measured.Select(m => m.Cost).ToArray());
        if (fit is not null) return (fit.At(n), $"power law over {fit.Points} measured nets, exponent {fit.Exponent:F2}");
        if (measured.Count == 0) return null;
        var (n0, c0) = measured.MaxBy(m => m.N);
        return (c0 * Math.Pow(n / n0, assumedExponent), $"the {n0:F0}-parameter net scaled by n_params^{assumedExponent:G3}");
    }
}
