using System.Diagnostics;
using SymmetryProofs.Data;
using SymmetryProofs.Objectives;
using SymmetryProofs.Spectra;
using SymmetryProofs.Optimisation;
using SymmetryProofs.Networks;
using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// The protocol of one seed as units (<see cref="Units"/>: five main settings, the K sweep, the sampling-rate sweep and the
/// grids beyond the fine K, trained only while the seed is unresolved) and
/// how one unit is trained to a critical point and its Hessian analysed (<see cref="Train"/>).
/// </summary>
internal sealed class HessianRunner
{
    private readonly HessianProblem problem;
    private readonly double penalty;
    private readonly IRunLog log;
    private readonly SpectrumPath spectrum;

    /// <summary>
    /// <paramref name="spectrum"/> names the <see cref="SpectrumPath"/>. On the tangent path the
    /// solver's Newton steps are Hessian-free (truncated CG on HVPs): the dense Hessian it would
    /// otherwise factor every step is what that path exists to avoid.
    /// </summary>
    public HessianRunner(HessianProblem problem, double penalty, IRunLog log, SpectrumPath spectrum = SpectrumPath.Full)
    {
        this.problem = problem;
        this.penalty = penalty;
        this.log = log;
        this.spectrum = spectrum;
    }

    /// <summary>The checkpoint key of one trained setting.</summary>
    public static string Key(HessianRunId id) => $"seed={id.Seed};kind={id.Kind.Name()};setting={id.Setting.Name()};k={id.K}";

    /// <summary>The fine setting of <paramref name="seed"/>: the sweeps start at its minimum, and the K sweep's point K = fine K is this run itself.</summary>
    public HessianRunId Fine(int seed) => new(SettingKind.Main, Augmentation.Fine, problem.FineK, seed);

    /// <summary>The settings planned for <paramref name="seed"/>, in order: the five main ones (the fine first), then the K sweep without its K = fine K, then the sampling-rate sweep, then the extension grids (each trained only if the grid before it leaves the seed unresolved).</summary>
    public IEnumerable<HessianRunId> Units(int seed) =>
        new[]
        {
            Fine(seed),
            new HessianRunId(SettingKind.Main, Augmentation.Coarse, problem.CoarseK, seed),
            new HessianRunId(SettingKind.Main, Augmentation.Random, problem.RandomM, seed),
            new HessianRunId(SettingKind.Main, Augmentation.Invariant, 1, seed),
            new HessianRunId(SettingKind.Main, Augmentation.None, 1, seed),
        }
        .Concat(problem.KSweep.Where(k => k != problem.FineK).Select(k => new HessianRunId(SettingKind.KSweep, Augmentation.Grid, k, seed)))
        .Concat(problem.RateSweep.Select(m => new HessianRunId(SettingKind.RateSweep, Augmentation.Random, m, seed)))
        .Concat(problem.Extension.Select(k => new HessianRunId(SettingKind.Extension, Augmentation.Grid, k, seed)));

    /// <summary>The grid an extension unit continues from: the fine run for the first, else the extension grid before it.</summary>
    public HessianRunId Previous(HessianRunId extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        int i = Array.IndexOf(problem.Extension, extension.K);
        if (extension.Kind != SettingKind.Extension || i < 0) throw new ArgumentException($"{Key(extension)} is not an extension grid of the protocol.", nameof(extension));
        return i == 0 ? Fine(extension.Seed) : extension with { K = problem.Extension[i - 1] };
    }

    /// <summary>
    /// The results of <paramref name="seed"/> as the reports list them: the five main settings, the K sweep (its
    /// K = fine K is the fine run, relabelled), the sampling-rate sweep and the extension grids that were trained
    /// (<paramref name="result"/> gives null for one that was not needed).
    /// </summary>
    public IEnumerable<HessianResult> Results(int seed, Func<HessianRunId, HessianResult?> result)
    {
        var fine = result(Fine(seed))!;
        var units = Units(seed).ToList();
        foreach (var id in units.Where(u => u.Kind == SettingKind.Main)) yield return result(id)!;
        foreach (int k in problem.KSweep)
            yield return k == problem.FineK
                ? fine with { Id = fine.Id with { Kind = SettingKind.KSweep, Setting = Augmentation.Grid } }
                : result(new HessianRunId(SettingKind.KSweep, Augmentation.Grid, k, seed))!;
        foreach (var id in units.Where(u => u.Kind == SettingKind.RateSweep)) yield return result(id)!;
        foreach (var id in units.Where(u => u.Kind == SettingKind.Extension))
            if (result(id) is { } r) yield return r;
    }

