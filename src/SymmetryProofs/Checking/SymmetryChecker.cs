using SymmetryProofs.Runtime;
using SymmetryProofs.Representations;
using SymmetryProofs.Symmetry;
using static TorchSharp.torch;

namespace SymmetryProofs.Checking;

/// <summary>
/// Proves or refutes f(U(g) x) = rho(g) f(x) for a model, a group and a declared output representation by
/// search, not only sampling: random trials (Gaussian inputs, uniform or Haar elements), then
/// error ascent from the worst trials with restarts (<see cref="ErrorAscent"/>), then a verdict on the
/// best cases found (excess error over the float32 rounding floor against
/// <see cref="CheckOptions.Float64Tolerance"/>), then shrinking of the worst violating case.
/// The ascent climbs from the trials in order of error, worst first (a NaN error above every number). The reported worst
/// case is the measured case of largest excess (NaN above every number); of equally bad cases, the ascent's ends (in the
/// order of its runs) come before the re-measured worst trial, and that before the trials in the order drawn, so a tie
/// names the case the search climbed to.
/// Everything is drawn from the seed, so the same options regenerate the same report.
/// </summary>
public static class SymmetryChecker
{
    /// <summary>Runs the check with the group acting on the model's inputs by its own matrices U(g) (the defining representation).</summary>
    public static CheckReport Run(CheckedModel model, IGroupAction group, OutputDeclaration output, CheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(group);
        return Run(model, InputDeclaration.Flat(group), output, options);
    }

    /// <summary>
    /// Runs the check of f(rho_in(g) x) = rho_out(g) f(x), rho_in declared by <paramref name="input"/>. Bad input (sizes that
    /// do not match, a model that does not take its input tensor, an output representation that is not one) is a <see cref="InputException"/>.
    /// </summary>
    public static CheckReport Run(CheckedModel model, InputDeclaration input, OutputDeclaration output, CheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int n = model.InputDimension;
        var group = input.Group;
        if (n != input.Dimension)
            throw new InputException($"{model.Name} takes {n} inputs but {input.Representation.Name} acts on R^{input.Dimension}.");
        var rng = new Random(options.Seed);
        var counter = new EvaluationCounter();
        var action = new InputAction(input.Representation);
        var elements = new ElementSpace(input.Representation);
        var tolerance = CheckOptions.Float64Tolerance;

        // Budget: a fifth on random trials (a tenth of the budget in cases of 2 evaluations, at least 8 cases, so a budget below 80
        // spends more on them), the rest on ascent less a reserve for the verdict's re-measurement of the ascents' ends and the worst trial.
        // The fixed costs are the probe (1 input; 2 for a float32 model, which also runs its twin), the trials and the verdict's
        // parallel + 1 cases, each case perCase evaluations (x and g x, and their twin's for a float32 model with one). Where 8
        // trials do not fit beside the probe and the verdict (budgets below 21 for a float64 model, 22 for a float32 model without
        // a twin, 42 with one), the trials are as many as fit, at least one at CheckOptions.MinimumBudget (16 - 2 - 2 x 4 = 6 leaves one case of 4).
        int parallel = Math.Clamp(options.Budget / 250, 1, 8);
        var first = elements.Draw(ErrorAscent.Gaussian(n, rng), rng);
        model = PinnedFloat32(model, first);
        int perCase = model.Dtype == ScalarType.Float32 && model.HasTwin ? 4 : 2;
        int probeCost = model.Dtype == ScalarType.Float32 ? 2 : 1, verdictEvaluations = perCase * (parallel + 1);
        int trials = Math.Min(Math.Max(8, options.Budget / 10), (options.Budget - probeCost - verdictEvaluations) / perCase);
        SearchCase[] cases = [first, .. Enumerable.Range(1, trials - 1).Select(_ => elements.Draw(ErrorAscent.Gaussian(n, rng), rng))];
        var rho = Probe(model, counter, cases[0], output, input.Representation);
        var measurer = new CaseMeasurer(model, action, rho, counter);
        var measured = measurer.Measure(cases);
        var statistics = new ErrorStatistics();
        foreach (var m in measured) statistics.Add(m.Case.Element, m.Error);

        var starts = measured.OrderByDescending(m => double.IsNaN(m.Error) ? double.PositiveInfinity : m.Error).Select(m => (m.Case, m.Error)).ToArray();
        int verdictCost = verdictEvaluations + perCase;
        var ascent = new ErrorAscent(model, action, rho, elements, counter, measurer.Scale);
        var climbed = ascent.Climb(starts, parallel, options.Budget - counter.Count - verdictCost, rng);
        var finals = measurer.Measure(climbed.Take(parallel).Append(starts[0].Case).ToArray());
        var best = finals.Concat(measured)
            .OrderByDescending(m => double.IsNaN(m.Excess) ? double.PositiveInfinity : m.Excess).First();
        foreach (var m in finals) statistics.Add(m.Case.Element, m.Error);
        int searchEvaluations = counter.Count, distinctInputs = counter.Distinct;

        bool passed = tolerance.Accepts(best.Excess);
        var shrunk = passed ? best : new Shrinker(measurer, elements, tolerance, counter).Shrink(best, options.ShrinkBudget);
        return new CheckReport
        {
            Model = model.Name,
            Group = group.Name,
            InputRepresentation = input.Representation.Name,
            OutputRepresentation = output.Name,
            Dtype = model.Dtype,
            Passed = passed,
            Trials = trials,
            Evaluations = searchEvaluations,
            DistinctInputs = distinctInputs,
            ShrinkEvaluations = counter.Count - searchEvaluations,
            Worst = best,
            Shrunk = shrunk,
            Tolerance = tolerance,
            RoundingFloor = finals.Max(m => m.Floor),
            FloorSource = model.Dtype == ScalarType.Float64 ? "none: a float64 model is compared with the tolerance directly"
                : model.HasTwin ? "measured against the float64 twin at each case"
                : $"estimated, not measured: the model casts to float32 inside forward, so it has no float64 twin; 64 u = {CheckOptions.PinnedFloat32Floor:G3} (u = 2^-24, the float32 unit roundoff)",
            Scale = measurer.Scale,
            PerElement = statistics.Rows,
            Seed = options.Seed,
            Budget = options.Budget,
        };
    }

