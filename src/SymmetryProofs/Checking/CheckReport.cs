using System.Globalization;
using System.Text;
using System.Text.Json;
using SymmetryProofs.IO;
using SymmetryProofs.Symmetry;

namespace SymmetryProofs.Checking;

/// <summary>
/// The outcome of one check: the verdict, what was spent, the worst case found (original and
/// shrunk), the float32 rounding floor, per-element error statistics and the seed that replays it.
/// Written as check.md and check.json.
/// </summary>
public sealed record CheckReport
{
    public required string Model { get; init; }
    public required string Group { get; init; }
    public required string OutputRepresentation { get; init; }
    /// <summary>How the group moves the inputs: the defining action, or a declared representation (channels, rows).</summary>
    public string InputRepresentation { get; init; } = "defining";
    public required TorchSharp.torch.ScalarType Dtype { get; init; }
    /// <summary>True when no case's excess error (error minus rounding floor) exceeds <see cref="Tolerance"/>.</summary>
    public required bool Passed { get; init; }
    public required int Trials { get; init; }
    /// <summary>Model evaluations spent by the search (trials, ascent, verdict); shrinking is counted apart.</summary>
    public required int Evaluations { get; init; }
    public required int ShrinkEvaluations { get; init; }
    /// <summary>Distinct inputs x and g x the search passed through the model: evaluations spent on the same points again do not count.</summary>
    public int DistinctInputs { get; init; }
    /// <summary>Where <see cref="RoundingFloor"/> comes from: none (float64), the float64 twin, or the stated estimate for a model that pins float32.</summary>
    public string FloorSource { get; init; } = "measured against the float64 twin at each case";

    /// <summary>Where <see cref="Dtype"/> came from: --dtype, the model's parameters, or the default.</summary>
    public string DtypeSource { get; init; } = "as the model was built";
    public required MeasuredCase Worst { get; init; }
    /// <summary>The worst case after shrinking (the worst case itself when the check passed).</summary>
    public required MeasuredCase Shrunk { get; init; }
    public required Tolerance Tolerance { get; init; }
    /// <summary>The largest float32 rounding floor among the verdict's cases; 0 for a float64 model.</summary>
    public required double RoundingFloor { get; init; }
    /// <summary>The error's denominator floor: the outputs' median norm over the trials.</summary>
    public required double Scale { get; init; }
    public required IReadOnlyList<ElementErrors> PerElement { get; init; }
    public required int Seed { get; init; }
    public required int Budget { get; init; }
    /// <summary>How to regenerate this report; the library's default names the seed and budget, the command sets its own command line.</summary>
    public string? Replay { get; init; }

    public string ReplayText => Replay ?? $"seed {Seed}, budget {Budget}";

    private static string N(double v) => v.ToString("G3", CultureInfo.InvariantCulture);

    /// <summary>One line: verdict, worst error, floor, tolerance.</summary>
    public string Summary =>
        $"{(Passed ? "PASS" : "FAIL")}: {Model} under {Group} (output {OutputRepresentation}, {DtypeNames.Name(Dtype)}): worst relative error {N(Worst.Error)}" +
        (Dtype == TorchSharp.torch.ScalarType.Float32 ? $" (float32 rounding floor {N(Worst.Floor)} there{(FloorSource.StartsWith("estimated", StringComparison.Ordinal) ? ", estimated: the model casts to float32 inside forward, so it has no float64 twin" : "")})" : "") + $", tolerance {N(Tolerance.Relative)} above the floor; {Evaluations} evaluations";

