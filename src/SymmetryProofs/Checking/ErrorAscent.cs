using TorchSharp;
using SymmetryProofs.Representations;
using SymmetryProofs.Runtime;
using static TorchSharp.torch;

namespace SymmetryProofs.Checking;

/// <summary>
/// The targeted part of the search: from starting cases, climbs the equivariance error over the
/// input (and over t for a Lie group). A differentiable model climbs by normalised gradient ascent
/// on log |f(gx) - rho(g) f(x)|^2 - 2 log D through autograd (normalised, so an error of 1e-13 in the
/// tail of a bump climbs as fast as one of 1e-1); a MathNet function by random-direction steps.
/// A float32 model climbs on its float64 twin: float32 rounding hides errors below its resolution
/// (about 6e-8 relative) and adds noise a gradient would chase; the verdict still reads the float32 model.
/// A step that lowers the error is refused and halves that run's step; one that raises it grows the
/// step by half. A run whose step has collapsed restarts from the next starting case.
/// </summary>
internal sealed class ErrorAscent(CheckedModel model, InputAction input, Representation output, ElementSpace elements, EvaluationCounter counter, double scale)
{
    /// <summary>
    /// The search stays in the box [-4, 4]^n: trials are standard normal (each coordinate outside the
    /// box with probability 6e-5), and an error found far outside the data's scale says little about a model.
    /// </summary>
    public const double InputBound = 4;

    private sealed class Run(SearchCase start, double error, double step)
    {
        public SearchCase Case = start;
        public double Error = error;
        public double Step = step;
        public double[]? GradX;
        public double[]? GradT;
    }

    /// <summary>Climbs from <paramref name="starts"/> (worst first) with <paramref name="parallel"/> runs until <paramref name="budget"/> evaluations are spent; returns every run's best case.</summary>
    public List<SearchCase> Climb(IReadOnlyList<(SearchCase Case, double Error)> starts, int parallel, int budget, Random rng)
    {
        int n = model.InputDimension;
        double step0 = 0.25 * Math.Sqrt(n), minStep = 1e-6 * step0;
        int cost = (model.Differentiable ? 4 : 2);
        int next = 0;
        probes = new InputProbes(n, rng);
        var runs = new List<Run>();
        var finished = new List<SearchCase>();
        while (runs.Count < parallel && next < starts.Count) runs.Add(new Run(starts[next++].Case, double.NegativeInfinity, step0));
        int spent = 0;
        while (runs.Count > 0 && spent + cost * runs.Count <= budget)
        {
            // A run not yet evaluated (error -infinity) is evaluated where it starts, for its first gradient.
            var proposals = runs.Select(r => double.IsNegativeInfinity(r.Error) ? r.Case : Propose(r, rng)).ToArray();
            var (errors, gx, gt) = Evaluate(proposals);
            spent += cost * runs.Count;
            for (int i = 0; i < runs.Count; i++)
            {
                var r = runs[i];
                bool fresh = double.IsNegativeInfinity(r.Error);
                if (fresh || errors[i] >= r.Error)
                {
                    r.Case = proposals[i];
                    r.Error = errors[i];
                    // At an error of exactly 0 only the denominator's gradient is left: no direction towards a violation.
                    r.GradX = errors[i] > 0 ? gx?[i] : null;
                    r.GradT = errors[i] > 0 ? gt?[i] : null;
                    if (!fresh) r.Step *= 1.5;
                }
                else r.Step *= 0.5;
            }
            for (int i = runs.Count - 1; i >= 0; i--)
            {
                if (runs[i].Step >= minStep) continue;
                finished.Add(runs[i].Case);
                runs.RemoveAt(i);
                if (next < starts.Count) { runs.Add(new Run(starts[next++].Case, double.NegativeInfinity, step0)); }
            }
        }
        finished.AddRange(runs.Select(r => r.Case));
        return finished;
    }

    private InputProbes? probes;

