using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Networks;
using SymmetryProofs.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetryProofs.Checking;

/// <summary>
/// A model f: R^n -> R^m as the checker sees it: a batch [B, n] in (handed to the model as [B, ...axes], for
/// example [B, C, h, w] or [B, N, k]), [B, m] out (any output [B, ...] flattened row-major), evaluated in the
/// model's own dtype (float32 or float64) but always handed back in float64, and a float64 twin (the
/// same weights in float64) that separates float32 rounding from a real violation. Built from a
/// TorchSharp module, a TorchScript file, a function of tensors, a MathNet function or an <see cref="Mlp"/>.
/// </summary>
public sealed class CheckedModel
{
    private readonly Func<ScalarType, Tensor, Tensor> forward;

    /// <summary>What the model is, as a person reads it.</summary>
    public string Name { get; }

    /// <summary>n: the number of input coordinates.</summary>
    public int InputDimension { get; }

    /// <summary>The dtype the model computes in: float32 or float64.</summary>
    public ScalarType Dtype { get; }

    /// <summary>The axes of one input as the model takes it (the batch axis goes in front); [n] for a flat input.</summary>
    public IReadOnlyList<int> InputAxes { get; private init; }

    /// <summary>Whether autograd reaches the input (TorchSharp and TorchScript models, Mlp); a MathNet function is searched without gradients.</summary>
    public bool Differentiable { get; }

    /// <summary>
    /// Whether the model has a float64 twin. False for a model that pins float32 inside its forward (<c>x.float()</c>):
    /// it is checked in float32 and its rounding floor is estimated (<see cref="CheckOptions.PinnedFloat32Floor"/>), not measured.
    /// </summary>
    public bool HasTwin { get; private init; } = true;

