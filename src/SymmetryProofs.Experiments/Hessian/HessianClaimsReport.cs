using System.Globalization;
using System.Text;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// The parts of hessian.md that state claims 9 and 10 per seed: the fine grid's verdict with its controls, the K sweep
/// judged by <see cref="GridDecay"/>, what happens below the onset 2B, and the decay law with its prediction
/// (<see cref="DecayPrediction"/>). Every sentence is computed from the results passed in.
/// </summary>
internal static class HessianClaimsReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static string F(double v, string fmt = "G3") => double.IsFinite(v) ? v.ToString(fmt, Inv) : "n/a";

    private static string F(double? v, string fmt = "G3") => v is { } x ? F(x, fmt) : "n/a";

    /// <summary>Claim 9 seed by seed: n_flat against the orbit dimension and dim G, the angle to W A, and the controls.</summary>
    public static void Claim9(StringBuilder sb, IReadOnlyList<HessianResult> results, int groupDim)
    {
        var main = results.Where(r => r.Id.Kind == SettingKind.Main).ToList();
        var fine = FinalGrid.PerSeed(results);
        if (fine.Count == 0) return;
        int? Control(Augmentation a, int seed) => main.FirstOrDefault(r => r.Id.Setting == a && r.Id.Seed == seed)?.Flat.NFlat;
        sb.AppendLine();
        sb.AppendLine("## Claim 9 per seed");
        int resolved = fine.Count(FinalGrid.Resolved);
        int along = fine.Count(r => FinalGrid.Resolved(r) && HessianChecks.AlongTangents(r));
        int full = fine.Count(r => FinalGrid.Resolved(r) && HessianChecks.AlongTangents(r) && r.Flat.OrbitDim == groupDim);
        int smaller = fine.Count(r => FinalGrid.Resolved(r) && HessianChecks.AlongTangents(r) && r.Flat.OrbitDim < groupDim);
        var ks = fine.Select(r => r.Id.K).Distinct().OrderBy(k => k).ToList();
        sb.AppendLine($"Each seed's final grid (K = {string.Join(", ", ks)}: the fine grid, continued to larger K only while unresolved): the orbit is resolved (tangent curvature below {HessianAnalysis.FlatThreshold:G} lambda_max) in {resolved} of {fine.Count} seeds; " +
            $"n_flat = orbit dimension with every flat eigenvector within {HessianChecks.MaxAngleDeg:G} degree of W A in {along} of them, " +
            $"and in {full} of them the orbit dimension is dim G = {groupDim} (W's stabiliser in G is trivial)" +
            (smaller > 0 ? $"; in the other {smaller} the orbit is smaller (W is fixed by a subgroup of G), and n_flat equals that smaller orbit dimension: claim 9 holding for a smaller orbit" : "") + ". Controls: coarse grid and no augmentation (symmetry broken), invariant features (no orbit).");
        sb.AppendLine();
        sb.AppendLine($"| seed | final K | orbit dim (dim G = {groupDim}) | n_flat | largest angle of the flat eigenvectors to W A (deg) | tangent curvature / lambda_max | \\|grad\\| | verdict | coarse n_flat | none n_flat | invariant n_flat |");
        sb.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in fine)
        {
            bool res = FinalGrid.Resolved(r);
            string verdict = !res ? "unresolved" : HessianChecks.AlongTangents(r) ? "holds" : "FAILS";
            sb.AppendLine($"| {r.Id.Seed} | {r.Id.K} | {r.Flat.OrbitDim} | {r.Flat.NFlat} | {F(r.Curvature.MaxPrincipalAngleDeg, "G2")} | {F(r.Curvature.TangentCurvatureRel, "G2")} | {F(r.Point.GradNorm, "G2")} | {verdict} | " +
                $"{Control(Augmentation.Coarse, r.Id.Seed)?.ToString(Inv) ?? "n/a"} | {Control(Augmentation.None, r.Id.Seed)?.ToString(Inv) ?? "n/a"} | {Control(Augmentation.Invariant, r.Id.Seed)?.ToString(Inv) ?? "n/a"} |");
        }
        var sweep = results.Where(r => r.Id.Kind == SettingKind.KSweep).ToList();
        if (sweep.Count > 0)
            sb.AppendLine($"\nn_flat across the K sweep (every seed): " + string.Join(", ", sweep.GroupBy(r => r.Id.K).OrderBy(g => g.Key)
                .Select(g => $"K = {g.Key}: [{string.Join(", ", g.OrderBy(r => r.Id.Seed).Select(r => r.Flat.NFlat))}]")) + ".");
    }

    /// <summary>Claim 10: the statement, the nested steps, the small-K behaviour and the decay law with its prediction.</summary>
    public static void Claim10(StringBuilder sb, IReadOnlyList<HessianResult> results, HessianProblem problem)
    {
        var curves = SeedCurve.From(results);
        if (curves.Count == 0) return;
        int b = OrbitBandwidth.Of(problem.Group);
        var decay = GridDecay.Judge(curves, b, HessianChecks.RoundingFloor);
        var ks = curves.SelectMany(c => c.Points).Select(p => p.K).Distinct().OrderBy(k => k).ToList();
        // Grids made of whole lattice shifts: K divides an integer period (8 pixels for the 8x8 translations).
        double period = problem.Group.Periods[0];
        bool lattice = Math.Abs(period - Math.Round(period)) < 1e-12 && problem.Group.Periods.All(p => p == period);
        bool Whole(int k) => lattice && (int)Math.Round(period) % k == 0;
        sb.AppendLine();
        sb.AppendLine("## Claim 10: the tangent curvature against the grid size K");
        sb.AppendLine($"Statement (Eqs. 17-18, made precise; the rule is `GridDecay`, fixed before the run): averaging over the grid Z_K^d keeps only that subgroup, so the orbit direction is shallow, not flat; its curvature c(K) (|t'Ht| / |t|^2 / lambda_max) is the K-point rule's error on the loss along the orbit. " +
            $"The input orbit U(t)x has harmonics up to B = {b} (computed from the generators{(lattice ? "; the Nyquist mode is fixed by every translation" : "")}), so the part of the loss quadratic in the input has harmonics up to 2B = {2 * b}, which a K-grid averages exactly only for K > {2 * b}. " +
            $"Claimed: (a) for K > {2 * b}, every nested step K -> 2K lowers c on every seed (unless both are below the resolution floor {HessianChecks.RoundingFloor:G}); (b) beyond {2 * b}, ln c falls linearly in K (a positive rate whose 95% interval over seeds excludes 0) and a line in K fits the seed-mean ln c better than a power law (a line in ln K). Below {2 * b} nothing is claimed.");
        sb.AppendLine();
        sb.AppendLine("- " + decay.NestedCheck(Inv));
        sb.AppendLine("- " + decay.GeometricCheck(Inv));
        sb.AppendLine();
        sb.AppendLine($"| K | {(lattice ? "whole-pixel grid (K divides " + ((int)Math.Round(period)).ToString(Inv) + ") | " : "")}{string.Join(" | ", curves.Select(c => $"seed {c.Seed}"))} | seed mean of ln c, as c |");
        sb.AppendLine($"| --- |{(lattice ? " --- |" : "")}{string.Concat(curves.Select(_ => " --- |"))} --- |");
        foreach (int k in ks)
        {
            var vs = curves.Select(c => c.At(k)).ToList();
            double gm = vs.All(v => v is > 0) ? Math.Exp(vs.Average(v => Math.Log(v!.Value))) : double.NaN;
            sb.AppendLine($"| {k} | {(lattice ? (Whole(k) ? "yes" : "no") + " | " : "")}{string.Join(" | ", vs.Select(v => F(v, "G2")))} | {F(gm, "G2")} |");
        }
        SmallGrids(sb, curves, b, lattice, Whole);
        var prediction = DecayPrediction.Of(curves, b, HessianAnalysis.FlatThreshold, HessianChecks.RoundingFloor);
        Prediction(sb, prediction, problem);
        Unresolved(sb, prediction, FinalGrid.PerSeed(results), problem);
    }

    private static void SmallGrids(StringBuilder sb, IReadOnlyList<SeedCurve> curves, int b, bool lattice, Func<int, bool> whole)
    {
        int onset = 2 * b;
        var below = curves.SelectMany(c => c.Points.Where(p => p.K <= onset && c.At(2 * p.K) is not null).Select(p => new NestedStep(c.Seed, p.K, p.C, c.At(2 * p.K)!.Value))).ToList();
        var rises = below.Where(s => !s.Falls(HessianChecks.RoundingFloor)).ToList();
        sb.AppendLine();
        sb.AppendLine($"**Small grids (K <= 2B = {onset}).** Why c(K) is not monotone there: a K-grid averages exactly every harmonic of the loss along the orbit that is not a multiple of K, " +
            $"and for K <= {onset} the multiples of K include harmonics of the input's own quadratic part (up to {onset}): c(K) is then the aliasing of those few large low harmonics, whose size depends on which of them K divides, not on how large K is. " +
            $"In this run {rises.Count} of {below.Count} nested steps K -> 2K starting at K <= {onset} rise" +
            (rises.Count == 0 ? "." : ": " + string.Join("; ", rises.Select(s => $"seed {s.Seed} K = {s.K} -> {2 * s.K}: {F(s.Coarse, "G2")} -> {F(s.Fine, "G2")}")) + "."));
        if (!lattice) return;
        var small = curves.SelectMany(c => c.Points).Select(p => p.K).Where(k => k <= 2 * onset).Distinct().OrderBy(k => k).ToList();
        string Mean(IEnumerable<int> ks) => string.Join(", ", ks.Select(k => $"K = {k}: {F(Math.Exp(curves.Where(c => c.At(k) is > 0).Average(c => Math.Log(c.At(k)!.Value))), "G2")}"));
        sb.AppendLine($"Whole-pixel grids (K divides the period: the augmented images are the digits' own pixels permuted) against grids with fractional shifts (band-limited interpolation of the pixels), K up to {2 * onset}, seed mean: " +
            $"whole-pixel {Mean(small.Where(whole))}; fractional {Mean(small.Where(k => !whole(k)))}. Nested chains of the sweep: {string.Join("; ", Chains(small).Select(ch => string.Join(" -> ", ch)))}; grids on different chains are not nested, and the claim does not order them.");
    }

    /// <summary>The maximal doubling chains among <paramref name="ks"/>.</summary>
    private static IEnumerable<List<int>> Chains(List<int> ks)
    {
        foreach (int k in ks.Where(k => k % 2 != 0 || !ks.Contains(k / 2)))
        {
            var chain = new List<int> { k };
            while (ks.Contains(chain[^1] * 2)) chain.Add(chain[^1] * 2);
            if (chain.Count > 1) yield return chain;
        }
    }

    private static void Prediction(StringBuilder sb, DecayPrediction d, HessianProblem problem)
    {
        sb.AppendLine();
        sb.AppendLine("## The decay law and the K it predicts");
        sb.AppendLine($"Per seed, ln c = a - r K fitted by least squares on the sweep's points with K > {d.Onset} that are not yet flat (c >= {d.Threshold:G}); the line's crossing of {d.Threshold:G} is the predicted K, compared with the first K of the sweep whose c is below it (the prediction does not use that point). " +
            (d.Seeds.Count == 0 ? "No seed has two unresolved points beyond the onset: no fit." :
            $"Rate r = {d.Rate.Format("G3")} per unit K (95% interval [{F(d.Rate.Low95)}, {F(d.Rate.High95)}] over {d.Rate.Count} seed(s)); predicted K = {d.PredictedK.Format("F1")} (95% interval [{F(d.PredictedK.Low95, "F1")}, {F(d.PredictedK.High95, "F1")}]), " +
            $"i.e. {F(problem.Samples * Math.Pow(d.PredictedK.Mean, problem.Group.Dimension), "G3")} augmented samples ({problem.Samples} x K^{problem.Group.Dimension}). " +
            $"The prediction lies after the last unresolved grid and at or before the first resolved one in {d.Seeds.Count(s => s.Consistent == true)} of {d.Seeds.Count(s => s.Consistent is not null)} seeds with a resolved grid" +
            (d.Seeds.Any(s => s.WorkedK is null) ? $"; {d.Seeds.Count(s => s.WorkedK is null)} seed(s) have no resolved grid in the sweep" : "") + "."));
        if (d.Seeds.Count == 0) return;
        sb.AppendLine();
        sb.AppendLine("| seed | points fitted | rate r | ln c at K = 0 | predicted K | first K below threshold | last K above it before that | consistent |");
        sb.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var s in d.Seeds)
            sb.AppendLine($"| {s.Seed} | {s.Fit.Points} | {F(s.Rate)} | {F(s.Fit.Intercept)} | {F(s.PredictedK, "F1")} | {s.WorkedK?.ToString(Inv) ?? "none"} | {s.LastUnresolvedK?.ToString(Inv) ?? "n/a"} | {(s.Consistent is { } c ? (c ? "yes" : "no") : "n/a")} |");
    }

    /// <summary>
    /// For every seed whose final grid is unresolved, what resolving it would take by its fitted decay: the predicted K,
    /// the next grid (<see cref="NextGrid"/>) with its augmented samples, and the time estimated from the final grid's own
    /// run at a constant cost per augmented sample (training and analysis, as measured in that run).
    /// </summary>
    private static void Unresolved(StringBuilder sb, DecayPrediction d, IReadOnlyList<HessianResult> finals, HessianProblem problem)
    {
        var open = finals.Where(r => !FinalGrid.Resolved(r)).ToList();
        if (open.Count == 0) return;
        int dim = problem.Group.Dimension;
        sb.AppendLine();
        sb.AppendLine($"**What the unresolved seeds would take.** {open.Count} seed(s) end unresolved. Next grid: the smallest K at or above the predicted K, beyond the final grid, and a multiple of {GridStep(problem)} " +
            $"({(GridStep(problem) > 1 ? "the period in pixels, so that the grid holds every whole-pixel shift" : "any K")}); time: the final grid's run time (training from its start point plus analysis) scaled by the ratio of augmented samples, (K_next / K)^{dim}, i.e. the same cost per sample.");
        foreach (var r in open)
        {
            var fit = d.Seeds.FirstOrDefault(s => s.Seed == r.Id.Seed);
            if (fit is null || !double.IsFinite(fit.PredictedK))
            {
                sb.AppendLine($"- seed {r.Id.Seed}: unresolved at K = {r.Id.K} ({F(r.Curvature.TangentCurvatureRel, "G2")} of lambda_max); {(fit is null ? "fewer than two unresolved points beyond the onset, no fit" : "its fit does not fall")}: no prediction.");
                continue;
            }
            int next = NextGrid(fit.PredictedK, r.Id.K, GridStep(problem));
            double samples = (double)problem.Samples * Math.Pow(next, dim);
            double seconds = r.Point.Seconds * Math.Pow((double)next / r.Id.K, dim);
            sb.AppendLine($"- seed {r.Id.Seed}: unresolved at K = {r.Id.K} ({F(r.Curvature.TangentCurvatureRel, "G2")} of lambda_max, {r.Size.NParams} parameters, {r.Point.Seconds.ToString("F0", Inv)} s); its fit (rate {F(fit.Rate)} per unit K over {fit.Fit.Points} points) predicts K = {F(fit.PredictedK, "F1")}" +
                (fit.PredictedK <= r.Id.K ? $", at or below the grid already tried (the decay was slower than fitted)" : "") +
                $"; next grid K = {next} ({samples.ToString("G3", Inv)} augmented samples), estimated {seconds.ToString("F0", Inv)} s at the measured cost per sample.");
        }
    }

    /// <summary>The lattice period when every generator has the same integer period (8 for the 8x8 translations), else 1.</summary>
    internal static int GridStep(HessianProblem problem)
    {
        double period = problem.Group.Periods[0];
        bool lattice = Math.Abs(period - Math.Round(period)) < 1e-12 && problem.Group.Periods.All(p => p == period) && period >= 1;
        return lattice ? (int)Math.Round(period) : 1;
    }

    /// <summary>The smallest multiple of <paramref name="step"/> that is at least <paramref name="predicted"/> and above <paramref name="tried"/>.</summary>
    internal static int NextGrid(double predicted, int tried, int step)
    {
        double lower = Math.Max(predicted, tried + 1);
        return (int)(Math.Ceiling(lower / step) * step);
    }
}