    /// <summary>Re-measures one case (a counterexample, or one edited by hand) with the error's denominator floor <paramref name="scale"/> of a report.</summary>
    public static MeasuredCase Measure(CheckedModel model, IGroupAction group, OutputDeclaration output, SearchCase c, double scale)
    {
        ArgumentNullException.ThrowIfNull(group);
        return Measure(model, InputDeclaration.Flat(group), output, c, scale);
    }

    /// <summary>As <see cref="Measure(CheckedModel, IGroupAction, OutputDeclaration, SearchCase, double)"/> with a declared input action.</summary>
    public static MeasuredCase Measure(CheckedModel model, InputDeclaration input, OutputDeclaration output, SearchCase c, double scale)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(c);
        var counter = new EvaluationCounter();
        model = PinnedFloat32(model, c);
        var measurer = new CaseMeasurer(model, new InputAction(input.Representation), Probe(model, counter, c, output, input.Representation), counter, scale);
        return measurer.Measure([c])[0];
    }

    /// <summary>
    /// The model as it can be checked: itself, or <see cref="CheckedModel.WithoutTwin"/> when it pins float32 inside forward,
    /// seen on one input as a float32 model whose float64 twin fails by mixing float32 and float64, or as a model whose run in
    /// float64 returns float32. Any other failure is left for <see cref="Probe"/> to report.
    /// </summary>
    internal static CheckedModel PinnedFloat32(CheckedModel model, SearchCase first)
    {
        if (!model.HasTwin) return model;
        using var scope = NewDisposeScope();
        var x = Tensors.Float64(first.X, new long[] { 1, first.X.Length });
        try
        {
            if (model.OutputDtype(ScalarType.Float64, x) == ScalarType.Float32) return model.WithoutTwin();
        }
        catch (Exception e) when (e is not InputException and not OutOfMemoryException)
        {
            if (model.Dtype == ScalarType.Float32 && TorchMessages.MixesFloat32AndFloat64(e.Message)) return model.WithoutTwin();
        }
        return model;
    }

    /// <summary>Checks, on one input, that the model takes its input tensor; returns the declared representation on its outputs.</summary>
    internal static Representation Probe(CheckedModel model, EvaluationCounter counter, SearchCase first, OutputDeclaration output, Representation input)
    {
        double[][] y;
        try
        {
            y = CaseMeasurer.Outputs(model, counter, [first.X]);
        }
        catch (Exception e) when (e is not InputException and not OutOfMemoryException)
        {
            throw new InputException($"{model.Name}: its forward does not take a float tensor of shape [batch, {string.Join(", ", model.InputAxes)}] ({TorchMessages.Reason(e.Message)}){Hint(model, e.Message, twin: false)}.");
        }
        if (model.Dtype == ScalarType.Float32)
        {
            // The float64 twin separates float32 rounding from a violation; a model that pins float32 inside forward has none.
            try { CaseMeasurer.Outputs(model, counter, [first.X], twin: true); }
            catch (Exception e) when (e is not InputException and not OutOfMemoryException)
            {
                throw new InputException($"{model.Name}: its float64 twin (the same parameters in float64) fails ({TorchMessages.Reason(e.Message)}){Hint(model, e.Message, twin: true)}.");
            }
        }
        int m = y[0].Length;
        if (output.RequiredOutputs(input) is int required && required != m)
            throw new InputException($"{model.Name} has {m} outputs; output representation '{output.Name}' of {input.Group.Name} needs {required}.");
        try { return output.For(input, m); }
        catch (ArgumentException e) { throw new InputException($"output representation '{output.Name}': {e.Message}"); }
    }

    /// <summary>What to do about a model that failed in float64 because it casts to float32 inside forward; empty otherwise.</summary>
    internal static string Hint(CheckedModel model, string message, bool twin)
    {
        if (!TorchMessages.MixesFloat32AndFloat64(message)) return "";
        return twin || model.Dtype == ScalarType.Float32
            ? ": the model mixes float32 and float64 inside forward"
            : ": the model casts to float32: use --dtype float32 (it is then checked in float32 with an estimated rounding floor; cast to the parameters' dtype, x.to(w.dtype), for a measured one)";
    }

    /// <summary>A failure of the model (or its twin) while it was being searched, as one line of bad input naming <paramref name="source"/>.</summary>
    public static InputException ModelFault(CheckedModel model, string source, Exception e)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(e);
        return new InputException($"{source}: the model raised while being checked ({TorchMessages.Reason(e.Message)}){Hint(model, e.Message, twin: model.Dtype == ScalarType.Float32)}.", e);
    }
}