    /// <param name="name">How reports name the model.</param>
    /// <param name="inputDimension">n: the number of input coordinates.</param>
    /// <param name="dtype">The dtype the model computes in: float32 or float64.</param>
    /// <param name="differentiable">Whether autograd reaches the input.</param>
    /// <param name="forward">The model at a dtype: takes [B, n] in that dtype, returns [B, m] (or [B]) in that dtype.</param>
    public CheckedModel(string name, int inputDimension, ScalarType dtype, bool differentiable, Func<ScalarType, Tensor, Tensor> forward)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (inputDimension < 1) throw new ArgumentOutOfRangeException(nameof(inputDimension), inputDimension, "A model needs at least one input coordinate.");
        if (dtype != ScalarType.Float32 && dtype != ScalarType.Float64) throw new ArgumentException($"Model dtype {dtype}: expected float32 or float64.", nameof(dtype));
        Name = name;
        InputDimension = inputDimension;
        Dtype = dtype;
        Differentiable = differentiable;
        this.forward = forward ?? throw new ArgumentNullException(nameof(forward));
        InputAxes = [inputDimension];
    }

    /// <summary>The same model handed its inputs as [B, ...<paramref name="axes"/>] (row-major), for example [B, C, h, w].</summary>
    public CheckedModel WithInputAxes(IReadOnlyList<int> axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        if (axes.Count == 0 || axes.Any(a => a < 1) || axes.Aggregate(1L, (p, a) => p * a) != InputDimension)
            throw new ArgumentException($"Input axes [{string.Join(", ", axes)}] do not hold the {InputDimension} inputs of {Name}.", nameof(axes));
        if (axes.Count == 1) return this;
        var shape = axes.Select(a => (long)a).ToArray();
        return new CheckedModel(Name, InputDimension, Dtype, Differentiable, (d, x) => forward(d, x.reshape([x.shape[0], .. shape]))) { InputAxes = axes.ToArray(), HasTwin = HasTwin };
    }

    /// <summary>
    /// The same model checked in float32 without a float64 twin: for a model whose forward casts to float32 (its twin fails
    /// to mix float32 and float64, or returns float32 when handed float64). <see cref="EvaluateTwin"/> is then the float32 model.
    /// </summary>
    public CheckedModel WithoutTwin()
    {
        // The model still runs in the dtype it was loaded in (its parameters' dtype): it is its casts that make it float32.
        var loaded = Dtype;
        return new(Name, InputDimension, ScalarType.Float32, Differentiable, (_, x) => forward(loaded, x.to_type(loaded))) { InputAxes = InputAxes, HasTwin = false };
    }

    /// <summary>The dtype of the model's raw output on <paramref name="x"/> (float64 [B, n]) when run at <paramref name="dtype"/>: float32 from a float64 run means the model casts to float32 inside.</summary>
    internal ScalarType OutputDtype(ScalarType dtype, Tensor x)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        return forward(dtype, x.to_type(dtype)).dtype;
    }

    /// <summary>f(x) in the model's dtype, returned as float64 [B, m]; differentiable in <paramref name="x"/> (float64 [B, n]) when <see cref="Differentiable"/>.</summary>
    public Tensor Evaluate(Tensor x) => At(Dtype, x);

    /// <summary>The float64 twin f64(x): the same model in float64 (itself for a float64 model).</summary>
    public Tensor EvaluateTwin(Tensor x) => At(HasTwin ? ScalarType.Float64 : Dtype, x);

    private Tensor At(ScalarType dtype, Tensor x)
    {
        var y = forward(dtype, x.to_type(dtype));
        if (y.dim() == 1) y = y.unsqueeze(1);
        // The model's fault, not the checker's: bad input (exit 2), whichever batch first shows it.
        if (y.dim() < 2 || y.shape[0] != x.shape[0])
            throw new InputException($"{Name}: a batch of {x.shape[0]} inputs gave an output of shape [{string.Join(", ", y.shape)}]; expected [{x.shape[0]}, ...] (or [{x.shape[0]}]).");
        if (y.dim() > 2) y = y.reshape(y.shape[0], -1);
        if (!y.is_floating_point())
            throw new InputException($"{Name}: its output has dtype {y.dtype.ToString().ToLowerInvariant()}; expected a float tensor.");
        return y.to_type(ScalarType.Float64);
    }

    /// <summary>A TorchSharp module; its float64 twin is the module converted in place to float64 and back (exact: float32 weights are float64 numbers).</summary>
    public static CheckedModel FromModule(string name, int inputDimension, nn.Module<Tensor, Tensor> module, ScalarType dtype)
    {
        ArgumentNullException.ThrowIfNull(module);
        module.to(dtype);
        var current = dtype;
        return new(name, inputDimension, dtype, true, (d, x) =>
        {
            if (d != current) { module.to(d); current = d; }
            return module.forward(x);
        });
    }

    /// <summary>A function of tensors that computes in the dtype of its input (TorchScript source, hand-written nets).</summary>
    public static CheckedModel FromTensorFunction(string name, int inputDimension, ScalarType dtype, Func<Tensor, Tensor> function) =>
        new(name, inputDimension, dtype, true, (_, x) => function(x));

    /// <summary>A MathNet function (float64, no gradients: the search perturbs inputs instead of ascending a gradient).</summary>
    public static CheckedModel FromFunction(string name, int inputDimension, Func<Vector<double>, Vector<double>> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return new(name, inputDimension, ScalarType.Float64, false, (_, x) =>
        {
            int b = (int)x.shape[0];
            var flat = x.detach().contiguous().data<double>().ToArray();
            var rows = Enumerable.Range(0, b).Select(i => function(Vector<double>.Build.DenseOfArray(flat.AsSpan(i * inputDimension, inputDimension).ToArray())).ToArray()).ToArray();
            int m = rows[0].Length;
            return Tensors.Float64(rows.SelectMany(r => r).ToArray(), new long[] { b, m });
        });
    }

    /// <summary>The library's <see cref="Mlp"/> (float64), through its TorchSharp twin <see cref="TorchMlp"/> (same weights, autograd).</summary>
    public static CheckedModel FromMlp(string name, Mlp net)
    {
        ArgumentNullException.ThrowIfNull(net);
        var twin = TorchMlp.Like(net);
        var theta = twin.Pack(net).DetachFromDisposeScope();
        return new(name, net.InputDim, ScalarType.Float64, true, (_, x) => twin.Logits(theta, x));
    }
}
