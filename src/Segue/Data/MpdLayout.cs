using Segue.Data.Synth;

namespace Segue.Data;

/// <summary>
/// The MPD's PLAYLIST and TRACK objects as its files lay them out: the real keys in the real order
/// (that of the Python 2 dicts the MPD was dumped from, which is why <c>num_artists</c> comes last)
/// and types (<c>collaborative</c> a string), through <see cref="PythonJsonWriter"/>. The synthetic
/// slices and <c>segue show --json</c> both write them here.
/// </summary>
public static class MpdLayout
{
    /// <summary>A playlist's own fields; <paramref name="Description"/> is written only when there is one.</summary>
    public readonly record struct Playlist(string Name, bool Collaborative, int Pid, long ModifiedAt, int NumTracks, int NumAlbums,
        int NumFollowers, int NumEdits, long DurationMs, int NumArtists, string? Description);

    /// <summary>Writes <paramref name="playlist"/>, its tracks written by <paramref name="writeTracks"/>
    /// (with <see cref="WriteTrack"/>) inside its <c>tracks</c> array.</summary>
    public static void WritePlaylist<TState>(PythonJsonWriter writer, in Playlist playlist, TState state, Action<PythonJsonWriter, TState> writeTracks)
    {
        writer.WriteStartObject();
        writer.WriteString("name"u8, playlist.Name);
        writer.WriteString("collaborative"u8, playlist.Collaborative ? "true"u8 : "false"u8);
        writer.WriteNumber("pid"u8, playlist.Pid);
        writer.WriteNumber("modified_at"u8, playlist.ModifiedAt);
        writer.WriteNumber("num_tracks"u8, playlist.NumTracks);
        writer.WriteNumber("num_albums"u8, playlist.NumAlbums);
        writer.WriteNumber("num_followers"u8, playlist.NumFollowers);
        writer.WriteStartArray("tracks"u8);
        writeTracks(writer, state);
        writer.WriteEndArray();
        writer.WriteNumber("num_edits"u8, playlist.NumEdits);
        writer.WriteNumber("duration_ms"u8, playlist.DurationMs);
        writer.WriteNumber("num_artists"u8, playlist.NumArtists);
        if (playlist.Description is { } description)
            writer.WriteString("description"u8, description);
        writer.WriteEndObject();
    }

    /// <summary>Writes one TRACK object; names and URIs are UTF-8.</summary>
    public static void WriteTrack(PythonJsonWriter writer, int pos, ReadOnlySpan<byte> artistName, ReadOnlySpan<byte> trackUri,
        ReadOnlySpan<byte> artistUri, ReadOnlySpan<byte> trackName, ReadOnlySpan<byte> albumUri, long durationMs, ReadOnlySpan<byte> albumName)
    {
        writer.WriteStartObject();
        writer.WriteNumber("pos"u8, pos);
        writer.WriteString("artist_name"u8, artistName);
        writer.WriteString("track_uri"u8, trackUri);
        writer.WriteString("artist_uri"u8, artistUri);
        writer.WriteString("track_name"u8, trackName);
        writer.WriteString("album_uri"u8, albumUri);
        writer.WriteNumber("duration_ms"u8, durationMs);
        writer.WriteString("album_name"u8, albumName);
        writer.WriteEndObject();
    }
}
