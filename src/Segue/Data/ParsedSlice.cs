using System.Runtime.InteropServices;

namespace Segue.Data;

/// <summary>
/// One MPD slice as parsed, with its own slice-local vocabularies (ids in order of first
/// appearance within the slice). Slices are parsed in parallel; <see cref="DatasetBuilder"/>
/// then merges them in slice order, which maps local ids to global ones in global
/// first-appearance order while touching each distinct URI of a slice once, not each occurrence.
/// </summary>
public sealed class ParsedSlice(string source)
{
    /// <summary>The file (or zip entry) the slice came from, for messages and the dataset's record.</summary>
    public string Source { get; } = source;

    // Sized for a real slice (1,000 playlists: some 30,000 distinct tracks), so that they rarely grow.
    public readonly Utf8Interner Tracks = new(1 << 15), Albums = new(1 << 13), Artists = new(1 << 12);
    public readonly Utf8StringList TrackNames = new(), AlbumNames = new(), ArtistNames = new();
    public readonly List<int> TrackAlbums = [], TrackArtists = [], TrackDurations = [];

    public readonly List<int> Pids = [], ModifiedAt = [], Followers = [], Edits = [];
    public readonly List<bool> Collaborative = [];
    public readonly Utf8StringList PlaylistNames = new(), Descriptions = new();
    /// <summary>Playlist i's tracks are <c>PlaylistTracks[PlaylistEnds[i-1]..PlaylistEnds[i]]</c> (local ids).</summary>
    public readonly List<int> PlaylistEnds = [], PlaylistTracks = [];

    public int PlaylistCount => Pids.Count;

    /// <summary>Says where a table's rows are (line and column), for messages; null: an MPD
    /// slice's playlists, by pid and track number.</summary>
    internal Func<int, int, string, string>? Locator { get; init; }

    /// <summary>Where track <paramref name="position"/> of playlist <paramref name="playlist"/> and
    /// its <paramref name="field"/> (a key of the MPD's track object) are, for a message.</summary>
    public string Where(int playlist, int position, string field) =>
        Locator?.Invoke(playlist, position, field) ?? $"playlist pid {Pids[playlist]}, track {position}: field '{field}'";

    /// <summary>Adds one occurrence of a track to the playlist being built and returns its id. A
    /// track's album, artist, names and duration are those of its first occurrence, so for a track
    /// already seen (<paramref name="added"/> false) only its URI is looked up (the hot path of ingest).</summary>
    public int AddTrack(ReadOnlySpan<byte> trackUri, ReadOnlySpan<byte> albumUri, ReadOnlySpan<byte> artistUri,
        ReadOnlySpan<byte> trackName, ReadOnlySpan<byte> albumName, ReadOnlySpan<byte> artistName, int durationMs, out bool added)
    {
        int track = Tracks.Intern(trackUri, out added);
        if (added)
        {
            int album = Albums.Intern(albumUri, out bool newAlbum);
            if (newAlbum) AlbumNames.Add(albumName);
            int artist = Artists.Intern(artistUri, out bool newArtist);
            if (newArtist) ArtistNames.Add(artistName);
            TrackNames.Add(trackName);
            TrackAlbums.Add(album);
            TrackArtists.Add(artist);
            TrackDurations.Add(durationMs);
        }
        PlaylistTracks.Add(track);
        return track;
    }

    public ReadOnlySpan<byte> AlbumOf(int track) => Albums[TrackAlbums[track]];
    public ReadOnlySpan<byte> ArtistOf(int track) => Artists[TrackArtists[track]];

    /// <summary>Closes the playlist whose tracks were added since the previous one.</summary>
    public void EndPlaylist(int pid, ReadOnlySpan<byte> name, ReadOnlySpan<byte> description,
        int modifiedAt, int followers, int edits, bool collaborative)
    {
        Pids.Add(pid);
        PlaylistNames.Add(name);
        Descriptions.Add(description);
        ModifiedAt.Add(modifiedAt);
        Followers.Add(followers);
        Edits.Add(edits);
        Collaborative.Add(collaborative);
        PlaylistEnds.Add(PlaylistTracks.Count);
    }

    /// <summary>Forgets the tracks added since the last complete playlist (a playlist found bad).
    /// URIs it interned stay in the slice's vocabularies, but ids are only given to tracks of
    /// kept playlists when slices merge, so they never reach the dataset.</summary>
    public void DiscardOpenPlaylist()
    {
        int end = PlaylistEnds.Count == 0 ? 0 : PlaylistEnds[^1];
        PlaylistTracks.RemoveRange(end, PlaylistTracks.Count - end);
    }

    internal ReadOnlySpan<int> TracksOf(int playlist) =>
        CollectionsMarshal.AsSpan(PlaylistTracks)[PlaylistStart(playlist)..PlaylistEnds[playlist]];

    /// <summary>Where playlist <paramref name="playlist"/>'s tracks start in <see cref="PlaylistTracks"/>.</summary>
    internal int PlaylistStart(int playlist) => playlist == 0 ? 0 : PlaylistEnds[playlist - 1];
}
