using MathNet.Numerics.LinearAlgebra;
using SymmetryProofs.Checking;
using SymmetryProofs.Properties.Support;
using SymmetryProofs.Representations;
using SymmetryProofs.Runtime;
using SymmetryProofs.Symmetry;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace SymmetryProofs.Properties.Checking;

/// <summary>
/// The verdict of <see cref="SymmetryChecker.Run(CheckedModel, IGroupAction, OutputDeclaration, CheckOptions)"/> and the report
/// fields it is read from, on maps of R^2 small enough to run in milliseconds: an exactly invariant map passes with nothing
/// shrunk, a map with an odd part and a map that is NaN on half the plane fail, the worst case is the largest error the
/// search measured, the rounding floor comes from the float64 twin, from the stated estimate or is 0 as the dtype says, the
/// budget is split as stated and never overspent, the ascent climbs from the worst trial, a tie names the ascent's end, and bad
/// input is refused with one line naming the cause.
/// </summary>
public sealed class SymmetryCheckerVerdictTests(ITestOutputHelper output)
{
    private static readonly IGroupAction Inversion = GroupCatalog.Build("inversion", Shape.Vector(2));
    private static readonly IGroupAction So2 = GroupCatalog.Build("so2", Shape.Vector(2));

    static SymmetryCheckerVerdictTests() => TorchSetup.Initialise();

    private static Vector<double> V(params double[] v) => Vector<double>.Build.DenseOfArray(v);

    /// <summary>|x|^2: x_i^2 is the same double for x_i and -x_i, so the error under inversion is exactly 0 at every input.</summary>
    private static CheckedModel Even() => CheckedModel.FromFunction("|x|^2", 2, x => V(x[0] * x[0] + x[1] * x[1]));

    /// <summary>|x|^2 + 0.1 x_1: the odd part makes the relative error under inversion about 0.1 at unit inputs, eight orders above the tolerance.</summary>
    private static CheckedModel WithOddPart() => CheckedModel.FromFunction("|x|^2 + 0.1 x_1", 2, x => V(x[0] * x[0] + x[1] * x[1] + 0.1 * x[0]));

    /// <summary>|x|^2 where x_1 &lt;= 1, NaN beyond: a case (x, -x) meets a NaN when |x_1| &gt; 1 (about a third of Gaussian inputs) and measures exactly 0 otherwise.</summary>
    private static CheckedModel NaNBeyondOne() => CheckedModel.FromFunction("NaN for x_1 > 1", 2, x => V(x[0] > 1 ? double.NaN : x[0] * x[0] + x[1] * x[1]));

    private static CheckReport Run(CheckedModel model, int budget, int seed = 1, IGroupAction? group = null, string outputRep = "trivial", int shrinkBudget = 200) =>
        SymmetryChecker.Run(model, group ?? Inversion, OutputDeclaration.Parse(outputRep), new CheckOptions(budget, seed, shrinkBudget));

    /// <summary>Budgets on both sides of the stated split: a tenth in trials (at least 8), budget / 250 parallel ascents (1 to 8).</summary>
    public static TheoryData<int> Budgets => new() { 40, 200, 600 };

    [Theory]
    [MemberData(nameof(Budgets))]
    public void An_exactly_invariant_map_passes_with_nothing_shrunk_and_the_report_names_what_was_checked(int budget)
    {
        var r = Run(Even(), budget, shrinkBudget: 50);
        output.WriteLine($"{r.Summary}; trials {r.Trials}, rows {string.Join(", ", r.PerElement.Select(e => $"{e.Element}: {e.Count}"))}");
        Assert.True(r.Passed, r.Summary);
        Assert.Equal(0.0, r.Worst.Error);
        // A passing check is not shrunk: the shrunk case is the worst case itself and no shrinking evaluation is spent.
        Assert.Same(r.Worst, r.Shrunk);
        Assert.Equal(0, r.ShrinkEvaluations);
        Assert.Equal(("|x|^2", Inversion.Name, Representation.Defining(Inversion).Name, "trivial", ScalarType.Float64), (r.Model, r.Group, r.InputRepresentation, r.OutputRepresentation, r.Dtype));
        Assert.Equal((1, budget), (r.Seed, r.Budget));
        Assert.Equal(0.0, r.RoundingFloor);
        Assert.StartsWith("none: a float64 model", r.FloorSource, StringComparison.Ordinal);
        AssertBudgetSplit(r, budget);
        // The error's denominator floor is the median output norm of the trials: positive for Gaussian inputs.
        Assert.True(r.Scale > 0, $"scale {r.Scale}");
    }

