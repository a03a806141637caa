using System.Globalization;

namespace Segue.Data.Synth;

/// <summary>
/// Writes generated playlists in the MPD's JSON, byte for byte in the real files' layout (see
/// <see cref="PythonJsonWriter"/>; playlists and tracks as <see cref="MpdLayout"/> has them): slice
/// files and the challenge set. Track names and URIs go through a stack buffer.
/// </summary>
internal sealed class MpdJsonWriter(SynthCatalogue catalogue)
{
    /// <summary>Fixed so that the output depends on nothing but the seed and the sizes.</summary>
    public const string GeneratedOn = "2017-12-03 08:41:42.057563";
    public const string ChallengeDate = "2018-01-16 08:47:28.198015";

    /// <summary>The slice's name as in its file name and <c>info.slice</c>: "START-END".</summary>
    public static string SliceName(int firstPid, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{firstPid}-{firstPid + count - 1}");

    public static string SliceFileName(int firstPid, int count) => $"mpd.slice.{SliceName(firstPid, count)}.json";

    public void WriteSlice(Stream stream, IReadOnlyList<SynthPlaylist> playlists)
    {
        using var writer = new PythonJsonWriter(stream);
        writer.WriteStartObject();
        writer.WriteStartObject("info"u8);
        writer.WriteString("generated_on"u8, GeneratedOn);
        writer.WriteString("slice"u8, SliceName(playlists[0].Pid, playlists.Count));
        writer.WriteString("version"u8, "v1");
        writer.WriteEndObject();
        writer.WriteStartArray("playlists"u8);
        foreach (var playlist in playlists)
            MpdLayout.WritePlaylist(writer, new MpdLayout.Playlist(playlist.Name, playlist.Collaborative, playlist.Pid, playlist.ModifiedAt,
                    playlist.Tracks.Length, playlist.NumAlbums, playlist.NumFollowers, playlist.NumEdits, playlist.DurationMs, playlist.NumArtists,
                    playlist.Description), playlist.Tracks,
                (w, tracks) =>
                {
                    for (int pos = 0; pos < tracks.Length; pos++) WriteTrack(w, pos, tracks[pos]);
                });
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>The challenge set's layout: keys name, num_holdouts, pid, num_tracks, tracks, num_samples.</summary>
    public void WriteChallengeSet(Stream stream, IReadOnlyList<SynthChallenge> challenges)
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
        const int Max = SynthNames.MaxLength;
        Span<byte> buffer = stackalloc byte[6 * Max];
        long seed = catalogue.Seed;
        int album = catalogue.TrackAlbum[track];
        int artist = catalogue.AlbumArtist[album];
        var artistName = buffer[..SynthNames.Name(seed, SynthNames.Kind.Artist, artist, buffer[..Max])];
        var trackUri = buffer.Slice(Max, SynthNames.Uri(seed, SynthNames.Kind.Track, track, buffer.Slice(Max, Max)));
        var artistUri = buffer.Slice(2 * Max, SynthNames.Uri(seed, SynthNames.Kind.Artist, artist, buffer.Slice(2 * Max, Max)));
        var trackName = buffer.Slice(3 * Max, SynthNames.Name(seed, SynthNames.Kind.Track, track, buffer.Slice(3 * Max, Max)));
        var albumUri = buffer.Slice(4 * Max, SynthNames.Uri(seed, SynthNames.Kind.Album, album, buffer.Slice(4 * Max, Max)));
        var albumName = buffer.Slice(5 * Max, SynthNames.Name(seed, SynthNames.Kind.Album, album, buffer.Slice(5 * Max, Max)));
        MpdLayout.WriteTrack(writer, pos, artistName, trackUri, artistUri, trackName, albumUri, catalogue.TrackDurationMs[track], albumName);
    }
}
