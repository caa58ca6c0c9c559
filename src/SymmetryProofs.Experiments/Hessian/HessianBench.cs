using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.IO;
using SymmetryProofs.Objectives;
using SymmetryProofs.Spectra;
using static TorchSharp.torch;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// `hessian bench`: the cost of one gradient, one Hessian-vector product, the full Hessian and its
/// eigendecomposition for one net (by default the paper's 64-10-5-10 on 8985 samples), with the
/// R-operator the experiments use, beside autograd on the same loss, Lanczos and Hutchinson;
/// bench.md, bench.json (the sweep's fields at the top level) and bench.png.
/// </summary>
public static class HessianBench
{
    /// <summary>
    /// Relative tolerance of max |H_rop - H_autograd| / max |H|: the same second derivatives summed
    /// over the samples in different orders (rounding ~ n_samples * u ~ 1e-12 relative); 1e-9 leaves
    /// a thousandfold margin and still catches a wrong block.
    /// </summary>
    public const double AutogradAgreement = 1e-9;

    /// <summary>
    /// Runs the bench into <paramref name="dir"/> on the shared <see cref="Runs.Runner"/> as a <see cref="BenchExperiment"/>
    /// (the lock on the folder, command.txt with <paramref name="commandLine"/>, run.json); returns 0 when every check holds, 1 when one fails.
    /// </summary>
    public static int Run(BenchSettings s, string dir, Runs.IRunLog log, IReadOnlyList<string>? commandLine = null) =>
        Runs.Runner.Run(new BenchExperiment(), s, Runs.Runner.SingleRunOptions(dir, commandLine ?? []), log);

