using System.Text.Json.Serialization;

namespace Segue.Data;

/// <summary>The dataset's small descriptive record, stored as JSON in the file: where the
/// playlists came from and how they were split. <paramref name="Format"/> is what they were read
/// from: <see cref="Mpd"/> slices, whose ids are Spotify URIs, or a playlist <see cref="Table"/>,
/// whose ids may be any text (a dataset written before tables existed has none: MPD).</summary>
public sealed record DatasetMeta(
    [property: JsonPropertyName("slices")] IReadOnlyList<string> Slices,
    [property: JsonPropertyName("test_every")] int TestEvery,
    [property: JsonPropertyName("test_offset")] int TestOffset,
    [property: JsonPropertyName("format")] string? Format = DatasetMeta.Mpd)
{
    public const string Mpd = "mpd";
    public const string Table = "table";

    /// <summary>Whether the ids are Spotify URIs (<c>spotify:track:...</c>), as ingest requires of MPD slices.</summary>
    [JsonIgnore]
    public bool HasSpotifyUris => Format is null or Mpd;
}

[JsonSerializable(typeof(DatasetMeta))]
internal sealed partial class DatasetMetaJson : JsonSerializerContext;
