using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Representations;
using SymmetryProofs.Runtime;
using SymmetryProofs.Symmetry;
using static TorchSharp.torch;

namespace SymmetryProofs.Checking;

/// <summary>
/// Measures cases without gradients: f(x) and f(rho_in(g) x) for a batch in one forward pass, the
/// relative error by <see cref="EquivarianceError.Relative"/> (float64), and for a float32 model the
/// rounding floor from its float64 twin: (|f32(gx) - f64(gx)| + |f32(x) - f64(x)|) / D, D the error's
/// denominator. By the triangle inequality the float32 error exceeds the twin's error by at most
/// that floor, so error - floor above the float64 tolerance is a violation rounding cannot explain. A model that pins
/// float32 inside forward has no twin: its floor is the stated estimate <see cref="CheckOptions.PinnedFloat32Floor"/>.
/// Counts every input passed through the model.
/// </summary>
internal sealed class CaseMeasurer(CheckedModel model, InputAction input, Representation output, EvaluationCounter counter, double scale = double.NaN)
{
    /// <summary>The denominator's floor: the outputs' typical norm, the median |f(x)| over the first batch measured.</summary>
    public double Scale { get; private set; } = scale;

    /// <summary>f(x) for a batch of inputs, float64 rows (model dtype).</summary>
    public double[][] Outputs(IReadOnlyList<double[]> xs, bool twin = false) => Outputs(model, counter, xs, twin);

    /// <summary>f(x) for a batch of inputs, float64 rows (model dtype), counted in <paramref name="counter"/>.</summary>
    public static double[][] Outputs(CheckedModel model, EvaluationCounter counter, IReadOnlyList<double[]> xs, bool twin = false)
    {
        using var scope = NewDisposeScope();
        int n = model.InputDimension;
        var x = Tensors.Float64(xs.SelectMany(v => v).ToArray(), new long[] { xs.Count, n });
        Tensor y;
        using (no_grad()) y = twin ? model.EvaluateTwin(x) : model.Evaluate(x);
        counter.Add(xs.Count);
        counter.Saw(xs);
        int m = (int)y.shape[1];
        var flat = y.contiguous().data<double>().ToArray();
        return Enumerable.Range(0, xs.Count).Select(i => flat.AsSpan(i * m, m).ToArray()).ToArray();
    }

    /// <summary>The error (and float32 floor) of every case.</summary>
    public MeasuredCase[] Measure(IReadOnlyList<SearchCase> cases)
    {
        if (cases.Count == 0) return [];
        var inputs = cases.Select(c => c.X).Concat(cases.Select(c => input.Apply(c.Element, Vector<double>.Build.DenseOfArray(c.X)).ToArray())).ToArray();
        var y = Outputs(inputs);
        var y64 = model.Dtype == ScalarType.Float32 && model.HasTwin ? Outputs(inputs, twin: true) : null;
        if (double.IsNaN(Scale))
        {
            var norms = y.Take(cases.Count).Select(v => Math.Sqrt(v.Sum(a => a * a))).Where(double.IsFinite).Order().ToArray();
            Scale = norms.Length > 0 ? norms[norms.Length / 2] : 0;
        }
        var result = new MeasuredCase[cases.Count];
        for (int i = 0; i < cases.Count; i++)
        {
            var g = cases[i].Element;
            var expected = output.Apply(g, V(y[i]));
            var actual = V(y[cases.Count + i]);
            double error = EquivarianceError.Relative(expected, actual, Scale);
            double floor = 0;
            if (y64 is not null)
            {
                double denominator = Math.Max(expected.L2Norm() + actual.L2Norm(), Scale);
                double rounding = (actual - V(y64[cases.Count + i])).L2Norm() + (V(y[i]) - V(y64[i])).L2Norm();
                floor = denominator > 0 ? rounding / denominator : 0;
            }
            else if (model.Dtype == ScalarType.Float32) floor = CheckOptions.PinnedFloat32Floor;
            result[i] = new MeasuredCase(cases[i], error, floor);
        }
        return result;
    }

    private static Vector<double> V(double[] v) => Vector<double>.Build.DenseOfArray(v);
}

/// <summary>
/// Model evaluations spent (one per input passed forward, one more per input passed backward) and the
/// distinct inputs among them, so a report shows whether the budget explored or re-evaluated the same points.
/// </summary>
internal sealed class EvaluationCounter
{
    private readonly HashSet<(long, long)> seen = [];

    public int Count { get; private set; }

    /// <summary>Distinct inputs passed through the model (bit for bit; a 128-bit hash of each input).</summary>
    public int Distinct => seen.Count;

    public void Add(int inputs) => Count += inputs;

    /// <summary>Records the inputs evaluated (forward), for <see cref="Distinct"/>.</summary>
    public void Saw(IEnumerable<double[]> inputs)
    {
        foreach (var x in inputs)
        {
            ulong a = 14695981039346656037UL, b = 1099511628211UL;
            foreach (var v in x)
            {
                ulong bits = (ulong)BitConverter.DoubleToInt64Bits(v);
                a = (a ^ bits) * 1099511628211UL;
                b = (b + bits) * 0x9E3779B97F4A7C15UL ^ (b >> 29);
            }
            seen.Add(((long)a, (long)b));
        }
    }
}
