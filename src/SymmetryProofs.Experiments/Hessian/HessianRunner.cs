using System.Diagnostics;
using SymmetryProofs.Data;
using SymmetryProofs.Objectives;
using SymmetryProofs.Spectra;
using SymmetryProofs.Optimisation;
using SymmetryProofs.Networks;
using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>Trains one setting to a critical point and analyses its Hessian; runs the whole protocol for one seed.</summary>
internal sealed class HessianRunner
{
    private readonly HessianProblem problem;
    private readonly double penalty;
    private readonly Checkpoint<HessianUnit> checkpoint;
    private readonly IRunLog log;
    private readonly SpectrumPath spectrum;
    public int Total { get; init; }

    /// <summary>
    /// <paramref name="spectrum"/> names the <see cref="SpectrumPath"/>. On the tangent path the
    /// solver's Newton steps are Hessian-free (truncated CG on HVPs): the dense Hessian it would
    /// otherwise factor every step is what that path exists to avoid.
    /// </summary>
    public HessianRunner(HessianProblem problem, double penalty, Checkpoint<HessianUnit> checkpoint, IRunLog log, SpectrumPath spectrum = SpectrumPath.Full)
    {
        this.spectrum = spectrum;

        this.problem = problem;
        this.penalty = penalty;
        this.checkpoint = checkpoint;
        this.log = log;
    }

    /// <summary>The checkpoint key of one trained setting.</summary>
    public static string Key(int seed, SettingKind kind, Augmentation setting, int k) => $"seed={seed};kind={kind.Name()};setting={setting.Name()};k={k}";

    public static int RunsPerSeed(HessianProblem p) => 5 + p.KSweep.Count(k => k != p.FineK) + p.RateSweep.Length;

    public sealed record Trained(HessianResult Result, double[] Theta, HessianLoss Loss);

    private int done;

    /// <summary>Trains one setting, or takes it from the checkpoint when an earlier run with the same settings finished it.</summary>
    public Trained Train(SettingKind kind, Augmentation setting, int k, LabelledSet set, bool invariant, double[]? start, int seed)
    {
        int[] widths = problem.Widths(set);
        var loss = new HessianLoss(new TorchMlp(widths, withBiases: true), set, penalty);
        string key = Key(seed, kind, setting, k);
        if (checkpoint.TryGet(key, out var stored))
        {
            Interlocked.Increment(ref done);
            return new Trained(stored.Result, stored.Theta, loss);
        }
        var trained = Compute(kind, setting, k, set, invariant, start, seed, widths, loss);
        checkpoint.Append(key, new HessianUnit(trained.Result, trained.Theta));
        return trained;
    }

