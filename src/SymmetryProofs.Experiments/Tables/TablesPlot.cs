using ScottPlot;
using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Bergman;
using SymmetryProofs.IO;

namespace SymmetryProofs.Experiments.Tables;

/// <summary>tables.png: per configuration, bars for R on X_test and R-bar on -X_test (mean, error bar = std over seeds), paper figures as markers.</summary>
internal static class TablesPlot
{
    public static void Save(IReadOnlyList<BergmanRow> rows, string path)
    {
        var protocols = rows.Select(r => r.Key.Protocol).Distinct().OrderByDescending(p => p == SplitProtocol.SplitFirst).ToList();
        var plot = new Plot();
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        var paperX = new List<double>();
        var paperY = new List<double>();
        var colors = new[] { Colors.SteelBlue, Colors.DarkOrange, Colors.LightSkyBlue, Colors.NavajoWhite };
        double position = 0;
        foreach (var (protocol, p) in protocols.Select((p, i) => (p, i)))
            foreach (var c in BergmanConfig.All)
            {
                var runs = rows.Where(r => r.Key.Protocol == protocol && r.Cell == c.Cell).ToList();
                if (runs.Count == 0) continue;
                var r = TablesStats.Of(runs.Select(x => x.AccTest));
                var rBar = TablesStats.Of(runs.Select(x => x.AccTestInverted));
                bars.Add(new Bar { Position = position - 0.2, Value = r.Mean, Error = double.IsNaN(r.Std) ? 0 : r.Std, FillColor = colors[2 * (p % 2)], Size = 0.4 });
                bars.Add(new Bar { Position = position + 0.2, Value = rBar.Mean, Error = double.IsNaN(rBar.Std) ? 0 : rBar.Std, FillColor = colors[2 * (p % 2) + 1], Size = 0.4 });
                // Cells the paper lacks (the irreducible norms) get no marker.
                if (c.PaperTest is double pt) { paperX.Add(position - 0.2); paperY.Add(pt); }
                if (c.PaperInverted is double pi) { paperX.Add(position + 0.2); paperY.Add(pi); }
                string label = $"{c.Bias.Name()} bias\n{c.Features.Name()}, {c.Train.Name()}" + (c.InPaper ? "" : "\n(not in paper)") + (protocols.Count > 1 ? $"\n{protocol.Name()}" : "");
                ticks.Add(new Tick(position, label));
                position += 1.2;
            }
        plot.Add.Bars(bars);
        var paper = plot.Add.Scatter(paperX.ToArray(), paperY.ToArray());
        paper.LineWidth = 0;
        paper.MarkerSize = 9;
        paper.MarkerShape = MarkerShape.FilledDiamond;
        paper.Color = Colors.Black;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.SetLimitsY(0, 1.05);
        plot.YLabel("accuracy (mean ± std over seeds)");
        plot.Title($"Bergman's Tables 1 and 2 ({string.Join(", ", protocols.Select(p => p.Name()))}): accuracy on X_test and on -X_test");
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "R on X_test", FillColor = colors[0] });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "R-bar on -X_test", FillColor = colors[1] });
        if (protocols.Count > 1)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"R, {protocols[1].Name()}", FillColor = colors[2] });
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"R-bar, {protocols[1].Name()}", FillColor = colors[3] });
        }
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "paper (one run)", MarkerShape = MarkerShape.FilledDiamond, MarkerFillColor = Colors.Black, MarkerSize = 9 });
        plot.ShowLegend(Alignment.UpperRight);
        plot.Layout.Fixed(new PixelPadding(70, 20, 90, 40));
        AtomicFile.Write(path, tmp => plot.SavePng(tmp, Math.Max(900, 130 * ticks.Count + 150), 560));
    }
}
