using ScottPlot;
using SymmetryProofs.IO;

namespace SymmetryProofs.Experiments.LearningCurves;

/// <summary>
/// learning_curves.png, two panels on a log-x axis of training originals: the symmetric accuracy (R + R-bar)/2 (solid,
/// error bars = 95% t-interval over seeds) and R alone (dashed) with the targets as dotted lines; and training seconds.
/// </summary>
internal static class LearningCurvesPlot
{
    public static void Save(LearningCurvesResults results, string path)
    {
        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(1, 2);
        var accuracy = multiplot.GetPlot(0);
        var time = multiplot.GetPlot(1);
        var palette = new ScottPlot.Palettes.Category10();
        var sizes = results.Configs.SelectMany(c => c.Symmetric.Select(s => s.N)).Distinct().Order().ToArray();
        foreach (var (c, i) in results.Configs.Select((c, i) => (c, i)))
        {
            var color = palette.GetColor(i);
            var x = c.Symmetric.Select(s => Math.Log10(s.N)).ToArray();
            // The reference never saw -X: its (R + R-bar)/2 measures a task it was not trained for, so it is drawn on R alone.
            if (c.Role != CurveRole.Reference)
                Curve(accuracy, x, c.Symmetric.Select(s => s.Stats).ToArray(), color, $"{c.Config}: (R + R-bar)/2", LinePattern.Solid);
            var r = accuracy.Add.Scatter(x, c.R.Select(s => s.Stats.Mean).ToArray());
            r.Color = color;
            r.LinePattern = LinePattern.Dashed;
            r.MarkerSize = 0;
            r.LegendText = $"{c.Config}: R";
            Curve(time, x, c.Seconds.Select(s => s.Stats).ToArray(), color, c.Config, LinePattern.Solid);
        }
        foreach (var t in results.Targets)
        {
            var line = accuracy.Add.HorizontalLine(t);
            line.LinePattern = LinePattern.Dotted;
            line.Color = Colors.Gray;
        }
        var ticks = sizes.Select(n => new Tick(Math.Log10(n), n.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        foreach (var p in new[] { accuracy, time })
        {
            p.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
            p.XLabel("training originals n (log scale; before the five-fold enlargement)");
        }
        accuracy.Axes.SetLimitsY(0, 1.02);
        accuracy.YLabel("test accuracy (mean, 95% interval over seeds)");
        accuracy.Title($"Accuracy vs training size ({results.Seeds} seeds); dotted: targets");
        accuracy.ShowLegend(Alignment.LowerRight);
        time.YLabel("training seconds (mean, 95% interval)");
        time.Title("Training time vs training size");
        time.ShowLegend(Alignment.UpperLeft);
        AtomicFile.Write(path, tmp => multiplot.SavePng(tmp, 1500, 600));
    }

    private static void Curve(Plot plot, double[] x, Runs.SeedStatistics[] stats, Color color, string label, LinePattern pattern)
    {
        var y = stats.Select(s => s.Mean).ToArray();
        var line = plot.Add.Scatter(x, y);
        line.Color = color;
        line.LinePattern = pattern;
        line.LegendText = label;
        var errors = stats.Select(s => double.IsNaN(s.HalfWidth95) ? 0 : s.HalfWidth95).ToArray();
        var bars = plot.Add.ErrorBar(x, y, errors);
        bars.Color = color;
    }
}
