using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Segue.Data.Synth;

namespace Segue.Tests.Data.Synth;

public sealed partial class SynthSliceTests(SynthFixture fixture) : IClassFixture<SynthFixture>
{
    /// <summary>The real files' order, that of the Python 2 dicts they were dumped from; description follows when present.</summary>
    private static readonly string[] PlaylistKeys =
        ["name", "collaborative", "pid", "modified_at", "num_tracks", "num_albums", "num_followers",
         "tracks", "num_edits", "duration_ms", "num_artists"];
    private static readonly string[] TrackKeys =
        ["pos", "artist_name", "track_uri", "artist_uri", "track_name", "album_uri", "duration_ms", "album_name"];

    [GeneratedRegex("^spotify:track:[0-9A-Za-z]{22}$")] private static partial Regex TrackUri();
    [GeneratedRegex("^spotify:album:[0-9A-Za-z]{22}$")] private static partial Regex AlbumUri();
    [GeneratedRegex("^spotify:artist:[0-9A-Za-z]{22}$")] private static partial Regex ArtistUri();

    [Fact]
    public void SliceFilesAreNamedByPidRangeAndSayTheirSlice()
    {
        var names = Directory.GetFiles(fixture.Output.SliceFolder).Select(f => Path.GetFileName(f)).Order().ToArray();
        Assert.Equal(["mpd.slice.0-999.json", "mpd.slice.1000-1999.json", "mpd.slice.2000-2499.json"], names);
        Assert.Equal(3, fixture.Output.SliceFiles);
        foreach (var (file, slice) in new[] { ("mpd.slice.0-999.json", "0-999"), ("mpd.slice.2000-2499.json", "2000-2499") })
        {
            using var doc = Parse(file);
            var info = doc.RootElement.GetProperty("info");
            Assert.Equal(["generated_on", "slice", "version"], info.EnumerateObject().Select(p => p.Name));
            Assert.Equal(slice, info.GetProperty("slice").GetString());
            Assert.Equal("v1", info.GetProperty("version").GetString());
        }
    }

    /// <summary>The MPD kept playlists of at least 5 tracks, 3 artists and 2 albums (its check.py's rules).</summary>
    [Fact]
    public void EveryPlaylistMeetsTheMpdSelection()
    {
        foreach (var file in Directory.GetFiles(fixture.Output.SliceFolder))
            foreach (var playlist in JsonDocument.Parse(File.ReadAllBytes(file)).RootElement.GetProperty("playlists").EnumerateArray())
            {
                Assert.True(playlist.GetProperty("num_artists").GetInt32() >= 3, playlist.GetProperty("pid").ToString());
                Assert.True(playlist.GetProperty("num_albums").GetInt32() >= 2, playlist.GetProperty("pid").ToString());
                Assert.True(playlist.GetProperty("num_tracks").GetInt32() >= 5, playlist.GetProperty("pid").ToString());
            }
    }

