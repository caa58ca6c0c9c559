using ScottPlot;
using SymmetryProofs.IO;

namespace SymmetryProofs.Experiments.SampleComplexity;

/// <summary>curves.png: one log-log panel per (group, D), both curves and the two theoretical slopes.</summary>
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
            var plain = plot.Add.Scatter(lx, s.GeoMeanRiskPlain.Select(v => Math.Log10(v)).ToArray());
            plain.LegendText = $"plain ({s.SlopePlain.Mean:F2})";
            var inv = plot.Add.Scatter(lx, s.GeoMeanRiskInvariant.Select(v => Math.Log10(v)).ToArray());
            inv.LegendText = $"invariant ({s.SlopeInvariant.Mean:F2})";
            AddSlope(plot, lx, Math.Log10(s.GeoMeanRiskPlain[0]), s.SlopeTheoryPlain, plain.Color, $"theory {s.SlopeTheoryPlain:F2}");
            AddSlope(plot, lx, Math.Log10(s.GeoMeanRiskInvariant[0]), s.SlopeTheoryInvariant, inv.Color, $"theory {s.SlopeTheoryInvariant:F2}");
            plot.Title($"{s.Group}, D = {s.D}" + (s.GroupOrder is int g ? $", |G| = {g}, gain {s.Gain.Mean:F2}" : ", d_eff = " + s.DEff));
            plot.XLabel("log10 n");
            plot.YLabel("log10 test risk");
            plot.ShowLegend(Alignment.LowerLeft);
        }
        AtomicFile.Write(path, tmp => multiplot.SavePng(tmp, 1500, 450 * rows));
    }

    private static void AddSlope(Plot plot, double[] lx, double y0, double slope, Color color, string label)
    {
        var line = plot.Add.Line(lx[0], y0, lx[^1], y0 + slope * (lx[^1] - lx[0]));
        line.Color = color;
        line.LinePattern = LinePattern.Dashed;
        line.LegendText = label;
    }
}