    public string ToMarkdown(int maxElements = 20)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# check: {Model}\n\n**{(Passed ? "PASS" : "FAIL")}**. {Summary}\n\n");
        sb.Append("| field | value |\n| --- | --- |\n");
        void Row(string k, string v) => sb.Append(CultureInfo.InvariantCulture, $"| {k} | {v} |\n");
        Row("group", Group);
        Row("input representation", InputRepresentation);
        Row("output representation", OutputRepresentation);
        Row("dtype", $"{DtypeNames.Name(Dtype)} ({DtypeSource})");
        Row("trials / evaluations (search) / distinct inputs (search) / evaluations (shrink)", $"{Trials} / {Evaluations} / {DistinctInputs} / {ShrinkEvaluations}");
        Row("worst error (excess over floor)", $"{N(Worst.Error)} ({N(Worst.Excess)})");
        Row("tolerance", Tolerance.ToString());
        Row("float32 rounding floor (max over verdict cases)", N(RoundingFloor));
        Row("rounding floor from", FloorSource);
        Row("output scale (denominator floor)", N(Scale));
        Row("worst element", Worst.Case.Element.Label);
        Row("worst input", Format.Vector(Worst.Case.X));
        Row("shrunk element", Shrunk.Case.Element.Label);
        Row("shrunk case", Shrunk.Case.Compact());
        Row("shrunk error", $"{N(Shrunk.Error)} ({Shrunk.Case.Size.NonZero} non-zero coordinates)");
        Row("replay", $"`{ReplayText}`");
        sb.Append(CultureInfo.InvariantCulture, $"\n## Per-element errors (trials and verdict cases)\n\n");
        var stats = new StringBuilder("| element | inputs | max error | mean error |\n| --- | --- | --- | --- |\n");
        foreach (var r in PerElement.Take(maxElements)) stats.Append(CultureInfo.InvariantCulture, $"| {r.Element} | {r.Count} | {N(r.MaxError)} | {N(r.MeanError)} |\n");
        if (PerElement.Count > maxElements) stats.Append(CultureInfo.InvariantCulture, $"| ({PerElement.Count - maxElements} more elements) | | | |\n");
        return sb.Append(stats).ToString();
    }

    public string ToJson(int maxElements = 64)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("model", Model);
            w.WriteString("group", Group);
            w.WriteString("input_rep", InputRepresentation);
            w.WriteString("output_rep", OutputRepresentation);
            w.WriteString("dtype", DtypeNames.Name(Dtype));
            w.WriteString("dtype_source", DtypeSource);
            w.WriteBoolean("passed", Passed);
            w.WriteNumber("trials", Trials);
            w.WriteNumber("evaluations", Evaluations);
            w.WriteNumber("distinct_inputs", DistinctInputs);
            w.WriteNumber("shrink_evaluations", ShrinkEvaluations);
            Number(w, "max_error", Worst.Error);
            Number(w, "max_excess", Worst.Excess);
            w.WriteNumber("tolerance", Tolerance.Relative);
            w.WriteNumber("rounding_floor", RoundingFloor);
            w.WriteString("floor_source", FloorSource);
            w.WriteNumber("output_scale", Scale);
            w.WriteString("worst_element", Worst.Case.Element.Label);
            Array(w, "worst_input_original", Worst.Case.X);
            w.WriteString("shrunk_element", Shrunk.Case.Element.Label);
            Array(w, "worst_input_shrunk", Shrunk.Case.X);
            Number(w, "shrunk_error", Shrunk.Error);
            w.WriteStartArray("per_element");
            foreach (var r in PerElement.Take(maxElements))
            {
                w.WriteStartObject();
                w.WriteString("element", r.Element);
                w.WriteNumber("inputs", r.Count);
                Number(w, "max_error", r.MaxError);
                Number(w, "mean_error", r.MeanError);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("per_element_total", PerElement.Count);
            w.WriteNumber("seed", Seed);
            w.WriteNumber("budget", Budget);
            w.WriteString("replay", ReplayText);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    // JSON has no NaN: a non-finite error (the model returned NaN or infinity) is written as null.
    private static void Number(Utf8JsonWriter w, string name, double v)
    {
        if (double.IsFinite(v)) w.WriteNumber(name, v); else w.WriteNull(name);
    }

    private static void Array(Utf8JsonWriter w, string name, double[] values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }
}
