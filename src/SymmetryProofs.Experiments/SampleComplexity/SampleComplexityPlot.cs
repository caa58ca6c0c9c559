using ScottPlot;
using SymmetryProofs.IO;

namespace SymmetryProofs.Experiments.SampleComplexity;

/// <summary>
/// curves.png: one log-log panel per (group, D): the measured points (geometric means over seeds) of the
/// plain, invariant and symmetrised estimators, the learning-curve theory's prediction at the ridges the
/// fits chose as solid lines of the same colour, the prediction at the ridge minimising it (untruncated
/// kernel) dotted, and the two minimax slopes dashed.
/// </summary>
public static class SampleComplexityPlot
{
    public static void Save(string path, IReadOnlyList<CaseSummary> summaries)
    {
        int cols = 3, rows = (summaries.Count + cols - 1) / cols;
        var multiplot = new Multiplot();
        multiplot.AddPlots(summaries.Count);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(rows, cols);
        for (int i = 0; i < summaries.Count; i++)
        {
            var s = summaries[i];
            var plot = multiplot.GetPlot(i);
            var lx = s.Sizes.Select(n => Math.Log10(n)).ToArray();
            var plain = Points(plot, lx, s.GeoMeanRiskPlain, $"{Estimator.Plain.Name()} ({s.SlopePlain.Mean:F2})");
            var inv = Points(plot, lx, s.GeoMeanRiskInvariant, $"{Estimator.Invariant.Name()} ({s.SlopeInvariant.Mean:F2})");
            if (s.GeoMeanRiskSymmetrised.Length == lx.Length) Points(plot, lx, s.GeoMeanRiskSymmetrised, Estimator.Symmetrised.Name());
            if (s.Predicted is CasePrediction p)
            {
                Predicted(plot, lx, p.GeoMeanPredictedPlain, plain.Color, $"{Estimator.Plain.Name()}, predicted");
                Predicted(plot, lx, p.GeoMeanPredictedInvariant, inv.Color, $"{Estimator.Invariant.Name()}, predicted");
                Predicted(plot, lx, p.OptimalRiskPlain, plain.Color, $"{Estimator.Plain.Name()}, predicted at optimal ridge").LinePattern = LinePattern.Dotted;
                Predicted(plot, lx, p.OptimalRiskInvariant, inv.Color, $"{Estimator.Invariant.Name()}, predicted at optimal ridge").LinePattern = LinePattern.Dotted;
            }
            AddSlope(plot, lx, Math.Log10(s.GeoMeanRiskPlain[0]), s.SlopeTheoryPlain, plain.Color, $"theory {s.SlopeTheoryPlain:F2}");
            AddSlope(plot, lx, Math.Log10(s.GeoMeanRiskInvariant[0]), s.SlopeTheoryInvariant, inv.Color, $"theory {s.SlopeTheoryInvariant:F2}");
            plot.Title($"{s.Group}, D = {s.D}" + (s.GroupOrder is int g ? $", |G| = {g}, gain {s.Gain.Mean:F2}" : ", d_eff = " + s.DEff));
            plot.XLabel("log10 n");
            plot.YLabel("log10 test risk");
            plot.ShowLegend(Alignment.UpperRight); // the curves fall from upper left to lower right
        }
        AtomicFile.Write(path, tmp => multiplot.SavePng(tmp, 1500, 450 * rows));
    }

    private static ScottPlot.Plottables.Scatter Points(Plot plot, double[] lx, double[] risk, string label)
    {
        var points = plot.Add.ScatterPoints(lx, risk.Select(v => Math.Log10(v)).ToArray());
        points.LegendText = label;
        points.MarkerSize = 7;
        return points;
    }

    private static ScottPlot.Plottables.Scatter Predicted(Plot plot, double[] lx, double[] risk, Color color, string label)
    {
        var line = plot.Add.ScatterLine(lx, risk.Select(v => Math.Log10(v)).ToArray());
        line.Color = color;
        line.LineWidth = 1.5f;
        line.LegendText = label;
        return line;
    }

    private static void AddSlope(Plot plot, double[] lx, double y0, double slope, Color color, string label)
    {
        var line = plot.Add.Line(lx[0], y0, lx[^1], y0 + slope * (lx[^1] - lx[0]));
        line.Color = color;
        line.LinePattern = LinePattern.Dashed;
        line.LegendText = label;
    }
}
