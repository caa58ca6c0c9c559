using ScottPlot;
using SymmetryProofs.IO;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>ScottPlot 5 figures of the Hessian experiment (log scales drawn as log10 values, axis labels say so).</summary>
internal static class HessianPlots
{
    public static void Spectrum(string dir, List<HessianResult> main, double threshold)
    {
        var plt = new Plot();
        foreach (var r in main)
        {
            double max = r.Path.Eigenvalues.Max(Math.Abs);
            var ys = r.Path.Eigenvalues.Select(v => Math.Log10(Math.Max(Math.Abs(v) / max, 1e-20))).OrderBy(v => v).ToArray();
            var xs = Enumerable.Range(0, ys.Length).Select(i => (double)i).ToArray();
            var s = plt.Add.Scatter(xs, ys);
            s.LegendText = $"{r.Id.Setting.Name()} (k={r.Id.K})";
            s.MarkerSize = 3;
        }
        SaveWithThreshold(plt, threshold, "Hessian spectra at the critical points (seed 0)", "eigenvalue index (sorted by |lambda|)",
            "log10 |lambda| / lambda_max", Path.Combine(dir, "spectrum.png"));
    }

    public static void CurvatureVsK(string dir, List<IGrouping<(SettingKind Kind, Augmentation Setting, int K), HessianResult>> sweeps, int groupDim, double threshold)
    {
        var plt = new Plot();
        foreach (var kind in new[] { SettingKind.KSweep, SettingKind.RateSweep })
        {
            var pts = sweeps.Where(g => g.Key.Kind == kind).OrderBy(g => g.Key.K)
                .Select(g => (X: Math.Log10(kind == SettingKind.KSweep ? Math.Pow(g.Key.K, groupDim) : g.Key.K),
                              Y: Math.Log10(Math.Max(g.Average(r => Math.Abs(r.Curvature.TangentCurvatureRel)), 1e-20)))).ToArray();
            if (pts.Length == 0) continue;
            var s = plt.Add.Scatter(pts.Select(p => p.X).ToArray(), pts.Select(p => p.Y).ToArray());
            s.LegendText = kind == SettingKind.KSweep ? "grid of K per generator (x = K^d)" : "m random elements per sample";
        }
        SaveWithThreshold(plt, threshold, "Curvature along the orbit tangents vs group elements per sample", "log10 group elements per sample",
            "log10 |t^T H t| / (|t|^2 lambda_max), mean over seeds", Path.Combine(dir, "curvature_vs_k.png"));
    }

    public static void Roaming(string dir, List<RoamPoint> points)
    {
        var plt = new Plot();
        foreach (var g in points.GroupBy(p => p.Setting))
        {
            var xs = g.Select(p => (double)p.Step).ToArray();
            var a = plt.Add.Scatter(xs, g.Select(p => p.Along).ToArray());
            a.LegendText = $"{g.Key.Name()}: along tangents";
            var c = plt.Add.Scatter(xs, g.Select(p => p.Across).ToArray());
            c.LegendText = $"{g.Key.Name()}: across";
            c.LinePattern = LinePattern.Dashed;
        }
        plt.Title("SGD started at a minimum: displacement along vs across the orbit tangents");
        plt.XLabel("SGD step");
        plt.YLabel("|displacement|");
        plt.ShowLegend();
        AtomicFile.Write(Path.Combine(dir, "roaming.png"), tmp => plt.SavePng(tmp, 900, 600));
    }

    /// <summary>The dashed flat-threshold line (relative to lambda_max, in log10), titles, legend, and an atomic PNG write.</summary>
    private static void SaveWithThreshold(Plot plt, double threshold, string title, string xLabel, string yLabel, string path)
    {
        var line = plt.Add.HorizontalLine(Math.Log10(threshold));
        line.LinePattern = LinePattern.Dashed;
        line.LegendText = "flat threshold";
        plt.Title(title);
        plt.XLabel(xLabel);
        plt.YLabel(yLabel);
        plt.ShowLegend();
        AtomicFile.Write(path, tmp => plt.SavePng(tmp, 900, 600));
    }
}