    private Trained Compute(SettingKind kind, Augmentation setting, int k, LabelledSet set, bool invariant, double[]? start, int seed, int[] widths, HessianLoss loss)
    {
        var watch = Stopwatch.StartNew();
        var objective = loss.Objective();
        var theta0 = start ?? Mlp.Random(widths, true, SeedStreams.For(seed, "init")).Flatten();
        // Large augmented sets take minutes to converge: show the solver's progress every 15 s or so.
        var sinceReport = Stopwatch.StartNew();
        var path = spectrum.Resolve(objective.Dimension);
        var solver = new CriticalPointSolver { Tolerance = problem.GradientTolerance, LbfgsTolerance = 1e-6, MaxLbfgsIterations = 20000, MaxNewtonSteps = 25, HessianFree = path == SpectrumPath.Tangent };
        var cp = solver.Solve(objective, theta0, line =>
        {
            if (sinceReport.Elapsed.TotalSeconds < 15) return;
            log.Line($"    seed {seed} {kind.Name()} {setting.Name()} k={k}, {watch.Elapsed.TotalSeconds:F0} s: {line}");
            sinceReport.Restart();
        });
        double trainSeconds = watch.Elapsed.TotalSeconds;
        var tangents = invariant ? null : FlatDirections.Tangents(widths, true, cp.Theta, problem.Group);
        var firstLayerNorm = ParameterLayout.Unflatten(widths, true, cp.Theta).Weights[0].FrobeniusNorm();
        var gauge = FlatDirections.Gauge(widths, true);
        FlatVerdict Tangent() => FlatVerdicts.Tangent(v => objective.HessianVectorProduct(cp.Theta, v), objective.Dimension, gauge, tangents, firstLayerNorm,
            SeedStreams.For(seed, $"lanczos:{kind.Name()}:{setting.Name()}:{k}").Next());
        var a = path == SpectrumPath.Tangent ? Tangent() : FullVerdict(objective, cp.Theta, gauge, tangents, firstLayerNorm);
        var agreement = path == SpectrumPath.Both ? PathAgreement.Of(a, Tangent(), objective.Dimension, set.Count) : null;
        double scale = Math.Abs(a.LambdaMax);
        double seconds = watch.Elapsed.TotalSeconds;
        var result = new HessianResult(new HessianRunId(kind, setting, k, seed), new HessianSize(problem.GroupId, problem.Group.Dimension, objective.Dimension, set.Count),
            new CriticalPointReached(cp.GradientNorm, cp.Loss, loss.Accuracy(cp.Theta), cp.Converged, cp.LbfgsIterations, cp.NewtonSteps, seconds),
            new FlatCount(a.OrbitDim, a.TangentNormRel, a.NFlat, a.NFlatGauge, a.NFlatOutside),
            new Curvatures(a.Curvature, a.Curvature / scale, a.GaugeCurvature, a.LambdaMax, a.Softest, a.TangentResidual / scale, Math.Abs(a.ComplementSoftest) / scale, a.MaxAngle, a.SoftestAngle),
            new PathRun(path == SpectrumPath.Both ? SpectrumPath.Full : path, a.Margin, a.HessianVectorProducts, seconds - trainSeconds, a.Eigenvalues),
            agreement);
        log.Progress(Interlocked.Increment(ref done), Total,
            $"seed {seed} {kind.Name()} {setting.Name()} k={k}: |g| = {cp.GradientNorm:G2}{(cp.Converged ? "" : " (NOT converged)")}, orbit dim {a.OrbitDim}, n_flat = {a.NFlat}, " +
            $"gauge {a.NFlatGauge}, tangent curvature/lambda_max = {result.Curvature.TangentCurvatureRel:G3}, angle = {a.MaxAngle:F3} deg, {path.Name()} path, {watch.Elapsed.TotalSeconds:F1} s" +
            (agreement is null ? "" : $"; tangent path n_flat = {agreement.NFlat}, {(agreement.AgreesWith(result) ? "agrees" : "DISAGREES")}"));
        return new Trained(result, cp.Theta, loss);
    }

    private static FlatVerdict FullVerdict(MlpObjective objective, double[] theta, MathNet.Numerics.LinearAlgebra.Matrix<double> gauge, MathNet.Numerics.LinearAlgebra.Matrix<double>? tangents, double firstLayerNorm)
    {
        var watch = Stopwatch.StartNew();
        var (h, _) = TorchObjective.Symmetrised(objective.Hessian(theta));
        return FlatVerdicts.Full(h, gauge, tangents, firstLayerNorm, watch.Elapsed.TotalSeconds);
    }

    /// <summary>The five settings, the K sweep and the sampling-rate sweep (both warm-started at the fine-K minimum; the sweep's K = fine K is the fine run itself) for one seed.</summary>
    public (List<HessianResult> Results, Trained Fine, Trained None) RunSeed(int seed)
    {
        var results = new List<HessianResult>();
        var g = problem.Group;
        var set = problem.BaseSet(seed);
        var fine = Train(SettingKind.Main, Augmentation.Fine, problem.FineK, LieAugmentation.Grid(set, g, problem.FineK), false, null, seed);
        results.Add(fine.Result);
        results.Add(Train(SettingKind.Main, Augmentation.Coarse, problem.CoarseK, LieAugmentation.Grid(set, g, problem.CoarseK), false, null, seed).Result);
        results.Add(Train(SettingKind.Main, Augmentation.Random, problem.RandomM, LieAugmentation.Random(set, g, problem.RandomM, SeedStreams.For(seed, "augment:random")), false, null, seed).Result);
        results.Add(Train(SettingKind.Main, Augmentation.Invariant, 1, problem.InvariantSet(set), true, null, seed).Result);
        var none = Train(SettingKind.Main, Augmentation.None, 1, set, false, null, seed);
        results.Add(none.Result);
        foreach (int k in problem.KSweep)
            results.Add(k == problem.FineK
                ? fine.Result with { Id = fine.Result.Id with { Kind = SettingKind.KSweep, Setting = Augmentation.Grid } }
                : Train(SettingKind.KSweep, Augmentation.Grid, k, LieAugmentation.Grid(set, g, k), false, fine.Theta, seed).Result);
        foreach (int m in problem.RateSweep)
            results.Add(Train(SettingKind.RateSweep, Augmentation.Random, m, LieAugmentation.Random(set, g, m, SeedStreams.For(seed, $"augment:rate:m={m}")), false, fine.Theta, seed).Result);
        return (results, fine, none);
    }
}
