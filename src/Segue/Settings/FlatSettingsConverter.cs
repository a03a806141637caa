using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Segue.IO;

namespace Segue.Settings;

/// <summary>
/// Writes and reads a record of settings records as one flat JSON object keyed by the settings'
/// keys (<c>{ "cooccurrence_a": 0.3, "pknn_k": 4000, ... }</c>): the ranker's generators keep the
/// config.json layout they had before each generator had its own record. A key that is not a
/// setting, or a value not of its type, is a one-line error naming the key.
/// </summary>
public sealed class FlatSettingsConverter<T> : JsonConverter<T> where T : class, new()
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var table = SettingTable.Of<T>();
        // Without a message the serializer words it as any field of the wrong kind, with its path.
        if (JsonNode.Parse(ref reader) is not JsonObject json) throw new JsonException();
        var record = new T();
        foreach (var (key, node) in json)
        {
            var setting = table.Find(key) ?? throw new SegueException($"{key}: not a field here");
            object? value;
            try
            {
                value = node.Deserialize(setting.Type, options);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                throw new SegueException($"{key}: {JsonErrors.Describe(e)}", e);
            }
            record = table.With(record, setting, value);
        }
        return record;
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var setting in SettingTable.Of<T>().All)
        {
            writer.WritePropertyName(setting.Key);
            JsonSerializer.Serialize(writer, setting.Get(value), setting.Type, options);
        }
        writer.WriteEndObject();
    }
}