    /// <summary>
    /// Trials: a tenth of the budget, at least 8. The verdict re-measures budget / 250 (1 to 8) ascent results and the worst
    /// trial, so the per-element statistics count trials + parallel + 1 cases; the search never spends more than its budget,
    /// and spends at least half of it (the ascent gets all but the trials, the probe and the verdict's reserve).
    /// </summary>
    private static void AssertBudgetSplit(CheckReport r, int budget)
    {
        int trials = Math.Max(8, budget / 10), parallel = Math.Clamp(budget / 250, 1, 8);
        Assert.Equal(trials, r.Trials);
        Assert.Equal(trials + parallel + 1, r.PerElement.Sum(e => e.Count));
        // All but a few: the verdict's spare re-measurement (2 evaluations for a float64 model) and the rest of the ascent's
        // last step; 3 to 5 were left at budgets 40 to 600. Reserving a float32 model's 4 per case instead leaves 9 or more.
        Assert.InRange(r.Evaluations, budget - 6, budget);
        Assert.InRange(r.DistinctInputs, 1, r.Evaluations);
    }

    [Theory]
    [MemberData(nameof(Budgets))]
    public void A_map_with_an_odd_part_fails_at_the_largest_error_measured_and_is_shrunk_within_its_budget(int budget)
    {
        var r = Run(WithOddPart(), budget, shrinkBudget: 60);
        output.WriteLine($"{r.Summary}; shrunk {r.Shrunk.Case.Compact()} error {r.Shrunk.Error:G3}; {r.ShrinkEvaluations} shrink evaluations");
        Assert.False(r.Passed, r.Summary);
        // The verdict's case is the worst of every case measured (trials and the verdict's re-measurements), which the statistics hold.
        Assert.Equal(r.PerElement.Max(e => e.MaxError), r.Worst.Error);
        Assert.False(r.Tolerance.Accepts(r.Worst.Excess));
        Assert.Equal(SymmetryChecker.Measure(WithOddPart(), Inversion, OutputDeclaration.Parse("trivial"), r.Worst.Case, r.Scale).Error, r.Worst.Error);
        // A failing check is shrunk: at least one evaluation, within the shrink budget, and the shrunk case still fails and is no larger.
        Assert.InRange(r.ShrinkEvaluations, 1, 60);
        Assert.False(r.Tolerance.Accepts(r.Shrunk.Excess), $"shrunk error {r.Shrunk.Error}");
        Assert.True(r.Shrunk.Case.Size.CompareTo(r.Worst.Case.Size) <= 0, $"{r.Shrunk.Case.Size} vs {r.Worst.Case.Size}");
        Assert.Equal(CheckOptions.Float64Tolerance, r.Tolerance);
        AssertBudgetSplit(r, budget);
    }

