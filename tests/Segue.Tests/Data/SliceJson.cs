using System.Text;

namespace Segue.Tests.Data;

/// <summary>Writes small MPD slices for tests, laid out as the real files are (4-space
/// indentation, keys in the real order), so a test can then damage exactly one thing.</summary>
public static class SliceJson
{
    /// <summary>A playlist of tracks given as (track, album, artist) numbers.</summary>
    public sealed record Playlist(int Pid, string Name, params (int Track, int Album, int Artist)[] Tracks);

    public static string Slice(int start, int end, params Playlist[] playlists)
    {
        var s = new StringBuilder();
        s.Append("{\n    \"info\": {\n        \"generated_on\": \"2017-12-03 08:41:42.057563\",\n");
        s.Append($"        \"slice\": \"{start}-{end}\",\n        \"version\": \"v1\"\n    }},\n    \"playlists\": [\n");
        for (int p = 0; p < playlists.Length; p++)
        {
            var pl = playlists[p];
            s.Append($"        {{\n            \"name\": \"{pl.Name}\",\n            \"collaborative\": \"false\",\n");
            s.Append($"            \"pid\": {pl.Pid},\n            \"modified_at\": 1493424000,\n");
            s.Append($"            \"num_tracks\": {pl.Tracks.Length},\n            \"num_albums\": {pl.Tracks.Select(t => t.Album).Distinct().Count()},\n");
            s.Append($"            \"num_artists\": {pl.Tracks.Select(t => t.Artist).Distinct().Count()},\n            \"num_followers\": 1,\n");
            s.Append("            \"tracks\": [\n");
            for (int i = 0; i < pl.Tracks.Length; i++)
            {
                var (t, al, ar) = pl.Tracks[i];
                s.Append($"                {{\n                    \"pos\": {i},\n                    \"artist_name\": \"Artist {ar}\",\n");
                s.Append($"                    \"track_uri\": \"spotify:track:{Id('t', t)}\",\n");
                s.Append($"                    \"artist_uri\": \"spotify:artist:{Id('r', ar)}\",\n");
                s.Append($"                    \"track_name\": \"Track {t}\",\n");
                s.Append($"                    \"album_uri\": \"spotify:album:{Id('a', al)}\",\n");
                s.Append($"                    \"duration_ms\": {180000 + t},\n                    \"album_name\": \"Album {al}\"\n");
                s.Append(i + 1 < pl.Tracks.Length ? "                },\n" : "                }\n");
            }
            s.Append("            ],\n            \"num_edits\": 2,\n");
            s.Append($"            \"duration_ms\": {pl.Tracks.Sum(t => 180000 + t.Track)}\n");
            s.Append(p + 1 < playlists.Length ? "        },\n" : "        }\n");
        }
        s.Append("    ]\n}");
        return s.ToString();
    }

    /// <summary>A 22-character base-62-like id for track/album/artist number n.</summary>
    public static string Id(char kind, int n) => $"{kind}{n:D21}";

    public static string TrackUri(int n) => $"spotify:track:{Id('t', n)}";

    /// <summary>Writes a folder of slices of <paramref name="perSlice"/> playlists each, pids from 0,
    /// every playlist a run of <paramref name="length"/> tracks drawn from a small catalogue
    /// (each track always on the same album and by the same artist, as in the MPD).</summary>
    public static void WriteFolder(string dir, int slices, int perSlice, int length = 12)
    {
        Directory.CreateDirectory(dir);
        for (int s = 0; s < slices; s++)
        {
            var playlists = Enumerable.Range(s * perSlice, perSlice)
                .Select(pid => new Playlist(pid, $"mix {pid % 7}",
                    Enumerable.Range(0, length).Select(i => (pid * 7 + i * 3) % 50).Select(t => (t, t % 20, t % 9)).ToArray()))
                .ToArray();
            int start = s * perSlice, end = start + perSlice - 1;
            File.WriteAllText(Path.Combine(dir, $"mpd.slice.{start}-{end}.json"), Slice(start, end, playlists));
        }
    }
}
