using System.Globalization;

namespace Segue.Data;

/// <summary>
/// Writes playlists in the MPD's JSON, byte for byte in the real files' layout (see
/// <see cref="PythonJsonWriter"/>): slice files and the challenge set, with the real files' keys
/// in the real order and types (<c>collaborative</c> is a string). The order is that of the
/// Python 2 dicts the MPD was dumped from, which is why <c>num_artists</c> comes last. The tracks'
/// fields come from <paramref name="tracks"/>: a synthetic catalogue or a dataset.
/// </summary>
internal sealed class MpdJsonWriter(IMpdTracks tracks)
{
    /// <summary>Fixed so that the output depends on nothing but the seed and the sizes.</summary>
    public const string GeneratedOn = "2017-12-03 08:41:42.057563";
    public const string ChallengeDate = "2018-01-16 08:47:28.198015";

    /// <summary>The slice's name as in its file name and <c>info.slice</c>: "START-END".</summary>
    public static string SliceName(int firstPid, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{firstPid}-{firstPid + count - 1}");

    public static string SliceFileName(int firstPid, int count) => $"mpd.slice.{SliceName(firstPid, count)}.json";

    public void WriteSlice(Stream stream, IReadOnlyList<MpdPlaylist> playlists)
    {
        using var writer = new PythonJsonWriter(stream);
        writer.WriteStartObject();
        writer.WriteStartObject("info"u8);
        writer.WriteString("generated_on"u8, GeneratedOn);
        writer.WriteString("slice"u8, SliceName(playlists[0].Pid, playlists.Count));
        writer.WriteString("version"u8, "v1");
        writer.WriteEndObject();
        WritePlaylistArray(writer, playlists);
        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>A slice without its info: <c>{"playlists": [...]}</c>.</summary>
    public void WritePlaylists(Stream stream, IReadOnlyList<MpdPlaylist> playlists)
    {
        using var writer = new PythonJsonWriter(stream);
        writer.WriteStartObject();
        WritePlaylistArray(writer, playlists);
        writer.WriteEndObject();
        writer.Flush();
    }

    private void WritePlaylistArray(PythonJsonWriter writer, IReadOnlyList<MpdPlaylist> playlists)
    {
        writer.WriteStartArray("playlists"u8);
        foreach (var playlist in playlists)
        {
            writer.WriteStartObject();
            writer.WriteString("name"u8, playlist.Name);
            writer.WriteString("collaborative"u8, playlist.Collaborative ? "true"u8 : "false"u8);
            writer.WriteNumber("pid"u8, playlist.Pid);
            writer.WriteNumber("modified_at"u8, playlist.ModifiedAt);
            writer.WriteNumber("num_tracks"u8, playlist.Tracks.Length);
            writer.WriteNumber("num_albums"u8, playlist.NumAlbums);
            writer.WriteNumber("num_followers"u8, playlist.NumFollowers);
            writer.WriteStartArray("tracks"u8);
            for (int pos = 0; pos < playlist.Tracks.Length; pos++)
                WriteTrack(writer, pos, playlist.Tracks[pos]);
            writer.WriteEndArray();
            writer.WriteNumber("num_edits"u8, playlist.NumEdits);
            writer.WriteNumber("duration_ms"u8, playlist.DurationMs);
            writer.WriteNumber("num_artists"u8, playlist.NumArtists);
            if (playlist.Description is { } description)
                writer.WriteString("description"u8, description);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    /// <summary>The challenge set's layout: keys name, num_holdouts, pid, num_tracks, tracks, num_samples.</summary>
    public void WriteChallengeSet(Stream stream, IReadOnlyList<ChallengePlaylist> challenges)
    {
        using var writer = new PythonJsonWriter(stream);
        writer.WriteStartObject();
        writer.WriteString("date"u8, ChallengeDate);
        writer.WriteString("version"u8, "v1");
        writer.WriteStartArray("playlists"u8);
        foreach (var challenge in challenges)
        {
            var playlist = challenge.Playlist;
            writer.WriteStartObject();
            if (challenge.Category.HasTitle)
                writer.WriteString("name"u8, playlist.Name);
            writer.WriteNumber("num_holdouts"u8, playlist.Tracks.Length - challenge.SeedPositions.Length);
            writer.WriteNumber("pid"u8, playlist.Pid);
            writer.WriteNumber("num_tracks"u8, playlist.Tracks.Length);
            writer.WriteStartArray("tracks"u8);
            foreach (int pos in challenge.SeedPositions)
                WriteTrack(writer, pos, playlist.Tracks[pos]);
            writer.WriteEndArray();
            writer.WriteNumber("num_samples"u8, challenge.SeedPositions.Length);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
    }

    private void WriteTrack(PythonJsonWriter writer, int pos, int track)
    {
        Span<byte> buffer = stackalloc byte[tracks.MaxFieldBytes];
        writer.WriteStartObject();
        writer.WriteNumber("pos"u8, pos);
        writer.WriteString("artist_name"u8, tracks.Text(MpdTrackField.ArtistName, track, buffer));
        writer.WriteString("track_uri"u8, tracks.Text(MpdTrackField.TrackUri, track, buffer));
        writer.WriteString("artist_uri"u8, tracks.Text(MpdTrackField.ArtistUri, track, buffer));
        writer.WriteString("track_name"u8, tracks.Text(MpdTrackField.TrackName, track, buffer));
        writer.WriteString("album_uri"u8, tracks.Text(MpdTrackField.AlbumUri, track, buffer));
        writer.WriteNumber("duration_ms"u8, tracks.DurationMs(track));
        writer.WriteString("album_name"u8, tracks.Text(MpdTrackField.AlbumName, track, buffer));
        writer.WriteEndObject();
    }
}