    /// <summary>Whether the setting trains on invariant features (it has no orbit tangents).</summary>
    private static bool Invariant(HessianRunId id) => id.Setting == Augmentation.Invariant;

    /// <summary>The training set of a setting: its seed's base set augmented as the setting says (random draws from the setting's own seed stream).</summary>
    public LabelledSet Data(HessianRunId id)
    {
        var set = problem.BaseSet(id.Seed);
        var g = problem.Group;
        return (id.Kind, id.Setting) switch
        {
            (_, Augmentation.Fine or Augmentation.Coarse or Augmentation.Grid) => LieAugmentation.Grid(set, g, id.K),
            (SettingKind.Main, Augmentation.Random) => LieAugmentation.Random(set, g, id.K, SeedStreams.For(id.Seed, "augment:random")),
            (SettingKind.RateSweep, Augmentation.Random) => LieAugmentation.Random(set, g, id.K, SeedStreams.For(id.Seed, $"augment:rate:m={id.K}")),
            (_, Augmentation.Invariant) => problem.InvariantSet(set),
            (_, Augmentation.None) => set,
            _ => throw new ArgumentOutOfRangeException(nameof(id), id, "not a setting of the protocol"),
        };
    }

    /// <summary>The training objective of a setting.</summary>
    public HessianLoss Loss(HessianRunId id)
    {
        var set = Data(id);
        return new HessianLoss(new TorchMlp(problem.Widths(set), withBiases: true), set, penalty);
    }

    /// <summary>Rounds of L-BFGS then Newton on the full path (<see cref="CriticalPointSolver.Rounds"/>): a warm start beside a saddle walks off it in the first round and reaches the next minimum in the second.</summary>
    public const int FullPathRounds = 3;

    public sealed record Trained(HessianResult Result, double[] Theta, HessianLoss Loss);

    /// <summary>Trains one setting from <paramref name="start"/> (null: the seed's random initialisation) and analyses its Hessian.</summary>
    public Trained Train(HessianRunId id, double[]? start)
    {
        var loss = Loss(id);
        return Compute(id.Kind, id.Setting, id.K, loss.Data, Invariant(id), start, id.Seed, problem.Widths(loss.Data), loss);
    }

    private Trained Compute(SettingKind kind, Augmentation setting, int k, LabelledSet set, bool invariant, double[]? start, int seed, int[] widths, HessianLoss loss)
    {
        var watch = Stopwatch.StartNew();
        var objective = loss.Objective();
        var theta0 = start ?? Mlp.Random(widths, true, SeedStreams.For(seed, "init")).Flatten();
        // Large augmented sets take minutes to converge: show the solver's progress every 15 s or so.
        var sinceReport = Stopwatch.StartNew();
        var path = spectrum.Resolve(objective.Dimension);
        // The full path's Newton steps follow the orbit (OrbitRetraction) and hand back to L-BFGS when they fall short (Rounds);
        // the tangent path keeps its one round of straight Hessian-free steps.
        bool tangentPath = path == SpectrumPath.Tangent;
        var solver = new CriticalPointSolver
        {
            Tolerance = problem.GradientTolerance, LbfgsTolerance = 1e-6, MaxLbfgsIterations = 20000, MaxNewtonSteps = 25, HessianFree = tangentPath,
            Retraction = tangentPath || invariant ? null : OrbitRetraction.For(widths, problem.Group),
            Rounds = tangentPath ? 1 : FullPathRounds,
        };
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
        log.Line(
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
}
