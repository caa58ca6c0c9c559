using System.Globalization;
using System.Text;
using System.Text.Json;
using SymmetryProofs.Kernels;

namespace SymmetryProofs.Experiments.SampleComplexity;

/// <summary>Writes curves.csv, summary.json and sample_complexity.md, each atomically (temp file, then move).</summary>
public static class SampleComplexityReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static string F(double v, string fmt = "G4") => double.IsNaN(v) ? "NaN" : v.ToString(fmt, Inv);

    public static string Csv(IEnumerable<CurvePoint> points)
    {
        var sb = new StringBuilder("group,D,estimator,seed,n,risk,nu,lambda,validation_mse\n");
        foreach (var p in points.OrderBy(p => p.D).ThenBy(p => p.Group).ThenBy(p => p.Estimator).ThenBy(p => p.Seed).ThenBy(p => p.N))
            sb.Append(Inv, $"{p.Group},{p.D},{p.Estimator},{p.Seed},{p.N},{p.Risk:R},{p.Nu:R},{p.N * p.Nu:R},{p.ValidationMse:R}\n");
        return sb.ToString();
    }

    public static string Json(IEnumerable<CaseSummary> summaries)
    {
        static double[] Ci(Estimate e) => [e.Low, e.High];
        var rows = summaries.Select(s => new Dictionary<string, object?>
        {
            ["group"] = s.Group, ["D"] = s.D, ["group_order"] = s.GroupOrder, ["d_eff"] = s.DEff, ["s"] = s.S,
            ["truncation_radius"] = s.Radius,
            ["slope_plain"] = s.SlopePlain.Mean, ["slope_plain_ci95"] = Ci(s.SlopePlain),
            ["slope_invariant"] = s.SlopeInvariant.Mean, ["slope_invariant_ci95"] = Ci(s.SlopeInvariant),
            ["slope_theory_plain"] = s.SlopeTheoryPlain, ["slope_theory_invariant"] = s.SlopeTheoryInvariant,
            ["gain_measured"] = s.Gain.Mean, ["gain_measured_ci95"] = Ci(s.Gain), ["gain_theory"] = s.GainTheory,
            ["risk_ratio_at_n_max"] = s.RiskRatioAtNMax.Mean, ["risk_ratio_at_n_max_ci95"] = Ci(s.RiskRatioAtNMax),
            ["risk_ratio_theory"] = s.RiskRatioTheory,
            ["n"] = s.Sizes, ["geomean_risk_plain"] = s.GeoMeanRiskPlain, ["geomean_risk_invariant"] = s.GeoMeanRiskInvariant,
            ["seeds"] = s.SlopePlain.Count,
            ["largest_dropped_eigenvalue"] = s.DroppedEigenvalue,
            ["fraction_nu_below_10x_dropped_plain"] = s.TruncationLimitedPlain,
            ["fraction_nu_below_10x_dropped_invariant"] = s.TruncationLimitedInvariant,
            ["resolved_radius_at_n_max_plain"] = s.ResolvedRadiusPlain,
            ["resolved_radius_at_n_max_invariant"] = s.ResolvedRadiusInvariant,
            ["mode_ratio_at_n_max"] = s.ModeRatioAtNMax,
        }).ToList();
        return JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals });
    }

    public static string Markdown(IReadOnlyList<CaseSummary> summaries, SampleComplexityDesign design, TimeSpan elapsed, bool quick, int reused = 0)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Sample complexity of invariant kernel ridge regression (Tahmasebi and Jegelka)");
        sb.AppendLine();
        sb.AppendLine($"Run: {(quick ? "--quick" : "full")}, {design.Seeds} seeds, n = {string.Join(", ", design.Sizes)}; wall time {elapsed.TotalSeconds:F0} s on {Environment.ProcessorCount} cores" + (reused > 0 ? $" for this invocation, which reused {reused} (case, seed) curves from an earlier run into the same folder (same settings)." : "."));
        sb.AppendLine();
        sb.AppendLine("## Protocol");
        sb.AppendLine("- Torus [-1,1)^D, uniform inputs. Kernel: K_R(x,y) = sum_{|k|<=R} (1+pi^2|k|^2)^(-s) cos(pi k.(x-y)) with s = (D+1)/2 (so s - D/2 = 1/2 in every D).");
        foreach (var d in summaries.Select(s => s.D).Distinct())
        {
            var lat = new FrequencyLattice(d, SampleComplexityDesign.RadiusFor(d), SampleComplexityDesign.SmoothnessFor(d));
            sb.AppendLine($"  - D = {d}: s = {F(lat.Smoothness)}, R = {lat.Radius}, {lat.FeatureCount} Fourier modes; sup |K_inf - K_R| <= {F(lat.TailBound(), "G3")} (computed bound), largest dropped Mercer eigenvalue <= {F(lat.LargestDroppedEigenvalue(), "G3")}.");
        }
        sb.AppendLine($"- Target: G-invariant, coefficient of invariant mode k ~ N(0, (1+pi^2|k|^2)^-(s + d_eff/2 + eps/2)), eps = {F(design.Epsilon)} (just inside H^s on the quotient); one target per (group, D, seed); the plain and the invariant estimator see the same target and data.");
        sb.AppendLine($"- Labels y = f*(x) + {F(design.Noise)} N(0,1). Training samples are nested (first n of {design.Sizes[^1]}).");
        sb.AppendLine($"- KRR with sum-of-squares loss, lambda = n nu; nu chosen by validation MSE on a separate sample of max({design.MinValidation}, n/{design.ValidationDivisor}) points on a log grid of step 10^(1/3): at the first n a sweep 1e-8..1e0 (factor 10) refined to +-2/3 decade; at later n a local sweep 10^(-4/3)..10^(2/3) times the previous choice, extended while the best lies on an edge.");
        sb.AppendLine("- Solved in feature space (exact for the truncated kernel), Cholesky (MathNet). Test risk ||f_hat - f*||^2_L2 computed exactly by Parseval (no test sample).");
        sb.AppendLine("- Slope: per-seed least-squares fit of log risk on log n over all n; mean and 95% t-interval over seeds. Gain g (horizontal shift): per seed, log g = (mean over n of log R_plain - log R_inv) / |a|, a the plain slope pooled over seeds; 95% t-interval over seeds on log g (a held fixed).");
        sb.AppendLine("- Theory: slope -2s/(2s + d_eff) (plain: d_eff = D); finite-group gain |G|; risk ratio at fixed n -> |G|^(2s/(2s+D)). With eps > 0 the slope the construction predicts is -(2s+eps)/(2s+eps+d_eff).");
        sb.AppendLine();
        sb.AppendLine("## Results");
        sb.AppendLine();
        sb.AppendLine("| group | D | \\|G\\| | d_eff | slope plain [95% CI] | theory | slope invariant [95% CI] | theory | gain [95% CI] | \\|G\\| | risk ratio at n_max | \\|G\\|^(2s/(2s+D)) |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var s in summaries)
        {
            string ci(Estimate e) => $"{F(e.Mean, "F3")} [{F(e.Low, "F3")}, {F(e.High, "F3")}]";
            string gci(Estimate e) => $"{F(e.Mean, "F2")} [{F(e.Low, "F2")}, {F(e.High, "F2")}]";
            sb.AppendLine($"| {s.Group} | {s.D} | {s.GroupOrder?.ToString() ?? "inf"} | {s.DEff} | {ci(s.SlopePlain)} | {F(s.SlopeTheoryPlain, "F3")} | {ci(s.SlopeInvariant)} | {F(s.SlopeTheoryInvariant, "F3")} | {gci(s.Gain)} | {s.GainTheory?.ToString() ?? "-"} | {gci(s.RiskRatioAtNMax)} | {(s.RiskRatioTheory is double r ? F(r, "F2") : "-")} |");
        }
        sb.AppendLine();
        sb.AppendLine("Slopes inside their interval of the theory: " + string.Join(", ", summaries.Select(s =>
            $"{s.Group} D={s.D}: plain {(s.SlopePlain.Contains(s.SlopeTheoryPlain) ? "yes" : "no")}, invariant {(s.SlopeInvariant.Contains(s.SlopeTheoryInvariant) ? "yes" : "no")}")) + ".");
        sb.AppendLine();
        sb.AppendLine("Truncation check: fraction of fits whose chosen nu is below 10x the largest dropped Mercer eigenvalue (there the truncated kernel resolves nearly all its modes and the problem drifts towards a parametric one, steepening the slope): " +
            string.Join(", ", summaries.Select(s => $"{s.Group} D={s.D}: plain {s.TruncationLimitedPlain:P0}, invariant {s.TruncationLimitedInvariant:P0}")) + ".");
        sb.AppendLine();
        sb.AppendLine("Resolution at n_max: the frequency |k| where w_k equals the median chosen nu (plain / invariant, vs the truncation radius R), and the mode ratio = (plain modes with w_k > nu) / (invariant modes with w_k > nu) at the plain fit's nu, the finite-n counterpart of |G| (small orbits of low frequencies keep it below |G|):");
        sb.AppendLine();
        sb.AppendLine("| group | D | R | resolved \\|k\\| plain | resolved \\|k\\| invariant | mode ratio | \\|G\\| |");
        sb.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var s in summaries)
            sb.AppendLine($"| {s.Group} | {s.D} | {s.Radius} | {F(s.ResolvedRadiusPlain, "F1")} | {F(s.ResolvedRadiusInvariant, "F1")} | {F(s.ModeRatioAtNMax, "F2")} | {s.GroupOrder?.ToString() ?? "inf"} |");
        sb.AppendLine();
        sb.AppendLine("## Curves (geometric mean risk over seeds; median chosen nu)");
        foreach (var s in summaries)
        {
            sb.AppendLine();
            sb.AppendLine($"### {s.Group}, D = {s.D}");
            sb.AppendLine("| n | risk plain | risk invariant | ratio | nu plain | nu invariant |");
            sb.AppendLine("|---|---|---|---|---|---|");
            for (int i = 0; i < s.Sizes.Length; i++)
                sb.AppendLine($"| {s.Sizes[i]} | {F(s.GeoMeanRiskPlain[i], "G3")} | {F(s.GeoMeanRiskInvariant[i], "G3")} | {F(s.GeoMeanRiskPlain[i] / s.GeoMeanRiskInvariant[i], "F2")} | {F(s.MedianNuPlain[i], "G2")} | {F(s.MedianNuInvariant[i], "G2")} |");
        }
        sb.AppendLine();
        sb.AppendLine("Files: curves.csv (every seed and n), summary.json, curves.png.");
        return sb.ToString();
    }
}
