using System.Globalization;
using System.Text.Json.Serialization;

namespace SymmetryProofs.Experiments.Hessian;

/// <summary>What `hessian bench` times: tanh nets given by their layer widths ("64-10-5-10"), with or without biases.</summary>
/// <param name="Names">The nets, each as layer widths joined by '-'.</param>
/// <param name="WithBiases">Whether every layer has a bias (64-10-5-10 has 765 parameters with them, 740 without).</param>
public sealed record BenchNets(
    [property: JsonPropertyName("nets")] IReadOnlyList<string> Names,
    [property: JsonPropertyName("with_biases")] bool WithBiases)
{
    /// <summary>The paper's 64-10-5-10 net: 765 parameters with biases, 740 without.</summary>
    public const string PaperNet = "64-10-5-10";

    /// <summary>About 765, 1,600, 3,100 and 10,000 parameters (with biases) on 64 inputs and 10 classes.</summary>
    public static readonly string[] DefaultSweep = [PaperNet, "64-20-10-10", "64-36-16-10", "64-110-25-10"];

    /// <summary>Tiny nets for --quick: seconds in all.</summary>
    public static readonly string[] QuickSweep = ["64-2-2-10", "64-4-3-10", "64-8-5-10"];

    /// <summary>The number of nets.</summary>
    [JsonIgnore]
    public int Count => Names.Count;

    /// <summary>Parses "64-10-5-10" into widths: at least an input and an output layer, every width at least 1, at least 2 classes.</summary>
    public static int[] Parse(string net)
    {
        ArgumentNullException.ThrowIfNull(net);
        var parts = net.Split('-');
        var widths = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out widths[i]) || widths[i] < 1)
                throw new InputException($"--nets: got '{net}'; expected layer widths (positive integers) joined by '-', e.g. {PaperNet}.");
        if (widths.Length < 2) throw new InputException($"--nets: got '{net}'; expected at least an input and an output width, e.g. {PaperNet}.");
        if (widths[^1] < 2) throw new InputException($"--nets: got '{net}'; expected at least 2 output classes.");
        return widths;
    }

    /// <summary>The parameter count of <paramref name="net"/> with these nets' biases.</summary>
    public int Parameters(string net)
    {
        var w = Parse(net);
        return Enumerable.Range(0, w.Length - 1).Sum(l => w[l + 1] * (w[l] + (WithBiases ? 1 : 0)));
    }

    /// <summary>Throws an <see cref="InputException"/> naming --nets when a net is malformed or given twice.</summary>
    public void Validate()
    {
        if (Names.Count == 0) throw new InputException("--nets: got no nets; expected widths like 64-10-5-10, separated by commas.");
        foreach (var net in Names) Parse(net);
        if (Names.Distinct().Count() != Names.Count) throw new InputException($"--nets: '{Names.GroupBy(n => n).First(g => g.Count() > 1).Key}' appears twice; expected distinct nets.");
    }
}
