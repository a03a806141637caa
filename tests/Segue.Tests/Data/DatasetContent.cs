using Segue.Data;

namespace Segue.Tests.Data;

/// <summary>Two datasets hold the same playlists, catalogue and split: every section but where
/// they were read from.</summary>
public static class DatasetContent
{
    public static void AssertSame(Dataset expected, Dataset actual)
    {
        Assert.Equal(expected.Pids.ToArray(), actual.Pids.ToArray());
        Assert.Equal(expected.PlaylistOffsets.ToArray(), actual.PlaylistOffsets.ToArray());
        Assert.Equal(expected.AllPlaylistTracks.ToArray(), actual.AllPlaylistTracks.ToArray());
        Assert.Equal(expected.PlaylistSlices.ToArray(), actual.PlaylistSlices.ToArray());
        Assert.Equal(expected.TrainPlaylists.ToArray(), actual.TrainPlaylists.ToArray());
        Assert.Equal(expected.TestPlaylists.ToArray(), actual.TestPlaylists.ToArray());
        Assert.Equal(expected.ModifiedAt.ToArray(), actual.ModifiedAt.ToArray());
        Assert.Equal(expected.Followers.ToArray(), actual.Followers.ToArray());
        Assert.Equal(expected.Edits.ToArray(), actual.Edits.ToArray());
        for (int p = 0; p < expected.PlaylistCount; p++)
        {
            Assert.Equal(expected.PlaylistName(p), actual.PlaylistName(p));
            Assert.Equal(expected.PlaylistDescription(p), actual.PlaylistDescription(p));
            Assert.Equal(expected.IsCollaborative(p), actual.IsCollaborative(p));
        }
        Assert.Equal(expected.TrackAlbums.ToArray(), actual.TrackAlbums.ToArray());
        Assert.Equal(expected.TrackArtists.ToArray(), actual.TrackArtists.ToArray());
        Assert.Equal(expected.TrackDurationsMs.ToArray(), actual.TrackDurationsMs.ToArray());
        Assert.Equal(Strings(expected.TrackCount, expected.TrackUri), Strings(actual.TrackCount, actual.TrackUri));
        Assert.Equal(Strings(expected.TrackCount, expected.TrackName), Strings(actual.TrackCount, actual.TrackName));
        Assert.Equal(Strings(expected.AlbumCount, expected.AlbumUri), Strings(actual.AlbumCount, actual.AlbumUri));
        Assert.Equal(Strings(expected.AlbumCount, expected.AlbumName), Strings(actual.AlbumCount, actual.AlbumName));
        Assert.Equal(Strings(expected.ArtistCount, expected.ArtistUri), Strings(actual.ArtistCount, actual.ArtistUri));
        Assert.Equal(Strings(expected.ArtistCount, expected.ArtistName), Strings(actual.ArtistCount, actual.ArtistName));
        Assert.Equal(expected.Fingerprint, actual.Fingerprint);
    }

    private static string[] Strings(int count, Func<int, string> get) => [.. Enumerable.Range(0, count).Select(get)];
}
