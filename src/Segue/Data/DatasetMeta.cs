using System.Text.Json.Serialization;

namespace Segue.Data;

/// <summary>The dataset's small descriptive record, stored as JSON in the file: where the
/// playlists came from and how they were split.</summary>
public sealed record DatasetMeta(
    [property: JsonPropertyName("slices")] IReadOnlyList<string> Slices,
    [property: JsonPropertyName("test_every")] int TestEvery,
    [property: JsonPropertyName("test_offset")] int TestOffset);

[JsonSerializable(typeof(DatasetMeta))]
internal sealed partial class DatasetMetaJson : JsonSerializerContext;
