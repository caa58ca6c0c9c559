using System.Globalization;
using System.Text;
using System.Text.Json;
using SymmetryProofs.Experiments.Runs;
using SymmetryProofs.IO;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>Writes hessian.md, hessian.csv, summary.json, spectra.csv, roaming.csv and the PNG plots, each atomically.</summary>
internal sealed class HessianReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly Augmentation[] MainOrder = [Augmentation.Fine, Augmentation.Coarse, Augmentation.Random, Augmentation.Invariant, Augmentation.None];
    private readonly HessianProblem problem;
    private readonly double penalty;
    private readonly bool quick;
    private readonly SpectrumPath spectrum;
    private readonly int seeds;
    private readonly List<HessianResult> results;
    private readonly List<RoamPoint> roaming;
    private readonly double seconds;
    private readonly string commandLine;

    public HessianReport(HessianProblem problem, double penalty, bool quick, SpectrumPath spectrum, int seeds, List<HessianResult> results, List<RoamPoint> roaming, double seconds, string commandLine)
    {
        this.spectrum = spectrum;
        this.problem = problem;
        this.penalty = penalty;
        this.quick = quick;
        this.seeds = seeds;
        this.results = results;
        this.roaming = roaming;
        this.seconds = seconds;
        this.commandLine = commandLine;
    }

    public void Write(string dir)
    {
        AtomicFile.WriteAllText(Path.Combine(dir, "hessian.csv"), Csv());
        AtomicFile.WriteAllText(Path.Combine(dir, "spectra.csv"), Spectra());
        AtomicFile.WriteAllText(Path.Combine(dir, "roaming.csv"), RoamingCsv());
        AtomicFile.WriteAllText(Path.Combine(dir, "summary.json"), Json());
        AtomicFile.WriteAllText(Path.Combine(dir, "hessian.md"), Markdown());
        // The tangent path has no eigenvalue list: no spectrum plot from its rows (none at all on that path alone).
        var spectra = Main().Where(r => r.Id.Seed == 0 && r.Path.Eigenvalues.Length > 0).ToList();
        if (spectra.Count > 0) HessianPlots.Spectrum(dir, spectra, HessianAnalysis.FlatThreshold);
        HessianPlots.CurvatureVsK(dir, Groups().Where(g => g.Key.Kind != SettingKind.Main).ToList(), problem.Group.Dimension, HessianAnalysis.FlatThreshold);
        HessianPlots.Roaming(dir, roaming);
    }

    private IEnumerable<HessianResult> Main() => results.Where(r => r.Id.Kind == SettingKind.Main);

    private List<IGrouping<(SettingKind Kind, Augmentation Setting, int K), HessianResult>> Groups() =>
        results.GroupBy(r => (r.Id.Kind, r.Id.Setting, r.Id.K)).ToList();

    private static string F(double v, string fmt = "G4") => double.IsFinite(v) ? v.ToString(fmt, Inv) : "n/a";

    // Non-finite values (a seed whose quantity is undefined, e.g. no tangents) are left out before the shared summary.
    private static SeedStatistics Stat(IEnumerable<double> xs) => SeedStatistics.Of(xs.Where(double.IsFinite));

    private static string MeanSd(IEnumerable<double> xs, string fmt = "G3") => Stat(xs).Format(fmt, "G2");

    private static int Median(IEnumerable<int> xs)
    {
        var a = xs.OrderBy(x => x).ToArray();
        return a[(a.Length - 1) / 2];
    }

    private string Csv()
    {
        var sb = new StringBuilder();
        sb.AppendLine("kind,setting,group,group_dim,k,seed,n_params,n_samples,orbit_dim,tangent_norm_rel,n_flat,n_flat_gauge,max_principal_angle_deg,softest_angle_deg,tangent_curvature,tangent_curvature_rel,gauge_curvature,lambda_max,lambda_softest_nongauge,grad_norm,loss,train_accuracy,converged,lbfgs_iterations,newton_steps,seconds," +
            "spectrum_path,n_flat_outside,tangent_residual_rel,complement_softest_rel,margin,hvps,analysis_seconds," +
            "tp_n_flat,tp_n_flat_outside,tp_n_flat_gauge,tp_lambda_max,tp_lambda_max_tolerance,tp_tangent_curvature,tp_curvature_tolerance,tp_complement_softest_rel,tp_margin,tp_hvps,tp_seconds,paths_agree");
        foreach (var r in results)
            sb.AppendLine(string.Join(",", r.Id.Kind.Name(), r.Id.Setting.Name(), r.Size.Group.Name(), r.Size.GroupDim, r.Id.K, r.Id.Seed, r.Size.NParams, r.Size.NSamples, r.Flat.OrbitDim, F(r.Flat.TangentNormRel, "R"), r.Flat.NFlat, r.Flat.NFlatGauge,
                F(r.Curvature.MaxPrincipalAngleDeg, "R"), F(r.Curvature.SoftestAngleDeg, "R"), F(r.Curvature.TangentCurvature, "R"), F(r.Curvature.TangentCurvatureRel, "R"), F(r.Curvature.GaugeCurvature, "R"),
                F(r.Curvature.LambdaMax, "R"), F(r.Curvature.LambdaSoftest, "R"), F(r.Point.GradNorm, "R"), F(r.Point.Loss, "R"), F(r.Point.TrainAccuracy, "R"), r.Point.Converged ? "true" : "false",
                r.Point.LbfgsIterations, r.Point.NewtonSteps, F(r.Point.Seconds, "F2"), r.Path.Spectrum.Name(), r.Flat.NFlatOutside, F(r.Curvature.TangentResidualRel, "R"), F(r.Curvature.ComplementSoftestRel, "R"),
                F(r.Path.Margin, "R"), r.Path.HessianVectorProducts, F(r.Path.AnalysisSeconds, "F2"), AgreementCsv(r)));
        return sb.ToString();
    }

    private static string AgreementCsv(HessianResult r)
    {
        if (r.Agreement is not { } a) return string.Join(",", Enumerable.Repeat("", 13));
        return string.Join(",", a.NFlat, a.NFlatOutside, a.NFlatGauge, F(a.LambdaMax, "R"), F(a.LambdaMaxTolerance, "R"), F(a.Curvature, "R"), F(a.CurvatureTolerance, "R"),
            F(Math.Abs(a.ComplementSoftest) / Math.Abs(r.Curvature.LambdaMax), "R"), F(a.Margin, "R"), a.HessianVectorProducts, F(a.Seconds, "F2"), a.AgreesWith(r) ? "true" : "false");
    }

    private string Spectra()
    {
        var sb = new StringBuilder("setting,seed,index,eigenvalue\n");
        foreach (var r in Main())
            for (int i = 0; i < r.Path.Eigenvalues.Length; i++) sb.AppendLine($"{r.Id.Setting.Name()},{r.Id.Seed},{i},{r.Path.Eigenvalues[i].ToString("R", Inv)}");
        return sb.ToString();
    }

    private string RoamingCsv()
    {
        var sb = new StringBuilder("setting,seed,step,displacement_along_tangents,displacement_across,orbit_coordinate,distance_to_orbit_of_start\n");
        foreach (var p in roaming)
            sb.AppendLine($"{p.Setting.Name()},{p.Seed},{p.Step},{p.Along.ToString("R", Inv)},{p.Across.ToString("R", Inv)},{p.OrbitCoordinate.ToString("R", Inv)},{p.OrbitResidual.ToString("R", Inv)}");
        return sb.ToString();
    }

    private static double? J(double v) => double.IsFinite(v) ? v : null;

    private string Json()
    {
        var settings = Groups().Select(g =>
        {
            var rs = g.OrderBy(r => r.Id.Seed).ToList();
            return new HessianSettingSummary(
                g.Key.Kind.Name(),
                g.Key.Setting.Name(),
                problem.GroupId.Name(),
                problem.Group.Dimension,
                g.Key.K,
                rs[0].Size.NParams,
                rs[0].Size.NSamples,
                rs.Count,
                Median(rs.Select(r => r.Flat.OrbitDim)),
                J(Stat(rs.Select(r => r.Flat.TangentNormRel)).Mean),
                Median(rs.Select(r => r.Flat.NFlat)),
                rs.Select(r => r.Flat.NFlat).ToArray(),
                Median(rs.Select(r => r.Flat.NFlatGauge)),
                J(rs.Select(r => r.Curvature.MaxPrincipalAngleDeg).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Max()),
                J(rs.Select(r => r.Curvature.SoftestAngleDeg).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Max()),
                J(Stat(rs.Select(r => r.Curvature.TangentCurvature)).Mean),
                J(Stat(rs.Select(r => r.Curvature.TangentCurvature)).Sd),
                J(Stat(rs.Select(r => r.Curvature.TangentCurvatureRel)).Mean),
                J(Stat(rs.Select(r => r.Curvature.GaugeCurvature)).Mean),
                J(Stat(rs.Select(r => r.Curvature.LambdaMax)).Mean),
                J(Stat(rs.Select(r => r.Curvature.LambdaMax)).Sd),
                J(rs.Max(r => r.Point.GradNorm)),
                rs.Count(r => r.Point.Converged),
                J(Stat(rs.Select(r => r.Point.TrainAccuracy)).Mean),
                rs[0].Path.Spectrum.Name(),
                rs.Select(r => r.Flat.NFlatOutside).ToArray(),
                J(rs.Select(r => r.Curvature.TangentResidualRel).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Max()),
                J(rs.Select(r => r.Curvature.ComplementSoftestRel).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Min()),
                J(Stat(rs.Select(r => r.Path.AnalysisSeconds)).Mean),
                J(Stat(rs.Select(r => r.Point.Seconds)).Mean),
                rs.All(r => r.Agreement is null) ? null : rs.Where(r => r.Agreement is not null).All(r => r.Agreement!.AgreesWith(r)));
        }).ToList();
        var doc = new HessianSummary(
            problem.GroupId.Name(),
            problem.Group.Dimension,
            quick,
            problem.Hidden,
            spectrum.Name(),
            seeds,
            penalty,
            "(penalty/2) * |theta|^2 on every weight and bias",
            $"|lambda| < {HessianAnalysis.FlatThreshold:G} * lambda_max",
            "counted apart: n_flat_gauge = near-null directions within 1 degree of the softmax gauge span; the penalty gives the gauge curvature = penalty, so it is normally 0",
            "n_flat and n_flat_gauge are medians over seeds (per-seed values in n_flat_per_seed); angles are maxima over seeds; grad_norm the maximum; other numbers means",
            seconds,
            commandLine,
            settings);
        return JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true });
    }


    public IEnumerable<string> Findings()
    {
        int d = problem.Group.Dimension;
        var fine = Main().Where(r => r.Id.Setting == Augmentation.Fine).ToList();
        yield return $"fine (K = {problem.FineK}): n_flat per seed = [{string.Join(", ", fine.Select(r => r.Flat.NFlat))}] (expected the orbit dimension = dim G - dim stabiliser of W: [{string.Join(", ", fine.Select(r => r.Flat.OrbitDim))}]; dim G = {d}), min |W A_a| / |W| = [{string.Join(", ", fine.Select(r => F(r.Flat.TangentNormRel, "G2")))}], largest angle to tangents = {F(fine.Select(r => r.Curvature.MaxPrincipalAngleDeg).DefaultIfEmpty(double.NaN).Max(), "G3")} deg (expected < 1), tangent curvature / lambda_max = {MeanSd(fine.Select(r => r.Curvature.TangentCurvatureRel))}";
        foreach (var s in MainOrder.Skip(1))
        {
            var rs = Main().Where(r => r.Id.Setting == s).ToList();
            yield return $"{s.Name()}: n_flat per seed = [{string.Join(", ", rs.Select(r => r.Flat.NFlat))}], n_flat_gauge = [{string.Join(", ", rs.Select(r => r.Flat.NFlatGauge))}], tangent curvature / lambda_max = {MeanSd(rs.Select(r => r.Curvature.TangentCurvatureRel))}";
        }
        var sweep = results.Where(r => r.Id.Kind == SettingKind.KSweep).GroupBy(r => r.Id.K).OrderBy(g => g.Key)
            .Select(g => (K: g.Key, C: Stat(g.Select(r => Math.Abs(r.Curvature.TangentCurvatureRel))).Mean)).ToList();
        var decay = GridDecay.Judge(SeedCurve.From(results), OrbitBandwidth.Of(problem.Group), HessianChecks.RoundingFloor);
        yield return $"K sweep: |tangent curvature| / lambda_max (mean over seeds) = {string.Join(", ", sweep.Select(p => $"K={p.K}: {F(p.C, "G2")}"))}; nested steps K -> 2K beyond 2B = {decay.Onset}: {decay.Rises.Count} of {decay.Steps.Count} rise (see \"Claim 10\")";
        var extended = results.Where(r => r.Id.Kind == SettingKind.Extension).OrderBy(r => r.Id.Seed).ThenBy(r => r.Id.K).ToList();
        if (problem.Extension.Length > 0)
            yield return $"beyond the fine grid (K = {string.Join(", ", problem.Extension)}, each only while the seed is unresolved): " +
                (extended.Count == 0 ? "no seed needed it" : string.Join("; ", extended.Select(r => $"seed {r.Id.Seed} K = {r.Id.K}: n_flat = {r.Flat.NFlat} (orbit dim {r.Flat.OrbitDim}), tangent curvature / lambda_max = {F(r.Curvature.TangentCurvatureRel, "G2")}, {F(r.Point.Seconds, "F0")} s")));
        var rate = results.Where(r => r.Id.Kind == SettingKind.RateSweep).GroupBy(r => r.Id.K).OrderBy(g => g.Key)
            .Select(g => $"m={g.Key}: {F(Stat(g.Select(r => Math.Abs(r.Curvature.TangentCurvatureRel))).Mean, "G2")}");
        yield return $"random sampling: |tangent curvature| / lambda_max = {string.Join(", ", rate)}";
        var nc = results.Count(r => !r.Point.Converged);
        yield return nc == 0 ? $"every run reached |grad| < {problem.GradientTolerance:G}" : $"{nc} of {results.Count} runs did NOT reach |grad| < {problem.GradientTolerance:G} (see grad_norm)";
    }

    private string Markdown()
    {
        int d = problem.Group.Dimension;
        var sb = new StringBuilder();
        sb.AppendLine($"# Flat Hessian directions: {problem.Group.Name}");
        sb.AppendLine();
        sb.AppendLine($"Command: `{commandLine}`  ");
        sb.AppendLine($"Run time: {seconds:F1} s for this invocation ({(quick ? "quick" : "full")} protocol, {seeds} seed(s), single-threaded float64); the settings' own times (training + analysis, column seconds of hessian.csv, including settings reused from the checkpoint of an earlier invocation) sum to {results.Where(r => !(r.Id.Kind == SettingKind.KSweep && r.Id.K == problem.FineK)).Sum(r => r.Point.Seconds):F1} s.");
        sb.AppendLine();
        sb.AppendLine("## Protocol");
        sb.AppendLine($"- Group: {problem.Group.Name}, dimension {d}, periods {string.Join(" x ", problem.Group.Periods.Select(p => p.ToString("G4", Inv)))}.");
        sb.AppendLine($"- Data per seed: {problem.DataDescription}; {problem.Samples} samples.");
        sb.AppendLine($"- Network: tanh, widths input-{problem.Hidden}-classes, with biases; loss = mean cross-entropy over the augmented set + (lambda/2)|theta|^2 on every parameter, lambda = {penalty:G3}. The penalty is invariant under W -> W U(g) (U orthogonal), so it keeps the group's flat directions and lifts saturation and the softmax gauge.");
        sb.AppendLine($"- Settings: fine = grid of K = {problem.FineK} elements per generator (K^{d} per sample, the subgroup Z_K^{d}); {(problem.Extension.Length > 0 ? $"a seed the fine grid leaves unresolved continues to K = {string.Join(", then ", problem.Extension)} (the cap), each warm-started at the grid before and trained only while that grid is unresolved; claim 9 is judged on each seed's final grid; " : "")}coarse = K = {problem.CoarseK}; random = {problem.RandomM} Haar-random elements per sample, drawn per sample (Eq. 17); invariant = {problem.InvariantDescription}, no augmentation; none = raw inputs, no augmentation.");
        sb.AppendLine($"- Training: from a seeded random init (N(0, 1/fan-in) weights, N(0, 0.01) biases), L-BFGS (memory 20, Armijo backtracking) to |grad| < 1e-6, then Newton steps (full path: on the full Hessian, saddle-free |lambda|, near-null eigenvalues below 1e-12 lambda_max not inverted, each step's part along the orbit tangents W A taken along the orbit itself (W -> W U(a)), at most 25 steps, then L-BFGS and Newton again from where Newton fell short, at most {HessianRunner.FullPathRounds} rounds; tangent path: Hessian-free, one round, see below) to |grad| < {problem.GradientTolerance:G}.");
        sb.AppendLine("- Hessian: exact, by the R-operator (`MlpObjective`: one forward and backward R-pass per unit seed at each layer's pre-activations, blocks assembled from per-sample contractions; checked against TorchSharp double backward in the property tests), symmetrised; spectrum by MathNet's symmetric eigensolver.");
        sb.AppendLine($"- Flat: |lambda| < {HessianAnalysis.FlatThreshold:G} lambda_max. Gauge convention: counted apart; n_flat_gauge = near-null directions within 1 degree of the softmax gauge span (same vector added to every row of the logit layer, same number to every output bias: last hidden width + 1 directions). Because the penalty covers the logit layer, H g = lambda g exactly along the gauge, so these have curvature lambda (column gauge curvature), not 0, and n_flat_gauge is 0 unless lambda falls below the threshold.");
        sb.AppendLine($"- Tangents: vec(W A_a) in the flat layout (first-layer block). Max angle: largest principal angle between the non-gauge near-null eigenspace and the tangent span (n/a when n_flat = 0). Softest angle: the same against the span of the d non-gauge eigenvectors with smallest |lambda|, defined even when nothing is below the threshold. Tangent curvature: mean over a of t_a^T H t_a / |t_a|^2. Orbit dimension: numerical rank of [W A_1 ... W A_d] (singular values above {HessianAnalysis.DegenerateTangent:G} |W|), i.e. dim G minus the dimension of W's stabiliser; tangents shorter than that are left out (W is fixed by them, nothing is forced to be flat).");
        HessianPathReport.Protocol(sb, spectrum, results);
        sb.AppendLine($"- K sweep and sampling-rate sweep: warm-started at each seed's fine-K minimum, re-converged to |grad| < {problem.GradientTolerance:G}.");
        sb.AppendLine($"- SGD roaming (seed 0): from the fine and the unaugmented minima, {problem.RoamSteps} steps of plain SGD with minibatches of {problem.RoamBatch} augmented samples drawn with replacement, learning rate 0.5 / lambda_max of the fine minimum; displacement split into the span of the tangents at the start and its complement; orbit coordinate = group coordinates t fitted (Gauss-Newton) so that W ~ W* U(t), wrapped to the shortest way round.");
        sb.AppendLine();
        sb.AppendLine("## Findings");
        foreach (var f in Findings()) sb.AppendLine($"- {f}");
        sb.AppendLine();
        sb.AppendLine("## Checks (the exit code is 1 when one fails)");
        var checks = HessianChecks.Evaluate(results);
        sb.Append(Publishing.Headline.Wrap(
            $"Flat directions, {problem.Group} ({results.Select(r => r.Id.Seed).Distinct().Count()} seeds, spectrum path {spectrum.Name()}): of {checks.Count} checks {checks.Count(c => c.Held && c.Conclusive)} hold, " +
            $"{checks.Count(c => !c.Held)} fail, {checks.Count(c => c.Held && !c.Conclusive)} are inconclusive" +
            string.Concat(checks.Where(c => !c.Held || !c.Conclusive).Select(c => $"; {(c.Held ? "inconclusive" : "FAILS")}: {c.Name}")) + "."));
        foreach (var c in checks) sb.AppendLine($"- {c}");
        HessianClaimsReport.Claim9(sb, results, d);
        HessianClaimsReport.Claim10(sb, results, problem);
        sb.AppendLine();
        sb.AppendLine("## Settings (mean ± sd over seeds)");
        sb.AppendLine("| setting | k | params | orbit dim per seed | min \\|W A\\|/\\|W\\| | n_flat per seed | n_flat_gauge | max angle (deg) | softest angle (deg) | tangent curvature | / lambda_max | gauge curvature | lambda_max | max grad norm | train acc |");
        sb.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var s in MainOrder)
        {
            var rs = Main().Where(r => r.Id.Setting == s).OrderBy(r => r.Id.Seed).ToList();
            if (rs.Count == 0) continue;
            sb.AppendLine($"| {s.Name()} | {rs[0].Id.K} | {rs[0].Size.NParams} | {string.Join(", ", rs.Select(r => r.Flat.OrbitDim))} | {MeanSd(rs.Select(r => r.Flat.TangentNormRel))} | {string.Join(", ", rs.Select(r => r.Flat.NFlat))} | {string.Join(", ", rs.Select(r => r.Flat.NFlatGauge))} | " +
                $"{F(rs.Select(r => r.Curvature.MaxPrincipalAngleDeg).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Max(), "G3")} | {F(rs.Select(r => r.Curvature.SoftestAngleDeg).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Max(), "G3")} | " +
                $"{MeanSd(rs.Select(r => r.Curvature.TangentCurvature))} | {MeanSd(rs.Select(r => r.Curvature.TangentCurvatureRel))} | {MeanSd(rs.Select(r => r.Curvature.GaugeCurvature))} | {MeanSd(rs.Select(r => r.Curvature.LambdaMax))} | {F(rs.Max(r => r.Point.GradNorm), "G2")} | {MeanSd(rs.Select(r => r.Point.TrainAccuracy), "F3")} |");
        }
        HessianPathReport.Verdicts(sb, Main().ToList(), MainOrder);
        HessianPathReport.Agreement(sb, results);
        foreach (var (kind, title, unit) in new[] { (SettingKind.KSweep, "K sweep (grid, K per generator)", "K"), (SettingKind.RateSweep, "Random sampling rate (m elements per sample)", "m"),
            (SettingKind.Extension, "Beyond the fine grid (trained only for seeds the grid before left unresolved; n_flat of those seeds, in seed order)", "K") })
        {
            if (kind == SettingKind.Extension && !results.Any(r => r.Id.Kind == kind)) continue;
            sb.AppendLine();
            sb.AppendLine($"## {title}");
            sb.AppendLine($"| {unit} | elements per sample | n_flat per seed | softest angle (deg) | tangent curvature / lambda_max | max grad norm |");
            sb.AppendLine("| --- | --- | --- | --- | --- | --- |");
            foreach (var g in results.Where(r => r.Id.Kind == kind).GroupBy(r => r.Id.K).OrderBy(g => g.Key))
                sb.AppendLine($"| {g.Key} | {(kind != SettingKind.RateSweep ? (long)Math.Pow(g.Key, d) : g.Key)} | {string.Join(", ", g.OrderBy(r => r.Id.Seed).Select(r => r.Flat.NFlat))} | {F(g.Select(r => r.Curvature.SoftestAngleDeg).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Max(), "G3")} | {MeanSd(g.Select(r => r.Curvature.TangentCurvatureRel))} | {F(g.Max(r => r.Point.GradNorm), "G2")} |");
        }
        sb.AppendLine();
        sb.AppendLine("## SGD roaming (seed 0)");
        sb.AppendLine("| start | step | along tangents | across | orbit coordinate | distance to start's orbit |");
        sb.AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var g in roaming.GroupBy(p => p.Setting))
        {
            var pts = g.ToList();
            foreach (var p in new[] { pts[0], pts[pts.Count / 10], pts[pts.Count / 4], pts[pts.Count / 2], pts[^1] }.Distinct())
                sb.AppendLine($"| {p.Setting.Name()} | {p.Step} | {F(p.Along, "G3")} | {F(p.Across, "G3")} | {F(p.OrbitCoordinate, "G3")} | {F(p.OrbitResidual, "G3")} |");
        }
        sb.AppendLine();
        sb.AppendLine("Files: hessian.csv (every run), spectra.csv (every eigenvalue of the five settings, full path only), summary.json, roaming.csv, spectrum.png (full-path rows only), curvature_vs_k.png, roaming.png.");
        return sb.ToString();
    }
}
