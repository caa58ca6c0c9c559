using System.Text.Json;
using System.Text.Json.Serialization;

namespace SymmetryProofs.Experiments.Parsing;

/// <summary>Writes and reads an option value in JSON (settings, checkpoints, summaries) under its <see cref="OptionNames{T}"/> name.</summary>
/// <typeparam name="T">The option's enum.</typeparam>
public abstract class OptionNameJsonConverter<T>(OptionNames<T> names) : JsonConverter<T> where T : struct, Enum
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text = reader.GetString() ?? throw new JsonException($"{names.Option}: null where a name was expected.");
        return names.Find(text) ?? throw new JsonException($"{names.Option}: '{text}' is none of {names.Alternatives()}.");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(names.Name(value));
}
