using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Spectra;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// Measures one net of the bench: gradient and HVP (medians), the full Hessian and its
/// eigendecomposition, and the peak memory. A phase whose predicted time exceeds the settings'
/// limit (or, for the eigendecomposition, whose predicted peak memory does) is not run: its time is
/// the prediction from the nets measured before, labelled in the row.
/// </summary>
internal static class BenchMeasure
{
    /// <summary>
    /// Relative tolerance of |H v - HVP(v)| / (|H|_max |v|_1): both sum the same per-sample second
    /// derivatives (n_samples terms) in different orders and groupings, whose rounding is of order
    /// n_samples * u = 1e4 * 1.1e-16 ~ 1e-12 relative to the largest term; 1e-9 leaves a
    /// thousandfold margin and still catches any wrong block (an error in one derivative is O(1)).
    /// </summary>
    public const double HvpAgreement = 1e-9;

    /// <summary>A full Hessian predicted below this many seconds is timed after one untimed call, as the gradient and the HVP are (the first call pays for first-touch memory); a slower one is timed cold rather than built twice.</summary>
    public const double WarmUpSeconds = 10;

    public sealed record Outcome(BenchRow Row, Matrix<double>? Hessian, SymmetricSpectrum? Spectrum);

    /// <summary>Runs the phases of <paramref name="net"/> with <paramref name="earlier"/> (rows of smaller nets) as the basis of predictions.</summary>
    /// <paramref name="more"/>, when given, runs after the row is complete and before the net's tensors are freed (the single bench's extra comparisons).
    public static Outcome Run(string net, BenchSettings s, IReadOnlyList<BenchRow> earlier, Runs.IRunLog log, Action<BenchNet, Outcome>? more = null)
    {
        bool reset = PeakMemory.Reset();
        using var b = BenchNet.Build(BenchNets.Parse(net), s.Nets.WithBiases, s.Data.Samples, s.Method.ChunkElements, s.Data.Seed);
        int n = b.Parameters;
        var grad = b.Gradient(s.Method.Repeats);
        var hvp = b.HessianVectorProduct(s.Method.Repeats);
        log.Line($"{net}: {n} parameters, gradient {grad.Wall * 1e3:F2} ms, HVP {hvp.Wall * 1e3:F2} ms (medians of {s.Method.Repeats}).");

        var measuredHessians = Measured(earlier, r => r.FullHessianSource, r => r.FullHessianS);
        var hessianPrediction = measuredHessians.Count >= 2 && CostModel.Predict(measuredHessians, n, 1) is { } fit
            ? fit : (Value: n * hvp.Wall, How: $"{n} HVPs of {hvp.Wall * 1e3:F2} ms");
        var eigPrediction = CostModel.Predict(Measured(earlier, r => r.EigendecompositionSource, r => r.EigendecompositionS), n, 3);
        double? memoryPrediction = MemoryModel.Fit(BenchAnalysis.Peaks(earlier))?.At(n);

        Matrix<double>? h = null;
        SymmetricSpectrum? spectrum = null;
        double? asymmetry = null, mismatch = null, hCpu = null, eCpu = null;
        double hWall, eWall;
        string hSource, eSource;
        if (hessianPrediction.Value > s.Limits.MaxPhaseSeconds)
        {
            (hWall, hSource) = (hessianPrediction.Value, $"extrapolated: {hessianPrediction.How} predict {hessianPrediction.Value:F0} s > --max-phase-seconds {s.Limits.MaxPhaseSeconds:G4}");
            (eWall, eSource) = eigPrediction is { } eig
                ? (eig.Value, $"extrapolated: {eig.How} (the Hessian was not built)")
                : (double.NaN, "not run and not extrapolated: the Hessian was not built and no smaller net had its eigendecomposition measured");
        }
        else
        {
            log.Line($"{net}: full Hessian ({n} x {n}; predicted {hessianPrediction.Value:F1} s from {hessianPrediction.How}) ...");
            (hWall, double hc, h) = b.Hessian(warmUp: hessianPrediction.Value < WarmUpSeconds);
            (hCpu, hSource) = (hc, BenchRow.Measured);
            var hv = h * Vector<double>.Build.DenseOfArray(b.Direction);
            var direct = b.Objective.HessianVectorProduct(b.Theta, b.Direction);
            mismatch = hv.Subtract(Vector<double>.Build.DenseOfArray(direct)).AbsoluteMaximum() / (h.Enumerate().Max(Math.Abs) * b.Direction.Sum(Math.Abs));
            bool tooSlow = eigPrediction is { } e && e.Value > s.Limits.MaxPhaseSeconds;
            bool tooBig = memoryPrediction > s.Limits.MaxMemoryMb;
            if (tooSlow || tooBig)
            {
                var e2 = eigPrediction!.Value;
                (eWall, eSource) = (e2.Value, $"extrapolated: {e2.How}; not run because " +
                    (tooSlow ? $"predicted {e2.Value:F0} s > --max-phase-seconds {s.Limits.MaxPhaseSeconds:G4}" : $"predicted peak {memoryPrediction:F0} MiB > --max-memory-mb {s.Limits.MaxMemoryMb:F0}"));
            }
            else
            {
                log.Line($"{net}: eigendecomposition ({(eigPrediction is { } ep ? $"predicted {ep.Value:F1} s" : "no prediction yet")}) ...");
                (eWall, double ec, spectrum, double a) = BenchNet.Eigendecomposition(h);
                (eCpu, eSource, asymmetry) = (ec, BenchRow.Measured, a);
            }
        }
        var row = new BenchRow(net, n, s.Data.Samples, grad.Wall * 1e3, grad.Cpu * 1e3, hvp.Wall * 1e3, hvp.Cpu * 1e3,
            hWall, hCpu, hSource, eWall, eCpu, eSource, PeakMemory.PeakMb(), reset ? ThisNet : RunningPeak,
            MemoryModel.DenseMb(n), asymmetry, spectrum?.Max, BenchTiming.LoadAverage()) { HvpVsHessian = mismatch, FullHessianFlops = b.Objective.Flops().Total };
        log.Line($"{net}: full Hessian {hWall:F2} s ({(hSource == BenchRow.Measured ? "measured" : "extrapolated")}), eigendecomposition {eWall:F2} s ({(eSource == BenchRow.Measured ? "measured" : "extrapolated")}), peak memory {row.PeakMemoryMb:F0} MiB.");
        var outcome = new Outcome(row, h, spectrum);
        more?.Invoke(b, outcome);
        return outcome;
    }

    /// <summary>Peak memory reset before this net: the peak is this net's own.</summary>
    public const string ThisNet = "this net (VmHWM reset through /proc/self/clear_refs)";

    /// <summary>The reset was refused: the peak is the process's running peak so far.</summary>
    public const string RunningPeak = "running peak of the process (reset not permitted)";

    private static List<(double N, double Cost)> Measured(IReadOnlyList<BenchRow> rows, Func<BenchRow, string> source, Func<BenchRow, double> cost) =>
        rows.Where(r => source(r) == BenchRow.Measured).Select(r => ((double)r.NParams, cost(r))).ToList();
}
