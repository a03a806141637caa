using System.Text;
using System.Text.Json;

namespace Segue.Tests.Data;

/// <summary>
/// Writes playlist tables for tests, independently of the reader: from MPD slices parsed with
/// <see cref="JsonDocument"/>, or from rows given by hand, quoting as RFC 4180 says (a field
/// holding the delimiter, a quote or a line break is quoted, its quotes doubled).
/// </summary>
public static class TableCsv
{
    public static readonly string[] Header =
        ["pid", "pos", "title", "track_id", "track_name", "artist_id", "artist_name", "album_id", "album_name", "duration_ms",
         "description", "followers", "modified_at", "edits", "collaborative"];

    /// <summary>Every playlist of the slices in <paramref name="folder"/>, in slice order, one row per track.</summary>
    public static void FromSlices(string folder, string path, char delimiter = ',', bool quoteAll = false, string newline = "\n")
    {
        var slices = Directory.GetFiles(folder, "mpd.slice.*.json")
            .OrderBy(f => int.Parse(Path.GetFileName(f).Split('.')[2].Split('-')[0])).ToList();
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.Write(Row(Header, delimiter, quoteAll) + newline);
        foreach (string slice in slices)
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(slice));
            foreach (var p in json.RootElement.GetProperty("playlists").EnumerateArray())
            {
                string description = p.TryGetProperty("description", out var d) ? d.GetString()! : "";
                foreach (var t in p.GetProperty("tracks").EnumerateArray())
                    writer.Write(Row([
                        p.GetProperty("pid").GetInt32().ToString(), t.GetProperty("pos").GetInt32().ToString(), p.GetProperty("name").GetString()!,
                        t.GetProperty("track_uri").GetString()!, t.GetProperty("track_name").GetString()!,
                        t.GetProperty("artist_uri").GetString()!, t.GetProperty("artist_name").GetString()!,
                        t.GetProperty("album_uri").GetString()!, t.GetProperty("album_name").GetString()!,
                        t.GetProperty("duration_ms").GetInt32().ToString(), description,
                        p.GetProperty("num_followers").GetInt32().ToString(), p.GetProperty("modified_at").GetInt32().ToString(),
                        p.GetProperty("num_edits").GetInt32().ToString(), p.GetProperty("collaborative").GetString()!,
                    ], delimiter, quoteAll) + newline);
            }
        }
    }

    public static string Row(IEnumerable<string> fields, char delimiter = ',', bool quoteAll = false) =>
        string.Join(delimiter, fields.Select(f => quoteAll || f.IndexOfAny([delimiter, '"', '\n', '\r']) >= 0 ? $"\"{f.Replace("\"", "\"\"")}\"" : f));

    /// <summary>A small table: <paramref name="rows"/> are the fields after the header's, one string each, comma-separated as given.</summary>
    public static string Write(TempDir dir, string name, params string[] rows)
    {
        string path = dir.File(name);
        File.WriteAllText(path, string.Join("\n", rows) + "\n");
        return path;
    }

    public const string MinimalHeader = "pid,pos,title,track_id,track_name,artist_id,artist_name,album_id,album_name,duration_ms";

    /// <summary>A row of the minimal table: playlist <paramref name="pid"/>, track number <paramref name="track"/>
    /// (album and artist derived from it, as in the MPD one track has one of each).</summary>
    public static string MinimalRow(int pid, int pos, int track, string title = "mix") =>
        $"{pid},{pos},{title},t{track},Track {track},r{track % 3},Artist {track % 3},a{track % 5},Album {track % 5},{180000 + track}";
}
