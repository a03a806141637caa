namespace Segue.Data;

/// <summary>A dataset's catalogue as the MPD's files give it, read in place.</summary>
internal sealed class DatasetTracks(Dataset dataset) : IMpdTracks
{
    public int MaxFieldBytes => 0;

    public ReadOnlySpan<byte> Text(MpdTrackField field, int track, Span<byte> buffer) => field switch
    {
        MpdTrackField.TrackUri => dataset.TrackUriUtf8(track),
        MpdTrackField.TrackName => dataset.TrackNameUtf8(track),
        MpdTrackField.AlbumUri => dataset.AlbumUriUtf8(dataset.TrackAlbums[track]),
        MpdTrackField.AlbumName => dataset.AlbumNameUtf8(dataset.TrackAlbums[track]),
        MpdTrackField.ArtistUri => dataset.ArtistUriUtf8(dataset.TrackArtists[track]),
        MpdTrackField.ArtistName => dataset.ArtistNameUtf8(dataset.TrackArtists[track]),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    public int DurationMs(int track) => dataset.TrackDurationsMs[track];

    /// <summary>Playlist <paramref name="playlist"/> of the dataset with its MPD fields (album and
    /// artist counts and the duration computed from its tracks).</summary>
    public static MpdPlaylist Playlist(Dataset dataset, int playlist)
    {
        var tracks = dataset.PlaylistTracks(playlist);
        long duration = 0;
        foreach (int t in tracks) duration += dataset.TrackDurationsMs[t];
        string description = dataset.PlaylistDescription(playlist);
        return new MpdPlaylist
        {
            Pid = dataset.Pids[playlist],
            Name = dataset.PlaylistName(playlist),
            Description = description.Length > 0 ? description : null,
            Collaborative = dataset.IsCollaborative(playlist),
            ModifiedAt = dataset.ModifiedAt[playlist],
            NumFollowers = dataset.Followers[playlist],
            NumEdits = dataset.Edits[playlist],
            Tracks = tracks.ToArray(),
            NumAlbums = Distinct(tracks, dataset.TrackAlbums),
            NumArtists = Distinct(tracks, dataset.TrackArtists),
            DurationMs = duration,
        };
    }

    private static int Distinct(ReadOnlySpan<int> tracks, ReadOnlySpan<int> keyOfTrack)
    {
        var keys = new HashSet<int>();
        foreach (int t in tracks) keys.Add(keyOfTrack[t]);
        return keys.Count;
    }
}