    [Fact]
    public void SmallerSlicesGiveASmallDatasetItsHeldOutSplit()
    {
        using var dir = new TempDir();
        string mpd = dir.File("mpd");
        var output = new SynthGenerator(new SynthOptions { Seed = 2, Playlists = 1_000, SliceSize = 100 }).Write(mpd, Progress.None);
        Assert.Equal(10, output.SliceFiles);
        Assert.Equal(Enumerable.Range(0, 10).Select(s => $"mpd.slice.{100 * s}-{100 * s + 99}.json").Order(StringComparer.Ordinal),
            Directory.GetFiles(output.SliceFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Segue.Data.MpdIngest.Run([mpd], dir.File("d.segue"), new Segue.Data.IngestOptions(), Progress.None);
        using var ds = Segue.Data.Dataset.Open(dir.File("d.segue"));
        Assert.Equal(Enumerable.Range(900, 100), ds.TestPlaylists.ToArray().Select(p => ds.Pids[p]));
    }

    [Fact]
    public void PlaylistsHaveTheMpdKeysTypesAndConsistentCounts()
    {
        var pids = new List<int>();
        int described = 0;
        foreach (var file in new[] { "mpd.slice.0-999.json", "mpd.slice.1000-1999.json", "mpd.slice.2000-2499.json" })
        {
            using var doc = Parse(file);
            Assert.Equal(["info", "playlists"], doc.RootElement.EnumerateObject().Select(p => p.Name));
            foreach (var playlist in doc.RootElement.GetProperty("playlists").EnumerateArray())
            {
                var keys = playlist.EnumerateObject().Select(p => p.Name).ToArray();
                if (keys.Length == PlaylistKeys.Length + 1)
                {
                    Assert.Equal("description", keys[^1]);
                    Assert.Equal(JsonValueKind.String, playlist.GetProperty("description").ValueKind);
                    described++;
                    keys = keys[..^1];
                }
                Assert.Equal(PlaylistKeys, keys);
                Assert.Equal(JsonValueKind.String, playlist.GetProperty("name").ValueKind);
                Assert.Contains(playlist.GetProperty("collaborative").GetString(), new[] { "true", "false" });
                pids.Add(playlist.GetProperty("pid").GetInt32());
                long modified = playlist.GetProperty("modified_at").GetInt64();
                Assert.InRange(modified, 1_262_304_000L, 1_514_764_799L);    // 2010..2017
                Assert.True(playlist.GetProperty("num_followers").GetInt32() >= 1);
                Assert.True(playlist.GetProperty("num_edits").GetInt32() >= 1);

                var tracks = playlist.GetProperty("tracks").EnumerateArray().ToArray();
                Assert.Equal(tracks.Length, playlist.GetProperty("num_tracks").GetInt32());
                Assert.InRange(tracks.Length, 5, 250);
                long duration = 0;
                for (int pos = 0; pos < tracks.Length; pos++)
                {
                    var track = tracks[pos];
                    Assert.Equal(TrackKeys, track.EnumerateObject().Select(p => p.Name));
                    Assert.Equal(pos, track.GetProperty("pos").GetInt32());
                    Assert.Matches(TrackUri(), track.GetProperty("track_uri").GetString());
                    Assert.Matches(AlbumUri(), track.GetProperty("album_uri").GetString());
                    Assert.Matches(ArtistUri(), track.GetProperty("artist_uri").GetString());
                    Assert.False(string.IsNullOrWhiteSpace(track.GetProperty("track_name").GetString()));
                    Assert.False(string.IsNullOrWhiteSpace(track.GetProperty("album_name").GetString()));
                    Assert.False(string.IsNullOrWhiteSpace(track.GetProperty("artist_name").GetString()));
                    duration += track.GetProperty("duration_ms").GetInt32();
                }
                Assert.Equal(duration, playlist.GetProperty("duration_ms").GetInt64());
                Assert.Equal(tracks.Select(t => t.GetProperty("album_uri").GetString()).Distinct().Count(),
                             playlist.GetProperty("num_albums").GetInt32());
                Assert.Equal(tracks.Select(t => t.GetProperty("artist_uri").GetString()).Distinct().Count(),
                             playlist.GetProperty("num_artists").GetInt32());
            }
        }
        Assert.Equal(Enumerable.Range(0, SynthFixture.Playlists), pids);
        // About 1.9% in the MPD: 47 expected of 2,500.
        Assert.InRange(described, 20, 80);
    }

    [Fact]
    public void LayoutIsPythonStylePrettyPrinting()
    {
        var text = File.ReadAllText(Path.Combine(fixture.Output.SliceFolder, "mpd.slice.0-999.json"));
        Assert.StartsWith("{\n    \"info\": {\n        \"generated_on\": \"2017-12-03 08:41:42.057563\", \n        \"slice\": \"0-999\", \n", text);
        Assert.Contains("\n    \"playlists\": [\n        {\n            \"name\": ", text);
        Assert.Contains("\n            \"tracks\": [\n                {\n                    \"pos\": 0, \n                    \"artist_name\": ", text);
        Assert.DoesNotContain("\r", text);
    }

    /// <summary>Every file is what json.dumps(indent=4) writes for its own contents: the naive
    /// serialiser below is that function's layout and ensure_ascii escaping, written plainly.</summary>
    [Fact]
    public void EveryFileIsExactlyWhatPythonsJsonDumpsWritesForItsContents()
    {
        var files = Directory.GetFiles(fixture.Output.SliceFolder).Append(fixture.Output.ChallengeSetPath!).ToArray();
        bool escaped = false, emptyArray = false;
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            using var doc = JsonDocument.Parse(bytes);
            var expected = new StringBuilder();
            PythonDumps(doc.RootElement, 0, expected);
            Assert.Equal(expected.ToString(), Encoding.Latin1.GetString(bytes));
            escaped |= expected.ToString().Contains("\\ud83", StringComparison.Ordinal);
            emptyArray |= expected.ToString().Contains("\"tracks\": [], ", StringComparison.Ordinal);
        }
        // The fixture exercises the escapes (emoji in titles) and empty containers (title-only challenges).
        Assert.True(escaped && emptyArray);
    }

    private static void PythonDumps(JsonElement value, int depth, StringBuilder text)
    {
        string inner = "\n" + new string(' ', 4 * (depth + 1)), outer = "\n" + new string(' ', 4 * depth);
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var properties = value.EnumerateObject().ToArray();
                if (properties.Length == 0) { text.Append("{}"); return; }
                text.Append('{');
                for (int i = 0; i < properties.Length; i++)
                {
                    text.Append(i > 0 ? ", " : "").Append(inner);
                    PythonString(properties[i].Name, text);
                    text.Append(": ");
                    PythonDumps(properties[i].Value, depth + 1, text);
                }
                text.Append(outer).Append('}');
                return;
            case JsonValueKind.Array:
                var items = value.EnumerateArray().ToArray();
                if (items.Length == 0) { text.Append("[]"); return; }
                text.Append('[');
                for (int i = 0; i < items.Length; i++)
                {
                    text.Append(i > 0 ? ", " : "").Append(inner);
                    PythonDumps(items[i], depth + 1, text);
                }
                text.Append(outer).Append(']');
                return;
            case JsonValueKind.String:
                PythonString(value.GetString()!, text);
                return;
            default:
                text.Append(value.GetRawText());
                return;
        }
    }

    private static void PythonString(string value, StringBuilder text)
    {
        text.Append('"');
        foreach (char c in value)
            text.Append(c switch
            {
                '"' => "\\\"", '\\' => "\\\\", '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", '\b' => "\\b", '\f' => "\\f",
                < ' ' or > '~' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        text.Append('"');
    }

    [Fact]
    public void AnAlbumAlwaysHasOneNameAndArtist()
    {
        var albums = new Dictionary<string, (string?, string?)>();
        using var doc = Parse("mpd.slice.0-999.json");
        foreach (var playlist in doc.RootElement.GetProperty("playlists").EnumerateArray())
            foreach (var track in playlist.GetProperty("tracks").EnumerateArray())
            {
                var value = (track.GetProperty("album_name").GetString(), track.GetProperty("artist_uri").GetString());
                Assert.Equal(value, albums.TryAdd(track.GetProperty("album_uri").GetString()!, value) ? value : albums[track.GetProperty("album_uri").GetString()!]);
            }
    }

    private JsonDocument Parse(string file) =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(fixture.Output.SliceFolder, file)));
}
