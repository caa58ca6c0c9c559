using System.Diagnostics;
using System.Globalization;
using System.Text;
using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Objectives;
using SymmetryProofs.Spectra;
using SymmetryProofs.Networks;
using SymmetryProofs.Runtime;
using SymmetryProofs.IO;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// `hessian bench`: the cost of one gradient, one Hessian-vector product, the full Hessian and its
/// eigendecomposition for the paper's 64-10-5-10 net on 8985 samples (synthetic inputs of the
/// digits' shape and value set, seeded random labels), single-threaded float64.
/// </summary>
public static class HessianBench
{
    /// <summary>Times everything, writes bench.md and bench.json to <paramref name="dir"/> and returns the Markdown.</summary>
    public static string Run(int n, int repeats, bool withBiases, long? chunkElements, string dir, Runs.IRunLog log)
    {
        if (n < 1) throw new Runs.InputException($"--samples: got {n}; expected at least 1.");
        if (repeats < 1) throw new Runs.InputException($"--repeats: got {repeats}; expected at least 1.");
        if (chunkElements is < 1) throw new Runs.InputException($"--chunk-elements: got {chunkElements}; expected at least 1.");
        TorchSetup.Initialise();
        // MathNet's managed provider splits large products and decompositions over threads; one thread keeps a seed's results bit-for-bit repeatable.
        MathNet.Numerics.Control.UseSingleThread();
        using var folder = Runs.OutputFolder.Open(dir, "hessian bench", log);
        var widths = new[] { 64, 10, 5, 10 };
        var rng = new Random(2019);
        var x = Enumerable.Range(0, n * 64).Select(_ => rng.Next(17) / 8.0 - 1).ToArray();
        var y = Enumerable.Range(0, n).Select(_ => (long)rng.Next(10)).ToArray();
        var net = new TorchMlp(widths, withBiases);
        var inputs = Tensors.Float64(x, [n, 64]);
        var labels = Tensors.Int64(y);
        var objective = new TorchObjective(th => nn.functional.cross_entropy(net.Logits(th, inputs), labels), net.ParameterCount);
        var theta = Mlp.Random(widths, withBiases, rng).Flatten();
        var v = Enumerable.Range(0, theta.Length).Select(_ => rng.NextDouble() - 0.5).ToArray();

        var rop = chunkElements is { } elements ? new MlpObjective(net, inputs, labels) { ChunkElements = elements } : new MlpObjective(net, inputs, labels);

        objective.ValueAndGradient(theta);
        objective.HessianVectorProduct(theta, v);
        rop.HessianVectorProduct(theta, v);
        var (grad, gradCpu) = Median(repeats, () => objective.ValueAndGradient(theta));
        var (hvp, hvpCpu) = Median(repeats, () => objective.HessianVectorProduct(theta, v));
        var (ropGrad, ropGradCpu) = Median(repeats, () => rop.ValueAndGradient(theta));
        var (ropHvp, ropHvpCpu) = Median(repeats, () => rop.HessianVectorProduct(theta, v));
        Matrix<double> hAutograd = null!, h = null!;
        var (full, fullCpu) = Time(() => hAutograd = objective.Hessian(theta));
        var (ropFull, ropFullCpu) = Time(() => h = rop.Hessian(theta));
        double agreement = (h - hAutograd).Enumerate().Select(Math.Abs).Max() / hAutograd.Enumerate().Select(Math.Abs).Max();
        SymmetricSpectrum spec = null!;
        double asym = 0;
        var (eig, eigCpu) = Time(() => { var (sym, a) = TorchObjective.Symmetrised(h); asym = a; spec = SymmetricSpectrum.Of(sym); });
        Lanczos lanczos = null!;
        var (lanczosTime, lanczosCpu) = Time(() => lanczos = Lanczos.Run(u => rop.HessianVectorProduct(theta, u), theta.Length, 30, new Random(1)));
        double lanczosMax = lanczos.Ritz().Values[^1];
        (double Mean, double StandardError) hutch = default;
        var (hutchTime, hutchCpu) = Time(() => hutch = HutchinsonTrace.Estimate(u => rop.HessianVectorProduct(theta, u), theta.Length, 20, new Random(2)));
        double exactTrace = spec.Values.Sum();

        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine("# Hessian timing: 64-10-5-10 tanh net, mean cross-entropy");
        md.AppendLine();
        md.AppendLine($"- {n} synthetic samples of the digits' shape (64 inputs with values v/8 - 1, v uniform in 0..16) and uniform random labels 0..9, seed 2019; {(withBiases ? "with biases" : "bias-free")}, {theta.Length} parameters; float64, torch threads = {torch.get_num_threads()}; R-operator Hessian chunk = {rop.ChunkElements} doubles.");
        md.AppendLine($"- .NET {Environment.Version}, TorchSharp {typeof(torch).Assembly.GetName().Version}, {Environment.ProcessorCount} cores. Timings are wall-clock on a shared machine.");
        md.AppendLine();
        md.AppendLine($"Load average when the run ended: {LoadAverage()} (CPU time of this process is given beside wall time: on a shared machine it is the better measure of the work).");
        md.AppendLine();
        md.AppendLine("Two implementations of the same loss: autograd (`TorchObjective`, any TorchSharp loss; HVP by double backward, Hessian rows by repeated backward passes through one retained graph) and the R-operator (`MlpObjective`, this net only; hand-written backpropagation, HVPs by Pearlmutter's forward and backward R-passes, the full Hessian block by block from one R-pass per unit seed at each layer's pre-activations).");
        md.AppendLine();
        md.AppendLine("| operation | autograd: wall | autograd: CPU | R-operator: wall | R-operator: CPU |");
        md.AppendLine("| --- | --- | --- | --- | --- |");
        md.AppendLine($"| loss + gradient (median of {repeats}) | {grad * 1e3:F2} ms | {gradCpu * 1e3:F2} ms | {ropGrad * 1e3:F2} ms | {ropGradCpu * 1e3:F2} ms |");
        md.AppendLine($"| Hessian-vector product (median of {repeats}) | {hvp * 1e3:F2} ms | {hvpCpu * 1e3:F2} ms | {ropHvp * 1e3:F2} ms | {ropHvpCpu * 1e3:F2} ms |");
        md.AppendLine($"| HVP / gradient of the same implementation | {hvp / grad:F2} | {hvpCpu / gradCpu:F2} | {ropHvp / ropGrad:F2} | {ropHvpCpu / ropGradCpu:F2} |");
        md.AppendLine($"| HVP / autograd gradient | | | {ropHvp / grad:F2} | {ropHvpCpu / gradCpu:F2} |");
        md.AppendLine($"| full Hessian ({theta.Length} rows) | {full:F2} s | {fullCpu:F2} s | {ropFull:F2} s | {ropFullCpu:F2} s |");
        md.AppendLine($"| symmetric eigendecomposition ({SymmetricSpectrum.DescribeLapack()}; timed once, on the R-operator Hessian) | {eig:F3} s | {eigCpu:F3} s | {eig:F3} s | {eigCpu:F3} s |");
        md.AppendLine($"| full Hessian + spectrum | {full + eig:F2} s | {fullCpu + eigCpu:F2} s | {ropFull + eig:F2} s | {ropFullCpu + eigCpu:F2} s |");
        md.AppendLine();
        md.AppendLine($"The two Hessians agree to {agreement:G2} of max |H| (different summation orders of the same derivatives).");
        md.AppendLine();
        md.AppendLine("On the R-operator's Hessian and HVPs:");
        md.AppendLine();
        md.AppendLine("| operation | wall time | CPU time |");
        md.AppendLine("| --- | --- | --- |");
        md.AppendLine($"| 30 Lanczos steps (HVPs, full reorthogonalisation) | {lanczosTime:F2} s | {lanczosCpu:F2} s |");
        md.AppendLine($"| Hutchinson trace, 20 Rademacher probes | {hutchTime:F2} s | {hutchCpu:F2} s |");
        md.AppendLine();
        md.AppendLine($"Trace: exact {exactTrace.ToString("G6", inv)}, Hutchinson {hutch.Mean.ToString("G6", inv)} ± {hutch.StandardError.ToString("G2", inv)}.");
        md.AppendLine($"Checks: relative asymmetry of the assembled Hessian {asym:G2}; lambda_max = {spec.Max.ToString("G6", inv)} (Lanczos, 30 steps: {lanczosMax.ToString("G6", inv)}); lambda_min = {spec.Min.ToString("G6", inv)}.");
        md.AppendLine("Reference: PyTorch's torch.autograd.functional.hessian for the same net and data size, single-threaded, was quoted at about 5 s on this machine (not re-run here: no PyTorch installed).");
        AtomicFile.WriteAllText(Path.Combine(dir, "bench.md"), md.ToString());
        AtomicFile.WriteAllText(Path.Combine(dir, "bench.json"), System.Text.Json.JsonSerializer.Serialize(new
        {
            samples = n, parameters = theta.Length, with_biases = withBiases, gradient_ms = grad * 1e3, hvp_ms = hvp * 1e3, hvp_over_gradient = hvp / grad,
            rop_gradient_ms = ropGrad * 1e3, rop_hvp_ms = ropHvp * 1e3, rop_hvp_over_rop_gradient = ropHvp / ropGrad, rop_hvp_over_gradient = ropHvp / grad,
            rop_full_hessian_s = ropFull, rop_vs_autograd_hessian_max_rel = agreement, full_hessian_s = full, eigendecomposition_s = eig, lanczos30_s = lanczosTime, gradient_cpu_ms = gradCpu * 1e3, hvp_cpu_ms = hvpCpu * 1e3,
            full_hessian_cpu_s = fullCpu, eigendecomposition_cpu_s = eigCpu, load_average = LoadAverage(), relative_asymmetry = asym, lambda_max = spec.Max, lambda_max_lanczos = lanczosMax,
        }, new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        return md.ToString();
    }

    private static (double Wall, double Cpu) Median(int repeats, Action action)
    {
        var walls = new double[repeats];
        var cpus = new double[repeats];
        for (int i = 0; i < repeats; i++) (walls[i], cpus[i]) = Time(action);
        Array.Sort(walls);
        Array.Sort(cpus);
        return (walls[repeats / 2], cpus[repeats / 2]);
    }

    /// <summary>Wall time and this process's CPU time (user + system, all threads) of one call.</summary>
    private static (double Wall, double Cpu) Time(Action action)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        var w = Stopwatch.StartNew();
        action();
        double wall = w.Elapsed.TotalSeconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu0).TotalSeconds);
    }

    private static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Split(' ')[0]; }
        catch (IOException) { return "unknown"; }
    }
}
