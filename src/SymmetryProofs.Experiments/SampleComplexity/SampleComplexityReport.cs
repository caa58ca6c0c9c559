using System.Globalization;
using System.Text;
using System.Text.Json;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.Kernels;

namespace SymmetryProofs.Experiments.SampleComplexity;

/// <summary>Writes curves.csv, summary.json and sample_complexity.md, each atomically (temp file, then move).</summary>
public static class SampleComplexityReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static string F(double v, string fmt = "G4") => double.IsNaN(v) ? "NaN" : v.ToString(fmt, Inv);

    public static string Csv(IEnumerable<CurvePoint> points)
    {
        var sb = new StringBuilder("group,D,estimator,seed,n,risk,nu,lambda,validation_mse,radius,risk_predicted,ratio_measured_over_predicted\n");
        foreach (var p in points.OrderBy(p => p.D).ThenBy(p => p.Group).ThenBy(p => p.Estimator.Name(), StringComparer.Ordinal).ThenBy(p => p.Seed).ThenBy(p => p.N))
            sb.Append(Inv, $"{p.Group},{p.D},{p.Estimator.Name()},{p.Seed},{p.N},{p.Risk:R},{p.Nu:R},{p.N * p.Nu:R},{p.ValidationMse:R},{p.Radius},{F(p.RiskPredicted, "R")},{F(p.Risk / p.RiskPredicted, "R")}\n");
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
            ["geomean_risk_symmetrised"] = s.GeoMeanRiskSymmetrised,
            ["truncation_radius_per_n"] = s.Predicted?.Radii,
            ["truncation_effect_per_n"] = s.Predicted?.TruncationEffect,
            ["truncation_effect_translation_invariant_per_n"] = s.Predicted?.TranslationTruncationEffect,
            ["gain_predicted_chosen_ridge"] = s.Predicted?.GainChosenRidge,
            ["gain_predicted_optimal_ridge"] = s.Predicted?.GainOverSizes,
            ["gain_predicted_optimal_ridge_in_ci95"] = s.Predicted?.GainInInterval,
            ["gain_predicted_at_n_max"] = s.Predicted?.GainAtNMax,
            ["gain_factor_finite_n"] = s.GroupOrder is int g1 && s.Predicted is { } d1 ? d1.GainOverSizes / g1 : null,
            ["gain_factor_ridge_selection"] = s.Predicted is { } d2 ? d2.GainChosenRidge / d2.GainOverSizes : null,
            ["gain_factor_remainder"] = s.Predicted is { } d3 ? s.Gain.Mean / d3.GainChosenRidge : null,
            ["slope_predicted_local_plain"] = s.Predicted?.SlopeLocalPlain,
            ["slope_predicted_local_invariant"] = s.Predicted?.SlopeLocalInvariant,
            ["n_for_half_G"] = s.Predicted?.NForHalfG,
            ["n_for_0_9_G"] = s.Predicted?.NFor09G,
            ["n_for_0_99_G"] = s.Predicted?.NFor099G,
            ["slope_predicted_optimal_ridge_plain"] = s.Predicted?.SlopePlainOverSizes,
            ["slope_predicted_optimal_ridge_invariant"] = s.Predicted?.SlopeInvariantOverSizes,
            ["exponent_predicted_plain_at_2_30"] = s.Predicted?.ExponentPlainFar,
            ["exponent_predicted_invariant_at_2_30"] = s.Predicted?.ExponentInvariantFar,
            ["risk_predicted_optimal_plain"] = s.Predicted?.OptimalRiskPlain,
            ["risk_predicted_optimal_invariant"] = s.Predicted?.OptimalRiskInvariant,
            ["ratio_measured_over_predicted_plain"] = s.Predicted?.RatioPlain,
            ["ratio_measured_over_predicted_invariant"] = s.Predicted?.RatioInvariant,
            ["ratio_at_n_max_plain"] = s.Predicted?.RatioPlainAtNMax.Mean,
            ["ratio_at_n_max_plain_ci95"] = s.Predicted is { } a ? Ci(a.RatioPlainAtNMax) : null,
            ["ratio_at_n_max_invariant"] = s.Predicted?.RatioInvariantAtNMax.Mean,
            ["ratio_at_n_max_invariant_ci95"] = s.Predicted is { } b ? Ci(b.RatioInvariantAtNMax) : null,
            ["risk_symmetrised_over_plain_at_n_max"] = s.Predicted?.SymmetrisedOverPlainAtNMax.Mean,
            ["risk_symmetrised_over_plain_at_n_max_ci95"] = s.Predicted is { } q ? Ci(q.SymmetrisedOverPlainAtNMax) : null,
        }).ToList();
        return JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals });
    }

    /// <summary>checks.json: every check of the run, serialised from its typed record.</summary>
    public static string ChecksJson(IEnumerable<SampleComplexityCheck> checks) =>
        JsonSerializer.Serialize(checks, new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals });

    private static string Counts(IEnumerable<SampleComplexityCheck> checks)
    {
        var list = checks.ToList();
        return $"{list.Count(c => c.Verdict == Verdict.Holds)} hold, {list.Count(c => c.Verdict == Verdict.Fails)} fail, {list.Count(c => c.Verdict == Verdict.Inconclusive)} are inconclusive";
    }

    /// <summary>The computed sentence the README quotes: theory and sanity checks counted apart, the gain against its like-for-like prediction.</summary>
    public static string HeadlineText(IReadOnlyList<CaseSummary> summaries, SampleComplexityDesign design, IReadOnlyList<SampleComplexityCheck> checks)
    {
        var text = new StringBuilder();
        var theory = checks.Where(c => c.Kind == CheckKind.Theory).ToList();
        var sanity = checks.Where(c => c.Kind == CheckKind.Sanity).ToList();
        text.Append(CultureInfo.InvariantCulture, $"Invariant kernel regression on the torus, n = {design.Sizes[0]}..{design.Sizes[^1]}, {design.Seeds} seeds: of {theory.Count} theory checks (measured against the learning-curve theory at the ridges the fits chose) {Counts(theory)}; of {sanity.Count} sanity checks (gain > 1, translation steepens the rate) {Counts(sanity)} (section Checks).");
        var needed = checks.Where(c => c.Verdict == Verdict.Inconclusive).Select(c => c.SeedsNeeded).ToList();
        if (needed.Count > 0)
            text.Append(needed.All(m => m is not null)
                ? $" By their measured spread the inconclusive checks would resolve at {needed.Min()} to {needed.Max()} seeds (seeds_needed in checks.json)."
                : $" {needed.Count(m => m is null)} inconclusive checks would not resolve within {SampleComplexityChecks.MaxSeedsNeeded} seeds by their measured spread.");
        var finite = summaries.Where(x => x.Predicted?.Paired is not null && x.GroupOrder is not null).ToList();
        if (finite.Count > 0)
            text.Append(CultureInfo.InvariantCulture, $" Measured gain / predicted gain at the chosen ridges: {finite.Min(x => x.Gain.Mean / x.Predicted!.GainChosenRidge):F2} to {finite.Max(x => x.Gain.Mean / x.Predicted!.GainChosenRidge):F2} over {finite.Count} finite groups.");
        return text.ToString();
    }

    public static string Markdown(IReadOnlyList<CaseSummary> summaries, SampleComplexityDesign design, TimeSpan elapsed, bool quick, int reused = 0, IReadOnlyList<SampleComplexityCheck>? checks = null)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Sample complexity of invariant kernel ridge regression (Tahmasebi and Jegelka)");
        sb.AppendLine();
        sb.AppendLine($"Run: {(quick ? "--quick" : "full")}, {design.Seeds} seeds, n = {string.Join(", ", design.Sizes)}; wall time {elapsed.TotalSeconds:F0} s on {Environment.ProcessorCount} cores" + (reused > 0 ? $" for this invocation, which reused {reused} (case, seed) curves from an earlier run into the same folder (same settings)." : "."));
        sb.AppendLine();
        if (checks is not null) sb.Append(Publishing.Headline.Wrap(HeadlineText(summaries, design, checks))).AppendLine();
        sb.AppendLine("## Protocol");
        sb.AppendLine("- Torus [-1,1)^D, uniform inputs. Kernel: K_R(x,y) = sum_{|k|<=R} (1+pi^2|k|^2)^(-s) cos(pi k.(x-y)) with s = (D+1)/2 (so s - D/2 = 1/2 in every D).");
        foreach (var d in summaries.Select(s => s.D).Distinct())
        {
            var first = summaries.First(s => s.D == d);
            var lat = new FrequencyLattice(d, first.Radius, first.S);
            sb.AppendLine($"  - D = {d}: s = {F(lat.Smoothness)}, largest R = {lat.Radius} ({lat.FeatureCount} Fourier modes); sup |K_inf - K_R| <= {F(lat.TailBound(), "G3")} at that R (computed bound).");
            if (first.Predicted is CasePrediction p)
                sb.AppendLine($"    R(n) per n: {string.Join(", ", p.Radii)}; largest relative change of the predicted optimal risk (plain of every case, invariant of every finite group) if the kernel were untruncated: {string.Join(", ", p.TruncationEffect.Select(e => F(e, "G2")))} (bound {F(SampleComplexityTruncation.Tolerance)})" +
                    (p.TranslationTruncationEffect.Any(double.IsFinite) ? $"; the translation-invariant estimator's change (computed, not bounded: it resolves higher frequencies than the plain Gram matrix at n = 2^16 can afford): {string.Join(", ", p.TranslationTruncationEffect.Select(e => F(e, "G2")))}." : "."));
        }
        sb.AppendLine($"- Target: G-invariant, coefficient of invariant mode k ~ N(0, (1+pi^2|k|^2)^-(s + d_eff/2 + eps/2)), eps = {F(design.Epsilon)} (just inside H^s on the quotient); one target per (group, D, seed); the plain and the invariant estimator see the same target and data.");
        sb.AppendLine($"- Labels y = f*(x) + {F(design.Noise)} N(0,1). Training samples are nested (first n of {design.Sizes[^1]}).");
        sb.AppendLine($"- KRR with sum-of-squares loss, lambda = n nu; nu chosen by validation MSE on a separate sample of max({design.MinValidation}, n/{design.ValidationDivisor}) points on a log grid of step 10^(1/3): at the first n a sweep 1e-8..1e0 (factor 10) refined to +-2/3 decade; at later n a local sweep 10^(-4/3)..10^(2/3) times the previous choice, extended while the best lies on an edge.");
        sb.AppendLine("- Truncation radius R(n): the smallest radius (growing with n) at which the learning-curve theory predicts that the untruncated kernel would change the optimal risk of every estimator of that D by at most 2% (SampleComplexityTruncation). The cases of one D share inputs; the normal equations Psi^T Psi, Psi^T y are accumulated over the nested samples with libtorch BLAS (each n costs only its new rows), and the fit at n uses the leading block of radius R(n).");
        sb.AppendLine("- Solved in feature space (exact for the truncated kernel) through one eigendecomposition per n (LAPACK via libtorch) that serves every penalty and case. Test risk ||f_hat - f*||^2_L2 computed exactly by Parseval (no test sample).");
        sb.AppendLine("- Estimators: plain KRR; KRR with the group-averaged kernel (invariant, its own penalty); the plain predictor averaged over the group at test time (symmetrised, at the plain fit's penalty).");
        sb.AppendLine("- Prediction (spectral learning-curve theory, docs/learning-curves.md): closed-form torus spectra at R(n), kappa from n = sum L_k + lambda/kappa, risk E0 (bias + sigma^2) - sigma^2; at the ridge each fit chose (curves.csv risk_predicted) and at the ridge minimising the prediction for the untruncated kernel (the gain, its n for fractions of |G| up to n = 2^30, the exponents).");
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
        AppendPredictions(sb, summaries);
        sb.AppendLine("## Curves (geometric mean risk over seeds; median chosen nu)");
        foreach (var s in summaries)
        {
            sb.AppendLine();
            sb.AppendLine($"### {s.Group}, D = {s.D}");
            sb.AppendLine("| n | R | risk plain | predicted | risk invariant | predicted | risk symmetrised | plain/invariant | nu plain | nu invariant |");
            sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
            for (int i = 0; i < s.Sizes.Length; i++)
                sb.AppendLine($"| {s.Sizes[i]} | {s.Predicted?.Radii[i].ToString() ?? "-"} | {F(s.GeoMeanRiskPlain[i], "G3")} | {(s.Predicted is { } p ? F(p.GeoMeanPredictedPlain[i], "G3") : "-")} | {F(s.GeoMeanRiskInvariant[i], "G3")} | {(s.Predicted is { } q ? F(q.GeoMeanPredictedInvariant[i], "G3") : "-")} | {(s.GeoMeanRiskSymmetrised.Length > i ? F(s.GeoMeanRiskSymmetrised[i], "G3") : "-")} | {F(s.GeoMeanRiskPlain[i] / s.GeoMeanRiskInvariant[i], "F2")} | {F(s.MedianNuPlain[i], "G2")} | {F(s.MedianNuInvariant[i], "G2")} |");
        }
        sb.AppendLine();
        sb.AppendLine("Files: curves.csv (every seed and n), summary.json, checks.json, curves.png.");
        if (checks is not null) { AppendChecks(sb, checks); AppendPreviousRule(sb, summaries); }
        return sb.ToString();
    }

    /// <summary>The checks by kind, each with its numbers; an inconclusive theory check with the seeds its spread would need.</summary>
    private static void AppendChecks(StringBuilder sb, IReadOnlyList<SampleComplexityCheck> checks)
    {
        sb.AppendLine();
        sb.AppendLine("## Checks (the exit code is 1 when one fails; rule in docs/sample-complexity.md, section Decision rule)");
        foreach (var kind in new[] { CheckKind.Theory, CheckKind.Sanity })
        {
            var own = checks.Where(c => c.Kind == kind).ToList();
            sb.AppendLine();
            sb.AppendLine(kind == CheckKind.Theory
                ? $"### Theory checks: {own.Count}, {Counts(own)}"
                : $"### Sanity checks: {own.Count}, {Counts(own)}");
            sb.AppendLine();
            foreach (var c in own) sb.AppendLine($"- {c.ToRunCheck()}");
        }
    }

    /// <summary>The verdicts of the rule the current one replaced after seeing data (docs/sample-complexity.md), on this run's data.</summary>
    private static void AppendPreviousRule(StringBuilder sb, IReadOnlyList<CaseSummary> summaries)
    {
        var previous = SampleComplexityChecks.PreviousRule(summaries);
        if (previous.Count == 0) return;
        sb.AppendLine();
        sb.AppendLine($"### The previous rule on the same data (replaced after its 6-seed run was seen; not the exit code): {previous.Count} theory checks, " +
            $"{previous.Count(v => v.Verdict == Verdict.Holds)} hold, {previous.Count(v => v.Verdict == Verdict.Fails)} fail, {previous.Count(v => v.Verdict == Verdict.Inconclusive)} are inconclusive");
        sb.AppendLine();
        foreach (var (name, verdict) in previous.Where(v => v.Verdict == Verdict.Fails)) sb.AppendLine($"- fails: {name}");
    }

    /// <summary>The theory beside the measurements: ratios, gains, n for fractions of |G|, exponents, the symmetrised estimator; every number from the summaries.</summary>
    private static void AppendPredictions(StringBuilder sb, IReadOnlyList<CaseSummary> summaries)
    {
        var with = summaries.Where(s => s.Predicted is not null).ToList();
        if (with.Count == 0) return;
        sb.AppendLine("## Learning-curve theory beside the measurements");
        sb.AppendLine();
        var ratios = with.SelectMany(s => s.Predicted!.RatioPlain.Concat(s.Predicted.RatioInvariant)).Where(double.IsFinite).ToList();
        var late = with.SelectMany(s => new[] { s.Predicted!.RatioPlain[^1], s.Predicted.RatioInvariant[^1] }).ToList();
        sb.AppendLine($"Measured/predicted risk at the ridge each fit chose (geometric mean over seeds per case, estimator and n; curves.csv has every seed): range {F(ratios.Min(), "F3")} to {F(ratios.Max(), "F3")} over all n; at n = {with[0].Sizes[^1]}: {F(late.Min(), "F3")} to {F(late.Max(), "F3")}.");
        sb.AppendLine();
        sb.AppendLine("| group | D | \\|G\\| | ratio plain at n_max [95% CI] | ratio invariant at n_max [95% CI] | gain measured [95% CI] | gain predicted, optimal ridge (same sizes) | in CI | gain predicted at n_max, optimal ridge | n for 0.5\\|G\\| | n for 0.9\\|G\\| | n for 0.99\\|G\\| | symmetrised/plain at n_max [95% CI] |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        string ci(Estimate e) => $"{F(e.Mean, "F3")} [{F(e.Low, "F3")}, {F(e.High, "F3")}]";
        // PredictedGain searches n from 2^4: a gain already reached there is reported as n = 2^4, i.e. "at most 2^4".
        string nFor(double? v) => v is double x ? (x <= 16 ? "<= 2^4" : $"2^{F(Math.Log2(x), "F1")}") : "> 2^30";
        foreach (var s in with)
        {
            var p = s.Predicted!;
            bool finite = s.GroupOrder is not null;
            sb.AppendLine($"| {s.Group} | {s.D} | {s.GroupOrder?.ToString() ?? "inf"} | {ci(p.RatioPlainAtNMax)} | {ci(p.RatioInvariantAtNMax)} | {(finite ? ci(s.Gain) : $"({F(s.Gain.Mean, "F2")})")} | {F(p.GainOverSizes, "F2")} | {(finite ? (p.GainInInterval ? "yes" : "no") : "-")} | {F(p.GainAtNMax, "F2")} | {(finite ? nFor(p.NForHalfG) : "-")} | {(finite ? nFor(p.NFor09G) : "-")} | {(finite ? nFor(p.NFor099G) : "-")} | {ci(p.SymmetrisedOverPlainAtNMax)} |");
        }
        sb.AppendLine();
        var decomposed = with.Where(s => s.GroupOrder is not null && s.Predicted!.Paired is not null).ToList();
        if (decomposed.Count > 0)
        {
            sb.AppendLine("Gain, like with like: the primary prediction applies the measured gain's estimator to risk_predicted at the ridges the fits chose (per seed, same sizes); the optimal-ridge prediction is the second line. " +
                "The distance of the measured gain from |G| splits into factors that multiply to measured/|G|: finite n (optimal-ridge prediction / |G|), ridge selection (chosen-ridge / optimal-ridge prediction) and the remainder (measured / chosen-ridge prediction).");
            sb.AppendLine();
            sb.AppendLine("| group | D | \\|G\\| | gain measured [95% CI] | predicted, chosen ridges (primary) | predicted, optimal ridge | finite n | ridge selection | remainder |");
            sb.AppendLine("|---|---|---|---|---|---|---|---|---|");
            foreach (var s in decomposed)
            {
                var p = s.Predicted!;
                sb.AppendLine($"| {s.Group} | {s.D} | {s.GroupOrder} | {F(s.Gain.Mean, "F2")} [{F(s.Gain.Low, "F2")}, {F(s.Gain.High, "F2")}] | {F(p.GainChosenRidge, "F2")} | {F(p.GainOverSizes, "F2")} | {F(p.GainOverSizes / s.GroupOrder!.Value, "F3")} | {F(p.GainChosenRidge / p.GainOverSizes, "F3")} | {F(s.Gain.Mean / p.GainChosenRidge, "F3")} |");
            }
            sb.AppendLine();
        }
        sb.AppendLine("n for a fraction of |G|: the smallest n (searched from 2^4 to 2^30) at which the predicted horizontal gain g(n) reaches it; summary.json gives the same n (16 meaning at most 16, null meaning beyond 2^30).");
        sb.AppendLine();
        var finiteCases = with.Where(s => s.GroupOrder is not null).ToList();
        sb.AppendLine($"Measured gain's 95% interval contains the optimal-ridge prediction (same shift estimator, same sizes; a second line, not a check): {finiteCases.Count(s => s.Predicted!.GainInInterval)} of {finiteCases.Count} finite groups. " +
            "How close each finite group gets to |G|: measured gain / |G| = " + string.Join(", ", finiteCases.Select(s => $"{s.Group} D={s.D}: {F(s.Gain.Mean / s.GroupOrder!.Value, "F2")}")) +
            "; predicted gain at n_max / |G| = " + string.Join(", ", finiteCases.Select(s => $"{s.Group} D={s.D}: {F(s.Predicted!.GainAtNMax / s.GroupOrder!.Value, "F2")}")) + ".");
        sb.AppendLine();
        sb.AppendLine("Exponents d log R / d log n over the measured sizes: measured (mean over seeds of the per-seed least-squares slope), the theory's at the chosen ridges (the same fit on risk_predicted per seed, what the slope checks compare with), " +
            "the theory's at its optimal ridge (same sizes), at n = 2^30, and the minimax -2s/(2s+d_eff):");
        sb.AppendLine();
        sb.AppendLine("| group | D | measured plain [95% CI] | theory, chosen ridges | optimal ridge | at 2^30 | -2s/(2s+D) | measured invariant [95% CI] | theory, chosen ridges | optimal ridge | at 2^30 | -2s/(2s+d_eff) |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var s in with)
        {
            var p = s.Predicted!;
            sb.AppendLine($"| {s.Group} | {s.D} | {ci(s.SlopePlain)} | {F(p.SlopeLocalPlain, "F3")} | {F(p.SlopePlainOverSizes, "F3")} | {F(p.ExponentPlainFar, "F3")} | {F(s.SlopeTheoryPlain, "F3")} | {ci(s.SlopeInvariant)} | {F(p.SlopeLocalInvariant, "F3")} | {F(p.SlopeInvariantOverSizes, "F3")} | {F(p.ExponentInvariantFar, "F3")} | {F(s.SlopeTheoryInvariant, "F3")} |");
        }
        sb.AppendLine();
        sb.AppendLine("Predicted slopes inside the measured slope's 95% interval: " + string.Join(", ", with.Select(s =>
            $"{s.Group} D={s.D}: plain {(s.SlopePlain.Contains(s.Predicted!.SlopePlainOverSizes) ? "yes" : "no")}, invariant {(s.SlopeInvariant.Contains(s.Predicted.SlopeInvariantOverSizes) ? "yes" : "no")}")) + ".");
        sb.AppendLine();
    }
}