    [Fact]
    public void Negative_control_the_odd_part_is_what_fails_the_check()
    {
        // Without the odd part the same seeds and budgets pass: the failure above is the map's, not the checker's.
        Assert.All(new[] { 40, 200 }, b => Assert.True(Run(Even(), b).Passed));
        Assert.All(new[] { 40, 200 }, b => Assert.False(Run(WithOddPart(), b).Passed));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_map_that_is_NaN_on_part_of_the_plane_fails_with_a_NaN_worst_error(int seed)
    {
        // The cases with |x_1| <= 1 measure exactly 0; a verdict that ranked NaN below them would pass this map.
        var r = Run(NaNBeyondOne(), 40, seed, shrinkBudget: 0);
        output.WriteLine($"{r.Summary}; per element {string.Join(", ", r.PerElement.Select(e => $"{e.Element}: {e.Count} cases, max {e.MaxError}, mean {e.MeanError}"))}");
        Assert.False(r.Passed, r.Summary);
        Assert.True(double.IsNaN(r.Worst.Error), $"worst error {r.Worst.Error}");
    }

    /// <summary>
    /// |x|^2 + x_1 (error under inversion 2 |x_1| / (2 |x|^2 + ...), gross at almost every input) as each kind of model the
    /// search counts differently: float64 (2 evaluations per case, a probe of 1), float32 with its float64 twin (4 per case,
    /// a probe of 2) and float32 pinned inside forward, without a twin (2 per case, a probe of 2).
    /// </summary>
    private static CheckedModel OddPartAs(string kind) => kind switch
    {
        "float64" => CheckedModel.FromFunction("|x|^2 + x_1", 2, x => V(x[0] * x[0] + x[1] * x[1] + x[0])),
        "float32 with twin" => CheckedModel.FromTensorFunction("|x|^2 + x_1 f32", 2, ScalarType.Float32, x => (x * x).sum(1) + x.select(1, 0)),
        "float32 pinned" => CheckedModel.FromTensorFunction("|x|^2 + x_1 pinned", 2, ScalarType.Float32, x => { var y = x.to_type(ScalarType.Float32); return (y * y).sum(1) + y.select(1, 0); }),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such model kind"),
    };

    [Theory]
    // At CheckOptions.MinimumBudget, one below the budget where 8 trials first fit (probe + 8 cases + the verdict's 2), and there.
    [InlineData("float64", CheckOptions.MinimumBudget, 5)]
    [InlineData("float64", 20, 7)]
    [InlineData("float64", 21, 8)]
    [InlineData("float32 with twin", CheckOptions.MinimumBudget, 1)]
    [InlineData("float32 with twin", 41, 7)]
    [InlineData("float32 with twin", 42, 8)]
    [InlineData("float32 pinned", CheckOptions.MinimumBudget, 5)]
    [InlineData("float32 pinned", 21, 7)]
    [InlineData("float32 pinned", 22, 8)]
    public void At_the_smallest_budgets_the_search_measures_the_trials_that_fit_and_stays_within_its_budget(string kind, int budget, int trials)
    {
        // Trials: min(max(8, budget / 10), (budget - probe - 2 x per case) / per case), the fixed costs of one ascent (budget < 250).
        var r = Run(OddPartAs(kind), budget, shrinkBudget: 0);
        output.WriteLine($"{kind} at {budget}: {r.Summary}; trials {r.Trials}, {r.Evaluations} evaluations");
        Assert.InRange(r.Evaluations, 1, budget);
        Assert.Equal(trials, r.Trials);
        Assert.Equal(trials + 2, r.PerElement.Sum(e => e.Count));
        // However few the trials, the gross violation is found.
        Assert.False(r.Passed, r.Summary);
        Assert.StartsWith(kind == "float32 pinned" ? "estimated" : kind == "float64" ? "none" : "measured", r.FloorSource, StringComparison.Ordinal);
    }

    /// <summary>
    /// 1 + 1e-12 x_1, stepping to 1 + sign(x_1) + 1e-12 x_1 beyond |x_1| = 3.5: under inversion the error is 1e-12 |x_1| (the
    /// error's denominator is 2), within the tolerance, until |x_1| passes 3.5, where it is about 1. Differentiable, so the ascent
    /// moves along e_1 away from 0 by normalised steps of 0.25 sqrt 2 = 0.354, growing by half at each rise.
    /// </summary>
    private static CheckedModel StepBeyondThreeAndAHalf() => CheckedModel.FromTensorFunction("1 + 1e-12 x_1, stepped beyond 3.5", 2, ScalarType.Float64, x =>
    {
        using var small = Scalars.Of(1e-12);
        using var edge = Scalars.Of(3.5);
        var x1 = x.select(1, 0);
        return x1.mul(small).add(Scalars.One) + x1.sign() * x1.abs().gt(edge).to_type(x.dtype);
    });

    [Fact]
    public void The_ascent_climbs_from_the_worst_trial_and_reaches_a_violation_the_other_trials_are_too_far_from()
    {
        // Budget 44 (float64, 8 trials): the ascent has 44 - 17 (probe and trials) - 6 (the verdict's reserve) = 21 evaluations,
        // 5 of 4 each: the start and 4 rising steps, 0.354 (1 + 1.5 + 2.25 + 3.375) = 2.87 along e_1. It reaches |x_1| > 3.5 from the
        // worst trial (the largest of 8 |x_1|, above 0.63 in all but 0.2% of draws), not from the best (the smallest, below 0.63 in
        // all but 0.6%) nor from the first drawn (in about half). At budget 24 it takes no step: the trials alone pass the map.
        var seeds = Enumerable.Range(1, 10).ToArray();
        var climbed = seeds.Select(s => Run(StepBeyondThreeAndAHalf(), 44, s, shrinkBudget: 0)).ToArray();
        var trialsOnly = seeds.Select(s => Run(StepBeyondThreeAndAHalf(), 24, s, shrinkBudget: 0)).ToArray();
        foreach (var (a, b) in climbed.Zip(trialsOnly)) output.WriteLine($"44: {a.Summary}, worst {a.Worst.Case.Compact()}; 24: {b.Summary}");
        Assert.All(trialsOnly, r => Assert.True(r.Passed, r.Summary));
        Assert.All(climbed, r => Assert.False(r.Passed, r.Summary));
        Assert.All(climbed, r => Assert.True(Math.Abs(r.Worst.Case.X[0]) > 3.5, r.Worst.Case.Compact()));
    }

    [Fact]
    public void Of_equally_bad_cases_the_ascent_end_is_reported_before_the_worst_trial()
    {
        // x_1 under inversion: f(-x) = -f(x), so the error is exactly 1 (|-2 x_1| / (2 |x_1|), both exact) wherever 2 |x_1| is at
        // least the scale s, the median |x_1| of the trials: the worst trial and the ascent's end tie. At budget 24 the ascent takes
        // no step (its end is the worst trial); at 40 it takes 7 random steps, kept where the error stays 1, and its end is reported.
        var model = CheckedModel.FromFunction("x_1", 2, x => V(x[0]));
        foreach (int seed in new[] { 1, 2, 3 })
        {
            var still = Run(model, 24, seed, shrinkBudget: 0);
            var moved = Run(model, 40, seed, shrinkBudget: 0);
            output.WriteLine($"seed {seed}: 24: {still.Worst.Case.Compact()} error {still.Worst.Error}; 40: {moved.Worst.Case.Compact()} error {moved.Worst.Error}");
            Assert.Equal((8, 8), (still.Trials, moved.Trials));
            Assert.Equal((1.0, 1.0), (still.Worst.Error, moved.Worst.Error));
            Assert.False(moved.Worst.Case.X.SequenceEqual(still.Worst.Case.X), $"seed {seed}: the worst trial {still.Worst.Case.Compact()} was reported at 40 too");
        }
    }

    [Fact]
    public void A_float32_model_is_judged_above_the_rounding_floor_of_its_float64_twin()
    {
        // |x|^2 under SO(2): float32 rotation and squaring round (error about 1e-7 > 1e-9), the twin measures that rounding.
        var model = CheckedModel.FromTensorFunction("|x|^2 f32", 2, ScalarType.Float32, x => x.pow(2).sum(1));
        var r = Run(model, 200, group: So2);
        output.WriteLine(r.Summary);
        Assert.True(r.Passed, r.Summary);
        Assert.Equal(ScalarType.Float32, r.Dtype);
        Assert.True(r.Worst.Error > CheckOptions.Float64Tolerance.Relative, $"float32 rounding should exceed the float64 tolerance: {r.Worst.Error}");
        Assert.True(r.RoundingFloor > 0 && r.RoundingFloor >= r.Worst.Floor, $"floor {r.RoundingFloor}, worst case's {r.Worst.Floor}");
        Assert.StartsWith("measured against the float64 twin", r.FloorSource, StringComparison.Ordinal);
        // Each verdict case costs 4 evaluations (x and g x, float32 and twin); the budget still bounds the search.
        Assert.InRange(r.Evaluations, 100, 200);
    }

    [Fact]
    public void Negative_control_the_same_float32_model_without_the_floor_would_fail()
    {
        // The excess is what is judged: the error alone is above the tolerance.
        var model = CheckedModel.FromTensorFunction("|x|^2 f32", 2, ScalarType.Float32, x => x.pow(2).sum(1));
        var r = Run(model, 200, group: So2);
        Assert.False(r.Tolerance.Accepts(r.Worst.Error), $"worst error {r.Worst.Error} is within the tolerance: the floor is not exercised");
    }

    public static TheoryData<string, Func<Tensor, Tensor>> PinnedFloat32Models => new()
    {
        // Returns float32 when run in float64.
        { "casts its output", x => x.to_type(ScalarType.Float32).pow(2).sum(1) },
        // Refuses float64 as libtorch does when float32 and float64 meet.
        { "mixes dtypes", x => x.dtype == ScalarType.Float64 ? throw new InvalidOperationException("expected scalar type Double but found Float") : x.pow(2).sum(1) },
    };

    [Theory]
    [MemberData(nameof(PinnedFloat32Models))]
    public void A_model_that_pins_float32_is_judged_above_the_stated_floor(string name, Func<Tensor, Tensor> f)
    {
        var r = Run(CheckedModel.FromTensorFunction(name, 2, ScalarType.Float32, f), 200, group: So2);
        output.WriteLine(r.Summary);
        Assert.True(r.Passed, r.Summary);
        Assert.Equal(CheckOptions.PinnedFloat32Floor, r.RoundingFloor);
        Assert.Equal(CheckOptions.PinnedFloat32Floor, r.Worst.Floor);
        Assert.StartsWith("estimated, not measured", r.FloorSource, StringComparison.Ordinal);
        Assert.Contains($"64 u = {CheckOptions.PinnedFloat32Floor:G3}", r.FloorSource, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_input_is_refused_with_one_line_naming_the_cause()
    {
        CheckedModel Throwing(string name, ScalarType dtype, Func<Tensor, string?> message) =>
            CheckedModel.FromTensorFunction(name, 2, dtype, x => message(x) is string m ? throw new InvalidOperationException(m) : x.pow(2).sum(1));
        const string Mixing = "expected scalar type Double but found Float";
        output.Rejects<InputException>(() => Run(CheckedModel.FromFunction("three", 3, x => V(x.Sum())), 40), "three takes 3 inputs but", "acts on R^2.");
        output.Rejects<InputException>(() => Run(Throwing("boom", ScalarType.Float64, _ => "boom"), 40), "boom: its forward does not take a float tensor of shape [batch, 2] (boom).");
        output.Rejects<InputException>(() => Run(Throwing("f64 mixing", ScalarType.Float64, _ => Mixing), 40), "(expected scalar type Double but found Float): the model casts to float32: use --dtype float32");
        output.Rejects<InputException>(() => Run(Throwing("f32 mixing", ScalarType.Float32, _ => Mixing), 40), "its forward does not take", ": the model mixes float32 and float64 inside forward.");
        output.Rejects<InputException>(() => Run(Throwing("twin", ScalarType.Float32, x => x.dtype == ScalarType.Float64 ? "twin boom" : null), 40),
            "twin: its float64 twin (the same parameters in float64) fails (twin boom).");
        output.Rejects<InputException>(() => Run(Even(), 40, outputRep: "group"), "|x|^2 has 1 outputs; output representation 'group' of", "needs 2.");
        // A model of shaped inputs is told the shape it was handed; a twin that breaks the output contract is reported as such, not as a failing twin.
        output.Rejects<InputException>(() => Run(Throwing("shaped", ScalarType.Float64, _ => "boom").WithInputAxes([1, 2]), 40), "shaped: its forward does not take a float tensor of shape [batch, 1, 2] (boom).");
        var shape = output.Rejects<InputException>(() => Run(CheckedModel.FromTensorFunction("twin shape", 2, ScalarType.Float32, x => x.dtype == ScalarType.Float64 ? x.sum() : x.pow(2).sum(1)), 40),
            "twin shape: a batch of 1 inputs gave an output of shape []");
        Assert.DoesNotContain("its float64 twin", shape.Message, StringComparison.Ordinal);
        var flat = output.Rejects<InputException>(() => Run(CheckedModel.FromTensorFunction("scalar", 2, ScalarType.Float64, x => x.sum()), 40), "scalar: a batch of 1 inputs gave an output of shape []");
        Assert.DoesNotContain("its forward does not take", flat.Message, StringComparison.Ordinal);
        // The model's own bad-input report passes through unchanged.
        var own = Assert.Throws<InputException>(() => Run(CheckedModel.FromFunction("own", 2, _ => throw new InputException("the model's own words")), 40));
        Assert.Equal("the model's own words", own.Message);
        // Even when its words are about dtypes and only its float64 run raises: it is not taken for a model that pins float32.
        var ownDtype = Assert.Throws<InputException>(() => Run(CheckedModel.FromTensorFunction("own dtype", 2, ScalarType.Float32,
            x => x.dtype == ScalarType.Float64 ? throw new InputException("expected scalar type Double but found Float") : x.pow(2).sum(1)), 40, group: So2));
        Assert.Equal("expected scalar type Double but found Float", ownDtype.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Run(Even(), 15));
        Assert.Throws<ArgumentNullException>(() => SymmetryChecker.Run(null!, InputDeclaration.Flat(Inversion), OutputDeclaration.Trivial, new CheckOptions()));
        Assert.Throws<ArgumentNullException>(() => SymmetryChecker.Run(Even(), InputDeclaration.Flat(Inversion), null!, new CheckOptions()));
        Assert.Throws<ArgumentNullException>(() => SymmetryChecker.Run(Even(), InputDeclaration.Flat(Inversion), OutputDeclaration.Trivial, null!));
        Assert.Throws<ArgumentNullException>(() => SymmetryChecker.Run(Even(), (InputDeclaration)null!, OutputDeclaration.Trivial, new CheckOptions()));
    }

    [Fact]
    public void A_fault_while_searching_is_one_line_with_the_reason_and_the_float32_hint()
    {
        var f64 = CheckedModel.FromFunction("f", 2, x => x);
        var f32 = CheckedModel.FromTensorFunction("g", 2, ScalarType.Float32, x => x);
        var inner = new InvalidOperationException("RuntimeError: boom\nframe #0: c10::Error::Error()");
        var fault = SymmetryChecker.ModelFault(f64, "the ascent", inner);
        Assert.Equal("the ascent: the model raised while being checked (RuntimeError: boom).", fault.Message);
        Assert.Same(inner, fault.InnerException);
        var mixing = new InvalidOperationException("expected m1 and m2 to have the same dtype, but got: float != double");
        Assert.EndsWith(": the model casts to float32: use --dtype float32 (it is then checked in float32 with an estimated rounding floor; cast to the parameters' dtype, x.to(w.dtype), for a measured one).",
            SymmetryChecker.ModelFault(f64, "s", mixing).Message, StringComparison.Ordinal);
        Assert.EndsWith("float != double): the model mixes float32 and float64 inside forward.", SymmetryChecker.ModelFault(f32, "s", mixing).Message, StringComparison.Ordinal);
        // The twin's failure is a mix inside forward whatever the model's dtype; a message that is not about dtypes gets no hint.
        Assert.Equal(": the model mixes float32 and float64 inside forward", SymmetryChecker.Hint(f64, mixing.Message, twin: true));
        Assert.Equal("", SymmetryChecker.Hint(f32, "boom", twin: true));
        Assert.Throws<ArgumentNullException>(() => SymmetryChecker.ModelFault(null!, "s", inner));
        Assert.Throws<ArgumentNullException>(() => SymmetryChecker.ModelFault(f64, "s", null!));
    }

    [Fact]
    public void Measuring_a_case_again_gives_the_error_the_report_states()
    {
        var r = Run(WithOddPart(), 40, shrinkBudget: 0);
        var again = SymmetryChecker.Measure(WithOddPart(), InputDeclaration.Flat(Inversion), OutputDeclaration.Trivial, r.Worst.Case, r.Scale);
        Assert.Equal((r.Worst.Error, r.Worst.Floor), (again.Error, again.Floor));
        Assert.Throws<ArgumentNullException>(() => SymmetryChecker.Measure(WithOddPart(), (IGroupAction)null!, OutputDeclaration.Trivial, r.Worst.Case, r.Scale));
        Assert.Throws<ArgumentNullException>(() => SymmetryChecker.Measure(WithOddPart(), (InputDeclaration)null!, OutputDeclaration.Trivial, r.Worst.Case, r.Scale));
        Assert.Throws<ArgumentNullException>(() => SymmetryChecker.Measure(WithOddPart(), Inversion, OutputDeclaration.Trivial, null!, r.Scale));
    }
}
