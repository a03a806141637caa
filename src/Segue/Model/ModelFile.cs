using System.Globalization;
using System.Numerics.Tensors;
using System.Text;
using System.Text.Json.Nodes;
using Segue.IO;

namespace Segue.Model;

/// <summary>
/// The model file (<c>model.segue</c>) and, with extra sections, the checkpoint file: a
/// <see cref="SectionFile"/> (magic, version, checksummed section table, 64-byte aligned
/// sections, memory-mapped on load) holding
/// <code>
///   section 1   header, UTF-8 JSON: { "config": {...}, "dataset": { "fingerprint", "tracks",
///               "albums", "artists" }, "duration": { "mean", "std" }, "tables": [ { "name",
///               "rows", "cols" }, ... ], plus "training" in checkpoints }
///   section 2.. the tables in header order, float32 row-major: albums, artists, then tracks
///               and duration when the config has them, then (checkpoints) optimiser state
/// </code>
/// Loading checks the kind, version, length and every checksum, that every value is finite, and
/// that the model belongs to the catalogue it is used with (the dataset fingerprint covers the
/// vocabularies and the split), each failure a <see cref="SegueException"/> naming the file.
/// </summary>
public static class ModelFile
{
    public const int Version = 1;
    public static ReadOnlySpan<byte> ModelMagic => "SEGUEMD\0"u8;
    public static ReadOnlySpan<byte> CheckpointMagic => "SEGUECK\0"u8;
    private const uint HeaderSection = 1, FirstTableSection = 2;

    public static void Save(string path, EmbeddingModel model) =>
        Write(path, ModelMagic, model, [], null);

    public static EmbeddingModel Load(string path, Catalog catalog) =>
        Read(path, ModelMagic, "model", catalog).Model;

    /// <summary>Loads <paramref name="path"/> for <paramref name="dataset"/> (a SegueException when the
    /// model belongs to another dataset).</summary>
    public static EmbeddingModel Load(string path, Data.Dataset dataset) => Load(path, Catalog.FromDataset(dataset));

    /// <summary>Writes the model's tables and then <paramref name="extraTables"/>, with
    /// <paramref name="training"/> in the header when given (checkpoints).</summary>
    internal static void Write(string path, ReadOnlySpan<byte> magic, EmbeddingModel model, IReadOnlyList<Table> extraTables, JsonNode? training)
    {
        var tables = model.Tables.Concat(extraTables).ToArray();
        var header = new JsonObject
        {
            ["config"] = model.Config.ToJsonNode(),
            ["dataset"] = new JsonObject
            {
                ["fingerprint"] = model.Catalog.Fingerprint.ToString("x16"),
                ["tracks"] = model.Catalog.TrackCount,
                ["albums"] = model.Catalog.AlbumCount,
                ["artists"] = model.Catalog.ArtistCount,
            },
            ["duration"] = new JsonObject { ["mean"] = model.DurationMean, ["std"] = model.DurationStd },
            ["tables"] = new JsonArray(tables.Select(t => (JsonNode)new JsonObject
            {
                ["name"] = t.Name, ["rows"] = t.Rows, ["cols"] = t.Cols,
            }).ToArray()),
        };
        if (training is not null) header["training"] = training;
        using var writer = new SectionFileWriter(path, magic, Version);
        writer.Add(HeaderSection, Encoding.UTF8.GetBytes(header.ToJsonString()).AsSpan());
        for (int i = 0; i < tables.Length; i++)
            writer.Add(FirstTableSection + (uint)i, (ReadOnlySpan<float>)tables[i].Values);
        writer.Commit();
    }

    /// <summary>Reads a model or checkpoint for <paramref name="catalog"/>: the model, the tables that
    /// follow its own (optimiser state), and the header's "training" node (null in model files).</summary>
    internal static (EmbeddingModel Model, List<Table> Extra, JsonNode? Training) Read(string path, ReadOnlySpan<byte> magic, string kind, Catalog catalog)
    {
        using var file = SectionFileReader.Open(path, magic, Version, kind);
        file.Verify();
        JsonNode header;
        try
        {
            header = JsonNode.Parse(Encoding.UTF8.GetString(file.Get<byte>(HeaderSection)))
                ?? throw new System.Text.Json.JsonException("empty header");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new SegueException($"{path}: damaged {kind} header: {JsonErrors.Describe(e)}", e);
        }
        try
        {
            var config = ModelConfig.FromJson(header["config"], path);
            CheckCatalog(path, kind, header["dataset"]!, catalog);
            var tables = new List<Table>();
            uint section = FirstTableSection;
            foreach (var entry in header["tables"]!.AsArray())
            {
                string name = (string)entry!["name"]!;
                int rows = (int)entry["rows"]!, cols = (int)entry["cols"]!;
                var values = file.Get<float>(section++);
                if (values.Length != (long)rows * cols)
                    throw new SegueException($"{path}: damaged {kind}: table {name} has {values.Length} values, header says {rows} x {cols}");
                if (!TensorPrimitives.IsFiniteAll(values))
                {
                    int bad = IndexOfNonFinite(values);
                    throw new SegueException($"{path}: damaged {kind}: table {name} holds {values[bad].ToString(CultureInfo.InvariantCulture)} at row {bad / cols}, column {bad % cols}");
                }
                tables.Add(new Table(name, rows, cols, values.ToArray()));
            }
            var duration = header["duration"]!;
            var model = new EmbeddingModel(config, catalog, tables, (double)duration["mean"]!, (double)duration["std"]!);
            var extra = tables.Where(t => !model.Tables.Contains(t)).ToList();
            return (model, extra, header["training"]);
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException or FormatException)
        {
            throw new SegueException($"{path}: damaged {kind} header: {JsonErrors.Describe(e)}", e);
        }
        catch (SegueException e) when (!e.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new SegueException($"{path}: {e.Message}", e);
        }
    }

    private static int IndexOfNonFinite(ReadOnlySpan<float> values)
    {
        for (int i = 0; i < values.Length; i++)
            if (!float.IsFinite(values[i])) return i;
        return -1;
    }

    private static void CheckCatalog(string path, string kind, JsonNode dataset, Catalog catalog)
    {
        string fingerprint = (string)dataset["fingerprint"]!;
        int tracks = (int)dataset["tracks"]!, albums = (int)dataset["albums"]!, artists = (int)dataset["artists"]!;
        bool sameSize = tracks == catalog.TrackCount && albums == catalog.AlbumCount && artists == catalog.ArtistCount;
        if (sameSize && fingerprint != catalog.Fingerprint.ToString("x16"))
            throw new SegueException(
                $"{path}: this {kind} was trained on a dataset of the same size but another split or other URIs " +
                $"(fingerprint {fingerprint}, not this one's {catalog.Fingerprint:x16}): its training playlists may be this dataset's test playlists");
        if (!sameSize)
            throw new SegueException(
                $"{path}: this {kind} was trained on another dataset (fingerprint {fingerprint}, {tracks} tracks, {albums} albums, " +
                $"{artists} artists), not this one (fingerprint {catalog.Fingerprint:x16}, {catalog.TrackCount} tracks, " +
                $"{catalog.AlbumCount} albums, {catalog.ArtistCount} artists)");
    }
}
