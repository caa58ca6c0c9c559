using System.Text.Json;
using SymmetryProofs.Data;
using SymmetryProofs.Experiments.Bergman;
using SymmetryProofs.Experiments.Parsing;
using SymmetryProofs.Experiments.Runs;

namespace SymmetryProofs.Properties.Experiments.Parsing;

/// <summary>Every option value has one name, which the command line, the CSV files and the JSON all use.</summary>
public class OptionNamesTests
{
    [Fact]
    public void Every_name_parses_back_to_its_value()
    {
        foreach (var f in Enum.GetValues<FeatureSet>()) Assert.Equal(f, BergmanNames.Features.Parse(f.Name()));
        foreach (var b in Enum.GetValues<Bias>()) Assert.Equal(b, BergmanNames.Bias.Parse(b.Name()));
        foreach (var t in Enum.GetValues<TrainingSet>()) Assert.Equal(t, BergmanNames.Train.Parse(t.Name()));
        foreach (var s in Enum.GetValues<StopRule>()) Assert.Equal(s, BergmanNames.Stop.Parse(s.Name()));
        foreach (var p in Enum.GetValues<SplitProtocol>()) Assert.Equal(p, BergmanNames.Protocol.Parse(p.Name()));
    }

    /// <summary>The JSON of a key spells its values as tables.csv does, and reads back to the same key.</summary>
    [Fact]
    public void Keys_round_trip_through_json_under_their_names()
    {
        var key = new RunKey(SplitProtocol.Paper, new BergmanCell(Bias.With, FeatureSet.Squares, TrainingSet.XAndNegated), 4);
        string json = JsonSerializer.Serialize(key);
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        Assert.Equal("paper", (string?)node["Protocol"]);
        Assert.Equal("{\"Bias\":\"with\",\"Features\":\"x2\",\"Train\":\"X+-X\"}", node["Cell"]!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal(key, JsonSerializer.Deserialize<RunKey>(json));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<RunKey>(json.Replace("x2", "x3")));
    }

    /// <summary>Control: a name outside the table is bad input naming the option and what it takes.</summary>
    [Fact]
    public void An_unknown_name_is_bad_input_naming_the_option()
    {
        var e = Assert.Throws<InputException>(() => BergmanNames.Protocol.Parse("random"));
        Assert.Equal("--protocol: got 'random'; expected split-first or paper.", e.Message);
    }

    private enum Two { A, B }

    /// <summary>A table that leaves a value without a name is a programming error, caught when the table is built.</summary>
    [Fact]
    public void A_table_missing_a_value_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new OptionNames<Two>("--two", (Two.A, "a")));
        Assert.Equal("a or b", new OptionNames<Two>("--two", (Two.A, "a"), (Two.B, "b")).Alternatives());
    }
}