    /// <summary>Measures the one net of <paramref name="s"/> and writes bench.md, bench.json and bench.png into <paramref name="dir"/>; returns the checks.</summary>
    internal static IReadOnlyList<Runs.Check> Measure(BenchSettings s, string dir, Runs.IRunLog log)
    {
        var extra = new Extra();
        var outcome = BenchMeasure.Run(s.Nets.Names[0], s, [], log, (b, o) => extra.Measure(b, o, s.Method.Repeats, log));
        var row = outcome.Row;
        var checks = BenchReport.Checks([row]);
        if (extra.Agreement is { } agreement)
            checks.Add(new Runs.Check("R-operator Hessian equals the autograd Hessian", agreement <= AutogradAgreement, $"max relative difference {agreement:G2}, tolerance {AutogradAgreement:G2}"));

        AtomicFile.WriteAllText(Path.Combine(dir, "bench.md"), Markdown(s, row, extra, checks));
        var json = (JsonObject)JsonSerializer.SerializeToNode(row, BenchReport.Json)!;
        json["torch_threads"] = get_num_threads();
        json["lapack"] = SymmetricSpectrum.DescribeLapack();
        json["settings"] = JsonSerializer.SerializeToNode(s, BenchReport.Json);
        json["autograd"] = JsonSerializer.SerializeToNode(extra, new JsonSerializerOptions(BenchReport.Json) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower });
        json["checks"] = new JsonArray(checks.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["held"] = c.Held, ["detail"] = c.Detail }).ToArray());
        json["pytorch_reference_s"] = BenchReport.PyTorchSeconds;
        json["pytorch_reference"] = BenchReport.PyTorchReference;
        AtomicFile.WriteAllText(Path.Combine(dir, "bench.json"), json.ToJsonString(BenchReport.Json) + "\n");
        var phases = new List<(string, double)> { ("gradient", row.GradientMs / 1e3), ("HVP", row.HvpMs / 1e3), ("full Hessian", row.FullHessianS),
            ("eigendecomposition", row.EigendecompositionS), ("Hessian + spectrum", extra.Headline?.Median ?? row.FullHessianPlusSpectrumS) };
        if (extra.SymmetricAssemblyS is { } ga) phases.Add(("full Hessian, symmetric assembly", ga));
        if (extra.FullHessianS is { } af) phases.Add(("autograd Hessian", af));
        bool paper = row.NParams == 765 && row.NSamples == BenchData.DigitsSamples;
        BenchPlots.Phases(Path.Combine(dir, "bench.png"), $"{row.Net}, {row.NParams} parameters, {row.NSamples} samples, {get_num_threads()} thread(s), load {row.LoadAverage}: R-operator phases{(extra.FullHessianS is null ? "" : ", then autograd's Hessian")}",
            phases, paper ? [("PyTorch reference (not re-measured here)", BenchReport.PyTorchSeconds), ($"goal: {BenchReport.GoalSeconds} s", BenchReport.GoalSeconds)] : []);
        return checks;
    }

    /// <summary>The single bench's comparisons beyond the sweep's phases.</summary>
    internal sealed class Extra
    {
        public double? GradientMs { get; set; }
        public double? HvpMs { get; set; }
        public double? FullHessianS { get; set; }

        /// <summary>The R-operator Hessian with its diagonal blocks contracted over symmetric pairs (<see cref="HessianAssembly.Symmetric"/>), timed in the same run as the default.</summary>
        public double? SymmetricAssemblyS { get; set; }

        /// <summary>Its CPU time.</summary>
        public double? SymmetricAssemblyCpuS { get; set; }

        /// <summary>The default assembly's Hessian timed again, warm (the row's timing may be its first call), just before the symmetric one: the two to compare.</summary>
        public double? WarmS { get; set; }

        /// <summary>Its CPU time.</summary>
        public double? WarmCpuS { get; set; }

        /// <summary>The headline (<see cref="BenchHeadline"/>); null when the eigendecomposition was not run.</summary>
        public BenchHeadline? Headline { get; set; }

        /// <summary>The symmetric assembly's flops (<see cref="MlpObjective.Flops"/>).</summary>
        public double? SymmetricAssemblyFlops { get; set; }
        public double? Agreement { get; set; }
        public double? Lanczos30S { get; set; }
        public double? LanczosMax { get; set; }
        public double? HutchinsonS { get; set; }
        public double? HutchinsonMean { get; set; }
        public double? HutchinsonStandardError { get; set; }
        public double? ExactTrace { get; set; }

        public void Measure(BenchNet b, BenchMeasure.Outcome o, int repeats, Runs.IRunLog log)
        {
            log.Line("the symmetric assembly, autograd on the same loss, then Lanczos and Hutchinson on the R-operator's HVPs ...");
            var symmetric = new MlpObjective(b.Net, b.Inputs, b.Labels) { ChunkElements = b.Objective.ChunkElements, Assembly = HessianAssembly.Symmetric };
            SymmetricAssemblyFlops = symmetric.Flops().Total;
            (WarmS, WarmCpuS, _) = b.Hessian(warmUp: false);
            (SymmetricAssemblyS, SymmetricAssemblyCpuS, _) = b.Hessian(warmUp: true, symmetric);
            if (o.Spectrum is not null)
            {
                log.Line($"the headline: {BenchHeadline.Repeats} repeats of the symmetric assembly's Hessian plus its spectrum ...");
                Headline = BenchHeadline.Measure(() => SymmetricSpectrum.Of(TorchObjective.Symmetrised(symmetric.Hessian(b.Theta)).H));
            }
            var autograd = new TorchObjective(th => nn.functional.cross_entropy(b.Net.Logits(th, b.Inputs), b.Labels), b.Parameters);
            autograd.ValueAndGradient(b.Theta);
            autograd.HessianVectorProduct(b.Theta, b.Direction);
            GradientMs = BenchTiming.Median(repeats, () => autograd.ValueAndGradient(b.Theta)).Wall * 1e3;
            HvpMs = BenchTiming.Median(repeats, () => autograd.HessianVectorProduct(b.Theta, b.Direction)).Wall * 1e3;
            Matrix<double> ha = null!;
            FullHessianS = BenchTiming.Time(() => ha = autograd.Hessian(b.Theta)).Wall;
            if (o.Hessian is { } h) Agreement = (h - ha).Enumerate().Max(Math.Abs) / ha.Enumerate().Max(Math.Abs);
            Lanczos lanczos = null!;
            Lanczos30S = BenchTiming.Time(() => lanczos = Lanczos.Run(u => b.Objective.HessianVectorProduct(b.Theta, u), b.Parameters, 30, Runs.SeedStreams.For(1, "hessian-bench-lanczos"))).Wall;
            LanczosMax = lanczos.Ritz().Values[^1];
            (double Mean, double StandardError) hutch = default;
            HutchinsonS = BenchTiming.Time(() => hutch = HutchinsonTrace.Estimate(u => b.Objective.HessianVectorProduct(b.Theta, u), b.Parameters, 20, Runs.SeedStreams.For(2, "hessian-bench-hutchinson"))).Wall;
            (HutchinsonMean, HutchinsonStandardError) = hutch;
            ExactTrace = o.Spectrum?.Values.Sum();
        }
    }

    private static string Markdown(BenchSettings s, BenchRow r, Extra a, IReadOnlyList<Runs.Check> checks)
    {
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine($"# Hessian timing: {r.Net} tanh net, {r.NParams} parameters, mean cross-entropy");
        md.AppendLine();
        md.Append(BenchReport.Protocol(s));
        md.AppendLine($"- Headline: {BenchHeadline.Rule}.");
        md.AppendLine($"- Load average when the net finished: {r.LoadAverage}. Peak memory: {r.PeakMemoryMb:F0} MiB ({r.PeakMemoryScope}); the dense Hessian is {r.DenseHessianMb:F1} MiB.");
        md.AppendLine();
        md.AppendLine("| phase | R-operator (`MlpObjective`), wall | CPU | autograd (`TorchObjective`), wall |");
        md.AppendLine("| --- | ---: | ---: | ---: |");
        md.AppendLine($"| loss + gradient (median of {s.Method.Repeats}) | {r.GradientMs:F2} ms | {r.GradientCpuMs:F2} ms | {a.GradientMs:F2} ms |");
        md.AppendLine($"| Hessian-vector product (median of {s.Method.Repeats}) | {r.HvpMs:F2} ms | {r.HvpCpuMs:F2} ms | {a.HvpMs:F2} ms |");
        md.AppendLine($"| HVP / gradient | {r.HvpOverGradient:F2} | {r.HvpCpuMs / r.GradientCpuMs:F2} | {a.HvpMs / a.GradientMs:F2} |");
        md.AppendLine($"| full Hessian | {r.FullHessianS:F3} s{Star(r.FullHessianSource)} | {r.FullHessianCpuS:F3} s | {a.FullHessianS:F2} s |");
        md.AppendLine($"| full Hessian again, warm (to compare with the next row) | {a.WarmS:F3} s | {a.WarmCpuS:F3} s | |");
        md.AppendLine($"| full Hessian, symmetric assembly (diagonal blocks over pairs, warm) | {a.SymmetricAssemblyS:F3} s | {a.SymmetricAssemblyCpuS:F3} s | |");
        md.AppendLine($"| eigendecomposition (LAPACK, values and vectors) | {r.EigendecompositionS:F3} s{Star(r.EigendecompositionSource)} | {r.EigendecompositionCpuS:F3} s | |");
        md.AppendLine($"| full Hessian + eigendecomposition (the first full Hessian row plus the row above) | {r.FullHessianPlusSpectrumS:F3} s | {r.FullHessianPlusSpectrumCpuS:F3} s | |");
        if (a.Headline is { } head)
            md.AppendLine($"| **full Hessian + spectrum** (symmetric assembly, one unit; median of {head.Walls.Count} [min, max]) | **{head.Median:F3} s** [{head.Min:F3}, {head.Max:F3}] | {head.MedianCpu:F3} s | |");
        md.AppendLine($"| 30 Lanczos steps (HVPs, full reorthogonalisation) | {a.Lanczos30S:F3} s | | |");
        md.AppendLine($"| Hutchinson trace, 20 Rademacher probes | {a.HutchinsonS:F3} s | | |");
        md.AppendLine();
        foreach (var (phase, source) in new[] { ("full Hessian", r.FullHessianSource), ("eigendecomposition", r.EigendecompositionSource) }.Where(p => p.Item2 != BenchRow.Measured))
            md.AppendLine($"`*` {phase}: {source}.");
        md.AppendLine(Flops(r, a));
        md.AppendLine($"HVP / gradient of the R-operator: {r.HvpOverGradient:F2} ({(r.HvpOverGradient <= 2 ? "within" : "above")} the goal of at most 2 gradients).");
        md.AppendLine($"Trace: exact {a.ExactTrace?.ToString("G6", inv) ?? "n/a"}, Hutchinson {a.HutchinsonMean?.ToString("G6", inv)} ± {a.HutchinsonStandardError?.ToString("G2", inv)}; " +
            $"lambda_max {r.LambdaMax?.ToString("G6", inv) ?? "n/a"} (Lanczos, 30 steps: {a.LanczosMax?.ToString("G6", inv)}); relative asymmetry removed by symmetrising {r.RelativeAsymmetry:G2}.");
        md.AppendLine();
        md.AppendLine("Checks:");
        md.AppendLine();
        foreach (var c in checks) md.AppendLine($"- {c}");
        md.AppendLine();
        md.AppendLine(BenchReport.PyTorchReference);
        if (r.NParams == 765 && r.NSamples == BenchData.DigitsSamples)
            md.Append(Publishing.Headline.Wrap(a.Headline?.Statement(r.NParams, r.LoadAverage) ?? BenchReport.AgainstReference(r)));
        return md.ToString();
    }

    /// <summary>The flops of the phases (counted from the code, or nominal for LAPACK) and the rates achieved.</summary>
    private static string Flops(BenchRow r, Extra a)
    {
        var inv = CultureInfo.InvariantCulture;
        string G(double? flops) => flops is { } f ? (f / 1e9).ToString("F2", inv) : "n/a";
        string Rate(double? rate) => rate is { } x ? $"{x.ToString("F1", inv)} GFLOP/s" : "n/a (extrapolated)";
        return $"Flops: the full Hessian {G(r.FullHessianFlops)} GFLOP counted from its code (matrix products at 2 per multiply-add plus the elementwise work building their operands; " +
            $"the symmetric assembly {G(a.SymmetricAssemblyFlops)} GFLOP; 2 n_samples n_params^2 = {G(2.0 * r.NSamples * r.NParams * r.NParams)} GFLOP for comparison), achieved {Rate(r.FullHessianGflopPerS)} " +
            $"(symmetric assembly {Rate(a.SymmetricAssemblyFlops / a.SymmetricAssemblyS / 1e9)}); the eigendecomposition {G(r.EigendecompositionFlops)} GFLOP nominal ((4/3 + 2) n^3, reduction and back-transformation; " +
            $"divide and conquer adds at most about 4/3 n^3), achieved {Rate(r.EigendecompositionGflopPerS)} on that count.";
    }

    private static string Star(string source) => source == BenchRow.Measured ? "" : " *";
}
