using ScottPlot;
using SymmetryProofs.IO;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>bench.png: the phases of one net as bars, or the sweep's costs against n_params on log-log axes (log10 values, labels say so).</summary>
internal static class BenchPlots
{
    /// <summary>Bars of log10 milliseconds for each phase; each of <paramref name="references"/> as a dashed line (e.g. PyTorch's figure and the goal).</summary>
    public static void Phases(string path, string title, IReadOnlyList<(string Phase, double Seconds)> phases, IReadOnlyList<(string Label, double Seconds)> references)
    {
        var plt = new Plot();
        var ticks = new List<Tick>();
        var bars = new List<Bar>();
        for (int i = 0; i < phases.Count; i++)
        {
            bars.Add(new Bar { Position = i, Value = Math.Log10(phases[i].Seconds * 1e3), FillColor = Colors.SteelBlue, Size = 0.6, ValueBase = -1 });
            ticks.Add(new Tick(i, phases[i].Phase));
        }
        plt.Add.Bars(bars);
        var palette = new ScottPlot.Palettes.Category10();
        for (int i = 0; i < references.Count; i++)
        {
            var line = plt.Add.HorizontalLine(Math.Log10(references[i].Seconds * 1e3));
            line.LinePattern = LinePattern.Dashed;
            line.Color = palette.GetColor(i + 1);
            line.LegendText = references[i].Label;
        }
        if (references.Count > 0) plt.ShowLegend(Alignment.UpperLeft);
        plt.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
        plt.Axes.Bottom.MajorTickStyle.Length = 0;
        plt.Title(title);
        plt.YLabel("log10 wall time (ms)");
        plt.Layout.Fixed(new PixelPadding(70, 20, 50, 40));
        AtomicFile.Write(path, tmp => plt.SavePng(tmp, Math.Max(900, 140 * phases.Count), 600));
    }

    /// <summary>Each cost against n_params; measured points filled and joined, extrapolated ones hollow; the time budget dashed.</summary>
    public static void Sweep(string path, IReadOnlyList<BenchRow> rows, double budgetSeconds)
    {
        var plt = new Plot();
        var series = new (string Name, Func<BenchRow, double> Seconds, Func<BenchRow, bool> Measured)[]
        {
            ("gradient", r => r.GradientMs / 1e3, _ => true),
            ("HVP", r => r.HvpMs / 1e3, _ => true),
            ("full Hessian", r => r.FullHessianS, r => r.FullHessianSource == BenchRow.Measured),
            ("eigendecomposition", r => r.EigendecompositionS, r => r.EigendecompositionSource == BenchRow.Measured),
            ("Hessian + spectrum", r => r.FullHessianPlusSpectrumS, r => !r.Extrapolated),
        };
        var palette = new ScottPlot.Palettes.Category10();
        for (int i = 0; i < series.Length; i++)
        {
            var (name, seconds, measured) = series[i];
            var pts = rows.Where(r => double.IsFinite(seconds(r)) && seconds(r) > 0).Select(r => (X: Math.Log10(r.NParams), Y: Math.Log10(seconds(r)), M: measured(r))).ToArray();
            var m = pts.Where(p => p.M).ToArray();
            var s = plt.Add.Scatter(m.Select(p => p.X).ToArray(), m.Select(p => p.Y).ToArray());
            s.LegendText = name;
            s.Color = palette.GetColor(i);
            s.MarkerSize = 7;
            var x = pts.Where(p => !p.M).ToArray();
            if (x.Length == 0) continue;
            var e = plt.Add.Scatter(x.Select(p => p.X).ToArray(), x.Select(p => p.Y).ToArray());
            e.LegendText = $"{name} (extrapolated)";
            e.Color = palette.GetColor(i);
            e.LineWidth = 0;
            e.MarkerShape = MarkerShape.OpenCircle;
            e.MarkerSize = 9;
        }
        var budget = plt.Add.HorizontalLine(Math.Log10(budgetSeconds));
        budget.LinePattern = LinePattern.Dashed;
        budget.LegendText = $"budget {budgetSeconds:G4} s";
        plt.Title("Cost against the size of the net (one thread)");
        plt.XLabel("log10 n_params");
        plt.YLabel("log10 wall time (s)");
        plt.ShowLegend(Alignment.UpperLeft);
        AtomicFile.Write(path, tmp => plt.SavePng(tmp, 900, 600));
    }
}
