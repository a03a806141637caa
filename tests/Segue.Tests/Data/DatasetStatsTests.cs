using Segue.Data;

namespace Segue.Tests.Data;

public class DatasetStatsTests
{
    private static TrackRecord T(int track, int artist) =>
        new($"spotify:track:t{track}", $"spotify:album:a{track}", $"spotify:artist:r{artist}", $"T{track}", $"A{track}", $"R{artist}", 1000);

    [Fact]
    public void Figures_match_a_hand_counted_dataset()
    {
        using var dir = new TempDir();
        var b = new DatasetBuilder(testEvery: 2, testOffset: 1);
        b.AddPlaylist(0, "Chill", 0, [T(1, 1), T(2, 1), T(1, 1)]);          // track 1 twice: counts once
        b.AddPlaylist(1, "chill!", 0, [T(1, 1), T(3, 2)]);
        b.AddPlaylist(2, "Gym", 1, [T(4, 3), T(5, 3), T(6, 3), T(1, 1), T(7, 2), T(8, 2)]);
        b.Write(dir.File("d.segue"));
        using var ds = Dataset.Open(dir.File("d.segue"));
        var s = DatasetStats.Compute(ds, top: 2);
        Assert.Equal(3, s.Playlists);
        Assert.Equal(2, s.TrainPlaylists);
        Assert.Equal(11, s.TrackOccurrences);
        Assert.Equal(8, s.UniqueTracks);
        Assert.Equal(3, s.UniqueArtists);
        Assert.Equal(3, s.UniqueTitles);
        Assert.Equal(2, s.UniqueNormalizedTitles);
        Assert.Equal(11.0 / 3, s.AveragePlaylistLength, 12);
        Assert.Equal(3, s.MedianPlaylistLength);
        Assert.Equal((2, 6), (s.MinPlaylistLength, s.MaxPlaylistLength));
        Assert.Equal(7.0 / 8, s.TracksInOnePlaylist, 12);   // all but track 1
        Assert.Equal([("spotify:track:t1", 3), ("spotify:track:t2", 1)], s.TopTracks.Select(c => (c.Uri, c.Playlists)));
        Assert.Equal([("R1", 3), ("R2", 2)], s.TopArtists.Select(c => (c.Name, c.Playlists)));
        Assert.Equal(("chill", 2), (s.TopNormalizedTitles[0].Name, s.TopNormalizedTitles[0].Playlists));
        Assert.Equal(2, s.LengthHistogram.Single(h => h.Lengths == "0-4").Playlists);
        Assert.Equal(1, s.LengthHistogram.Single(h => h.Lengths == "5-9").Playlists);
    }

    [Fact]
    public void Top_lists_match_a_full_sort_and_a_negative_count_is_refused()
    {
        using var dir = new TempDir();
        var b = new DatasetBuilder();
        // Artist r of track t: t % 7; playlist p holds tracks p..p+k: counts with many ties.
        for (int p = 0; p < 40; p++)
            b.AddPlaylist(p, $"p{p}", 0, [.. Enumerable.Range(p % 13, 1 + p % 5).Select(t => T(t, t % 7))]);
        b.Write(dir.File("d.segue"));
        using var ds = Dataset.Open(dir.File("d.segue"));
        var counts = new int[ds.ArtistCount];
        for (int p = 0; p < ds.PlaylistCount; p++)
            foreach (int a in ds.PlaylistTracks(p).ToArray().Select(t => ds.TrackArtists[t]).Distinct()) counts[a]++;
        var expected = Enumerable.Range(0, counts.Length).Select(a => (ds.ArtistUri(a), counts[a]))
            .OrderBy(x => -x.Item2).ThenBy(x => ds.TryGetArtist(x.Item1, out int id) ? id : -1).Take(4).ToList();
        Assert.Equal(expected, DatasetStats.Compute(ds, top: 4).TopArtists.Select(c => (c.Uri, c.Playlists)));
        Assert.Empty(DatasetStats.Compute(ds, top: 0).TopTracks);
        Assert.Equal("top -1: must be 0 or more", Assert.Throws<SettingException>(() => DatasetStats.Compute(ds, top: -1)).Message);
    }
}
