using System.Text;
using System.Text.Json.Nodes;
using Segue.Data;
using Segue.IO;
using Segue.Model;

namespace Segue.Runs;

/// <summary>
/// A model for people who continue in Python: each embedding table as <c>NAME.npy</c> (float32,
/// rows x cols), <c>model.json</c> (the config and how a track's vector is put together from the
/// tables), and the track catalogue as <c>tracks.tsv</c>. The folder is written as a whole (<see cref="AtomicFolder"/>).
/// </summary>
public static class ModelExport
{
    public const string CatalogueFileName = "tracks.tsv", ModelFileName = "model.json";

    /// <summary>Writes the export of <paramref name="model"/> (trained on <paramref name="dataset"/>)
    /// into <paramref name="dir"/> as a whole: nothing appears there until every file is written,
    /// and an earlier export there is replaced only then. A folder that holds anything other than
    /// an export is refused, not replaced. Returns the paths written.</summary>
    public static IReadOnlyList<string> Write(EmbeddingModel model, Dataset dataset, string dir)
    {
        if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).FirstOrDefault(e => !IsExportFile(e)) is { } other)
            throw new SegueException($"{dir}: holds {Path.GetFileName(other)}, which is not part of a model export; choose another output folder");
        var names = new List<string>();
        AtomicFolder.Write(dir, temp =>
        {
            foreach (var table in model.Tables)
            {
                names.Add(table.Name + ".npy");
                NpyFile.Write(Path.Combine(temp, names[^1]), table.Values, table.Rows, table.Cols);
            }
            var description = new JsonObject
            {
                ["config"] = model.Config.ToJsonNode(),
                ["tables"] = new JsonArray([.. model.Tables.Select(t => (JsonNode)new JsonObject { ["file"] = t.Name + ".npy", ["rows"] = t.Rows, ["cols"] = t.Cols })]),
                ["duration"] = new JsonObject { ["mean_seconds"] = model.DurationMean, ["std_seconds"] = model.DurationStd },
                ["track_vector"] = "concat(albums[album_id % albums.rows], artists[artist_id])"
                    + (model.Tracks is null ? "" : " + tracks[track_id % tracks.rows]")
                    + (model.DurationVector is null ? "" : " + ((duration_ms / 1000 - mean_seconds) / std_seconds) * duration[0]"),
                ["catalogue"] = CatalogueFileName,
            };
            names.Add(ModelFileName);
            AtomicFile.WriteAllText(Path.Combine(temp, ModelFileName), description.ToJsonString(ModelConfig.Json) + "\n");
            names.Add(CatalogueFileName);
            WriteCatalogue(Path.Combine(temp, CatalogueFileName), dataset);
        });
        return [.. names.Select(n => Path.Combine(dir, n))];
    }

    private static bool IsExportFile(string path) =>
        File.Exists(path) && Path.GetFileName(path) is var name && (name is ModelFileName or CatalogueFileName || name.EndsWith(".npy", StringComparison.Ordinal));

    /// <summary>One line per track id: id, uri, name, album id, album, artist id, artist, duration (ms),
    /// under a header line.</summary>
    public static void WriteCatalogue(string path, Dataset dataset)
    {
        using var file = AtomicFile.Create(path);
        using (var writer = new StreamWriter(file.Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" })
        {
            writer.WriteLine("track_id\turi\tname\talbum_id\talbum\tartist_id\tartist\tduration_ms");
            var albums = dataset.TrackAlbums;
            var artists = dataset.TrackArtists;
            var durations = dataset.TrackDurationsMs;
            for (int t = 0; t < dataset.TrackCount; t++)
            {
                int album = albums[t], artist = artists[t];
                writer.WriteLine($"{t}\t{Escape(dataset.TrackUri(t))}\t{Escape(dataset.TrackName(t))}\t{album}\t{Escape(dataset.AlbumName(album))}\t{artist}\t{Escape(dataset.ArtistName(artist))}\t{durations[t]}");
            }
        }
        file.Commit();
    }

    /// <summary>A field with backslash, tab, newline and carriage return written as the two
    /// characters \\, \t, \n, \r, so that every track is one line of eight tab-separated fields
    /// (a reader splits on tabs and undoes the four escapes).</summary>
    public static string Escape(string field)
    {
        if (field.AsSpan().IndexOfAny("\\\t\n\r") < 0) return field;
        return field.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\n", "\\n").Replace("\r", "\\r");
    }
}
