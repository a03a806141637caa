using System.Globalization;
using System.Text.Json;
using Segue.IO;

namespace Segue.Data.Synth;

/// <summary>
/// Writes generated playlists in the MPD's JSON: slice files and the challenge set, with the
/// real files' keys in the real order and types (<c>collaborative</c> is a string). Streams to
/// the file a playlist at a time; track names and URIs go through a stack buffer.
/// </summary>
internal sealed class MpdJsonWriter(SynthCatalogue catalogue)
{
    /// <summary>Fixed so that the output depends on nothing but the seed and the sizes.</summary>
    public const string GeneratedOn = "2017-12-03 08:41:42.057563";
    public const string ChallengeDate = "2018-01-16 08:47:28.198015";

    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name"), Collaborative = JsonEncodedText.Encode("collaborative"),
        Pid = JsonEncodedText.Encode("pid"), ModifiedAt = JsonEncodedText.Encode("modified_at"),
        NumTracks = JsonEncodedText.Encode("num_tracks"), NumAlbums = JsonEncodedText.Encode("num_albums"),
        NumArtists = JsonEncodedText.Encode("num_artists"), NumFollowers = JsonEncodedText.Encode("num_followers"),
        Tracks = JsonEncodedText.Encode("tracks"), NumEdits = JsonEncodedText.Encode("num_edits"),
        DurationMs = JsonEncodedText.Encode("duration_ms"), Description = JsonEncodedText.Encode("description"),
        NumHoldouts = JsonEncodedText.Encode("num_holdouts"), NumSamples = JsonEncodedText.Encode("num_samples"),
        Pos = JsonEncodedText.Encode("pos"), ArtistName = JsonEncodedText.Encode("artist_name"),
        TrackUri = JsonEncodedText.Encode("track_uri"), ArtistUri = JsonEncodedText.Encode("artist_uri"),
        TrackName = JsonEncodedText.Encode("track_name"), AlbumUri = JsonEncodedText.Encode("album_uri"),
        AlbumName = JsonEncodedText.Encode("album_name");

    private static readonly JsonEncodedText True = JsonEncodedText.Encode("true"), False = JsonEncodedText.Encode("false");

    /// <summary>The slice's name as in its file name and <c>info.slice</c>: "START-END".</summary>
    public static string SliceName(int firstPid, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{firstPid}-{firstPid + count - 1}");

    public static string SliceFileName(int firstPid, int count) => $"mpd.slice.{SliceName(firstPid, count)}.json";

    public void WriteSlice(Stream stream, IReadOnlyList<SynthPlaylist> playlists)
    {
        using var writer = new Utf8JsonWriter(stream, PrettyJson.Options);
        writer.WriteStartObject();
        writer.WriteStartObject("info");
        writer.WriteString("generated_on", GeneratedOn);
        writer.WriteString("slice", SliceName(playlists[0].Pid, playlists.Count));
        writer.WriteString("version", "v1");
        writer.WriteEndObject();
        writer.WriteStartArray("playlists");
        foreach (var playlist in playlists)
        {
            writer.WriteStartObject();
            writer.WriteString(Name, playlist.Name);
            writer.WriteString(Collaborative, playlist.Collaborative ? True : False);
            writer.WriteNumber(Pid, playlist.Pid);
            writer.WriteNumber(ModifiedAt, playlist.ModifiedAt);
            writer.WriteNumber(NumTracks, playlist.Tracks.Length);
            writer.WriteNumber(NumAlbums, playlist.NumAlbums);
            writer.WriteNumber(NumArtists, playlist.NumArtists);
            writer.WriteNumber(NumFollowers, playlist.NumFollowers);
            writer.WriteStartArray(Tracks);
            for (int pos = 0; pos < playlist.Tracks.Length; pos++)
                WriteTrack(writer, pos, playlist.Tracks[pos]);
            writer.WriteEndArray();
            writer.WriteNumber(NumEdits, playlist.NumEdits);
            writer.WriteNumber(DurationMs, playlist.DurationMs);
            if (playlist.Description is { } description)
                writer.WriteString(Description, description);
            writer.WriteEndObject();
            // Hand each playlist to the file so the writer's buffer stays small.
            writer.Flush();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The challenge set's layout: keys name, num_holdouts, pid, num_tracks, tracks, num_samples.</summary>
    public void WriteChallengeSet(Stream stream, IReadOnlyList<SynthChallenge> challenges)
    {
        using var writer = new Utf8JsonWriter(stream, PrettyJson.Options);
        writer.WriteStartObject();
        writer.WriteString("date", ChallengeDate);
        writer.WriteString("version", "v1");
        writer.WriteStartArray("playlists");
        foreach (var challenge in challenges)
        {
            var playlist = challenge.Playlist;
            writer.WriteStartObject();
            if (challenge.Category.HasTitle)
                writer.WriteString(Name, playlist.Name);
            writer.WriteNumber(NumHoldouts, playlist.Tracks.Length - challenge.SeedPositions.Length);
            writer.WriteNumber(Pid, playlist.Pid);
            writer.WriteNumber(NumTracks, playlist.Tracks.Length);
            writer.WriteStartArray(Tracks);
            foreach (int pos in challenge.SeedPositions)
                WriteTrack(writer, pos, playlist.Tracks[pos]);
            writer.WriteEndArray();
            writer.WriteNumber(NumSamples, challenge.SeedPositions.Length);
            writer.WriteEndObject();
            writer.Flush();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private void WriteTrack(Utf8JsonWriter writer, int pos, int track)
    {
        Span<byte> buffer = stackalloc byte[SynthNames.MaxLength];
        long seed = catalogue.Seed;
        int album = catalogue.TrackAlbum[track];
        int artist = catalogue.AlbumArtist[album];
        writer.WriteStartObject();
        writer.WriteNumber(Pos, pos);
        writer.WriteString(ArtistName, buffer[..SynthNames.Name(seed, SynthNames.Kind.Artist, artist, buffer)]);
        writer.WriteString(TrackUri, buffer[..SynthNames.Uri(seed, SynthNames.Kind.Track, track, buffer)]);
        writer.WriteString(ArtistUri, buffer[..SynthNames.Uri(seed, SynthNames.Kind.Artist, artist, buffer)]);
        writer.WriteString(TrackName, buffer[..SynthNames.Name(seed, SynthNames.Kind.Track, track, buffer)]);
        writer.WriteString(AlbumUri, buffer[..SynthNames.Uri(seed, SynthNames.Kind.Album, album, buffer)]);
        writer.WriteNumber(DurationMs, catalogue.TrackDurationMs[track]);
        writer.WriteString(AlbumName, buffer[..SynthNames.Name(seed, SynthNames.Kind.Album, album, buffer)]);
        writer.WriteEndObject();
    }
}