    private SearchCase Propose(Run r, Random rng)
    {
        var dx = Unit(r.GradX);
        // Error exactly 0 and no gradient: explore new inputs (InputProbes) with a fresh element, never the same points again.
        if (dx is null && r.Error == 0 && probes is not null)
        {
            return elements.Draw(probes.Next(r.Case.X, InputBound), rng);
        }
        // No gradient at a non-zero error (a MathNet model): a finite group's case also tries another element.
        if (dx is null && !elements.Continuous && model.Differentiable) return elements.Draw(r.Case.X, rng);
        dx ??= Unit(Gaussian(r.Case.X.Length, rng))!;
        var x = r.Case.X.Select((v, i) => Math.Clamp(v + r.Step * dx[i], -InputBound, InputBound)).ToArray();
        if (!elements.Continuous) return r.Case with { X = x };
        var dt = Unit(r.GradT) ?? Unit(Gaussian(r.Case.T!.Length, rng))!;
        double stepT = r.Step / (0.25 * Math.Sqrt(model.InputDimension)) * elements.TimeScale;
        return elements.At(x, r.Case.T!.Select((v, a) => v + stepT * dt[a]).ToArray());
    }

    /// <summary>The error at each case, with its gradient in x (and t) when the model is differentiable.</summary>
    private (double[] Errors, double[][]? GradX, double[][]? GradT) Evaluate(IReadOnlyList<SearchCase> cases)
    {
        using var scope = NewDisposeScope();
        int b = cases.Count, n = model.InputDimension;
        bool grad = model.Differentiable;
        var x = Tensors.Float64(cases.SelectMany(c => c.X).ToArray(), new long[] { b, n }).requires_grad_(grad);
        Tensor? t = elements.Continuous ? Tensors.Float64(cases.SelectMany(c => c.T!).ToArray(), new long[] { b, cases[0].T!.Length }).requires_grad_(grad) : null;
        var u = t is not null ? elements.Matrices(t) : Tensors.Float64(cases.SelectMany(c => input.Matrix(c.Element).ToRowMajorArray()).ToArray(), new long[] { b, n, n });
        var gx = u.bmm(x.unsqueeze(2)).squeeze(2);
        Tensor y;
        using (var _ = grad ? null : no_grad()) y = model.EvaluateTwin(cat(new[] { x, gx }, 0));
        counter.Add(2 * b);
        counter.Saw(cases.Select(c => c.X));
        counter.Saw(Rows(gx.detach(), b));
        var expected = BatchedOutputs.Apply(output, input.Representation, cases, u, t, y.narrow(0, 0, b));
        var actual = y.narrow(0, b, b);
        // Explicit scalars, alive until libtorch has read them (Runtime/Scalars: implicit ones can be freed mid-call).
        using var floor = Scalars.Of(Math.Max(scale, 1e-300));
        var diff2 = (actual - expected).pow(Scalars.Two).sum(1);
        var denominator = (actual.norm(1) + expected.norm(1)).clamp_min(floor);
        var errors = (diff2.sqrt() / denominator).detach().data<double>().ToArray();
        if (!grad) return (errors, null, null);
        var objective = (diff2.add(Scalars.Tiny).log() - denominator.log().mul(Scalars.Two)).sum();
        // A model whose output autograd cannot trace back (a constant, a detached output) gives no gradient: the steps fall back to random directions.
        if (!objective.requires_grad) return (errors, null, null);
        objective.backward();
        counter.Add(2 * b);
        return (errors, x.grad is null ? null : Rows(x.grad, b), t?.grad is null ? null : Rows(t.grad, b));
    }

    private static double[][] Rows(Tensor g, int b)
    {
        var flat = g.contiguous().data<double>().ToArray();
        int w = flat.Length / b;
        return Enumerable.Range(0, b).Select(i => flat.AsSpan(i * w, w).ToArray()).ToArray();
    }

    private static double[]? Unit(double[]? v)
    {
        if (v is null || !v.All(double.IsFinite)) return null;
        double norm = Math.Sqrt(v.Sum(a => a * a));
        return norm > 0 && double.IsFinite(norm) ? v.Select(a => a / norm).ToArray() : null;
    }

    public static double[] Gaussian(int n, Random rng) =>
        Enumerable.Range(0, n).Select(_ => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble())).ToArray();
}
