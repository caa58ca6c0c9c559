using System.Globalization;
using System.Text;
using SymmetryProofs.Spectra;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>The parts of hessian.md that depend on the spectrum path: its protocol lines, the verdict table every path fills, and the two paths' agreement.</summary>
internal static class HessianPathReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static string F(double v, string fmt = "G3") => double.IsFinite(v) ? v.ToString(fmt, Inv) : "n/a";

    public static void Protocol(StringBuilder sb, SpectrumPath spectrum, IReadOnlyList<HessianResult> results)
    {
        var paths = results.Select(r => r.Path.Spectrum).Distinct().OrderBy(p => p.Name(), StringComparer.Ordinal).ToList();
        var flat = new TangentFlatness();
        sb.AppendLine($"- Spectrum path: `--spectrum {spectrum.Name()}` (auto = full up to {SpectrumPaths.AutoLimit} parameters, tangent above); rows by path: {string.Join(", ", paths.Select(p => $"{p.Name()} {results.Count(r => r.Path.Spectrum == p)}"))}" +
            (results.Any(r => r.Agreement is not null) ? "; every row also has the tangent path's verdict at the same critical point (columns tp_* of hessian.csv)." : "."));
        if (paths.Contains(SpectrumPath.Full))
            sb.AppendLine("- Full path: the dense Hessian (R-operator, symmetrised), every eigenvalue by LAPACK; the complement column is the smallest |eigenvalue| of H compressed to the orthogonal complement of the tangent and gauge spans; training ends with Newton steps on the full Hessian's eigendecomposition.");
        if (paths.Contains(SpectrumPath.Tangent) || results.Any(r => r.Agreement is not null))
            sb.AppendLine($"- Tangent path (`TangentFlatness`, HVPs only): for each tangent t the curvature t'Ht/|t|^2 and residual |Ht|/|t|; lambda_max by {flat.ExtremeSteps} Lanczos steps on H; the gauge and tangent spans' compressions diagonalised exactly; the complement of both by Lanczos (full reorthogonalisation, restarts on invariant subspaces) on P H P for up to {flat.ComplementSteps} steps, whose smallest Ritz values show whether any other direction is as flat. " +
                "The same threshold rule counts each block. The margin is the distance of the nearest Ritz value from the threshold minus the block coupling and residual bounds: positive means no count can change within them (it cannot rule out eigenvalues an incomplete complement run never reached). " +
                (paths.Contains(SpectrumPath.Tangent) ? "Training on this path ends with Hessian-free Newton steps (truncated conjugate gradients on HVPs, relative residual min(0.1, |grad|), at most 250 per step) instead of the full Hessian's eigendecomposition; angles and the eigenvalue list need the full spectrum and are n/a." : ""));
    }

    /// <summary>One row per trained setting of the five main ones: what the verdict rests on, whichever path produced it.</summary>
    public static void Verdicts(StringBuilder sb, IReadOnlyList<HessianResult> main, Augmentation[] order)
    {
        sb.AppendLine();
        sb.AppendLine("## Verdict per run (main settings)");
        sb.AppendLine("| setting | seed | path | params | orbit dim | n_flat | flat outside tangents | tangent curvature / lambda_max | max \\|Ht\\|/\\|t\\| / lambda_max | complement softest / lambda_max | lambda_max | margin | HVPs | analysis (s) | run (s) |");
        sb.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in order.SelectMany(s => main.Where(r => r.Id.Setting == s).OrderBy(r => r.Id.Seed)))
            sb.AppendLine($"| {r.Id.Setting.Name()} | {r.Id.Seed} | {r.Path.Spectrum.Name()} | {r.Size.NParams} | {r.Flat.OrbitDim} | {r.Flat.NFlat} | {r.Flat.NFlatOutside} | {F(r.Curvature.TangentCurvatureRel)} | {F(r.Curvature.TangentResidualRel)} | {F(r.Curvature.ComplementSoftestRel)} | {F(r.Curvature.LambdaMax, "G6")} | {F(r.Path.Margin)} | {r.Path.HessianVectorProducts} | {F(r.Path.AnalysisSeconds, "F1")} | {F(r.Point.Seconds, "F1")} |");
    }

    /// <summary>The two paths side by side where both ran, and whether each comparison held its tolerance.</summary>
    public static void Agreement(StringBuilder sb, IReadOnlyList<HessianResult> results)
    {
        var both = results.Where(r => r.Agreement is not null).ToList();
        if (both.Count == 0) return;
        sb.AppendLine();
        sb.AppendLine("## Tangent path against the full spectrum (same critical point)");
        int sameCounts = both.Count(r => r.Flat.NFlat == r.Agreement!.NFlat && r.Flat.NFlatOutside == r.Agreement.NFlatOutside && r.Flat.NFlatGauge == r.Agreement.NFlatGauge);
        sb.AppendLine($"{both.Count(r => r.Agreement!.AgreesWith(r))} of {both.Count} runs agree: n_flat, n_flat outside the tangents and n_flat_gauge equal where the tangent path is decisive (margin > 0: {both.Count(r => r.Agreement!.Decisive)} of {both.Count}); |lambda_max difference| within the Lanczos residual + 10 n u lambda_max; |tangent curvature difference| within 10 (n + N) u lambda_max (N samples). The three counts are equal in {sameCounts} of {both.Count} runs, decisive or not.");
        sb.AppendLine();
        sb.AppendLine("| kind | setting | k | seed | n_flat full / tangent | outside full / tangent | gauge full / tangent | lambda_max full | \\|difference\\| | tolerance | curvature full | \\|difference\\| | tolerance | complement softest / lambda_max full / tangent | margin | full (s) | tangent (s) | agree |");
        sb.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in both)
        {
            var a = r.Agreement!;
            sb.AppendLine($"| {r.Id.Kind.Name()} | {r.Id.Setting.Name()} | {r.Id.K} | {r.Id.Seed} | {r.Flat.NFlat} / {a.NFlat} | {r.Flat.NFlatOutside} / {a.NFlatOutside} | {r.Flat.NFlatGauge} / {a.NFlatGauge} | {F(r.Curvature.LambdaMax, "G6")} | {F(Math.Abs(Math.Abs(r.Curvature.LambdaMax) - a.LambdaMax), "G2")} | {F(a.LambdaMaxTolerance, "G2")} | " +
                $"{F(r.Curvature.TangentCurvature)} | {F(Math.Abs(r.Curvature.TangentCurvature - a.Curvature), "G2")} | {F(a.CurvatureTolerance, "G2")} | {F(r.Curvature.ComplementSoftestRel)} / {F(Math.Abs(a.ComplementSoftest) / Math.Abs(r.Curvature.LambdaMax))} | {F(a.Margin)} | {F(r.Path.AnalysisSeconds, "F2")} | {F(a.Seconds, "F2")} | {(a.AgreesWith(r) ? "yes" : "NO")} |");
        }
    }
}
