using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Networks;
using SymmetryProofs.Objectives;
using SymmetryProofs.Runtime;
using SymmetryProofs.Spectra;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>
/// One benchmarked net: a tanh MLP with mean cross-entropy on <c>n</c> synthetic samples of the
/// digits' shape (inputs v/8 - 1 with v uniform in 0..16, labels uniform in 0..widths[^1]-1), at a
/// random parameter point, with the R-operator objective (<see cref="MlpObjective"/>) the
/// experiments use. Owns its tensors: dispose it before building the next net.
/// </summary>
internal sealed class BenchNet : IDisposable
{
    private readonly DisposeScope scope;

    public TorchMlp Net { get; }
    public Tensor Inputs { get; }
    public Tensor Labels { get; }
    public MlpObjective Objective { get; }
    public double[] Theta { get; }

    /// <summary>A fixed random direction for the Hessian-vector products.</summary>
    public double[] Direction { get; }

    public int Parameters => Theta.Length;

    private BenchNet(DisposeScope scope, TorchMlp net, Tensor inputs, Tensor labels, MlpObjective objective, double[] theta, double[] direction)
    {
        this.scope = scope;
        (Net, Inputs, Labels, Objective, Theta, Direction) = (net, inputs, labels, objective, theta, direction);
    }

    /// <summary>Builds the data, the net and the objective from the named seed stream (seed, "hessian-bench").</summary>
    public static BenchNet Build(int[] widths, bool withBiases, int n, long? chunkElements, int seed)
    {
        if (n < 1) throw new InputException($"--samples: got {n}; expected at least 1.");
        if (chunkElements is < 1) throw new InputException($"--chunk-elements: got {chunkElements}; expected at least 1.");
        TorchSetup.Initialise();
        var rng = Runs.SeedStreams.For(seed, "hessian-bench");
        int d = widths[0], classes = widths[^1];
        var x = Enumerable.Range(0, n * d).Select(_ => rng.Next(17) / 8.0 - 1).ToArray();
        var y = Enumerable.Range(0, n).Select(_ => (long)rng.Next(classes)).ToArray();
        var scope = torch.NewDisposeScope();
        var net = new TorchMlp(widths, withBiases);
        var inputs = Tensors.Float64(x, [n, d]);
        var labels = Tensors.Int64(y);
        var objective = chunkElements is { } e ? new MlpObjective(net, inputs, labels) { ChunkElements = e } : new MlpObjective(net, inputs, labels);
        var theta = Mlp.Random(widths, withBiases, rng).Flatten();
        var v = Enumerable.Range(0, theta.Length).Select(_ => rng.NextDouble() - 0.5).ToArray();
        return new BenchNet(scope, net, inputs, labels, objective, theta, v);
    }

    /// <summary>Median wall and CPU seconds of loss + gradient, after one untimed warm-up call.</summary>
    public (double Wall, double Cpu) Gradient(int repeats)
    {
        Objective.ValueAndGradient(Theta);
        return BenchTiming.Median(repeats, () => Objective.ValueAndGradient(Theta));
    }

    /// <summary>Median wall and CPU seconds of one Hessian-vector product, after one untimed warm-up call.</summary>
    public (double Wall, double Cpu) HessianVectorProduct(int repeats)
    {
        Objective.HessianVectorProduct(Theta, Direction);
        return BenchTiming.Median(repeats, () => Objective.HessianVectorProduct(Theta, Direction));
    }

    /// <summary>The full Hessian (R-operator, block by block) of <paramref name="objective"/> (default: <see cref="Objective"/>), timed once, after one untimed call when <paramref name="warmUp"/>.</summary>
    public (double Wall, double Cpu, Matrix<double> H) Hessian(bool warmUp, MlpObjective? objective = null)
    {
        var o = objective ?? Objective;
        if (warmUp) o.Hessian(Theta);
        Matrix<double> h = null!;
        var (wall, cpu) = BenchTiming.Time(() => h = o.Hessian(Theta));
        return (wall, cpu, h);
    }

    /// <summary>Symmetrisation plus the LAPACK eigendecomposition (values and vectors), timed once; with the relative asymmetry it removed.</summary>
    public static (double Wall, double Cpu, SymmetricSpectrum Spectrum, double Asymmetry) Eigendecomposition(Matrix<double> h)
    {
        SymmetricSpectrum spectrum = null!;
        double asymmetry = 0;
        var (wall, cpu) = BenchTiming.Time(() =>
        {
            var (sym, a) = TorchObjective.Symmetrised(h);
            asymmetry = a;
            spectrum = SymmetricSpectrum.Of(sym);
        });
        return (wall, cpu, spectrum, asymmetry);
    }

    public void Dispose() => scope.Dispose();
}
