using System.Text.Json;
using Segue.Data.Synth;

namespace Segue.Tests.Data.Synth;

/// <summary>Shape checks robust at small sizes; the figures at 1M are the synth benchmark's job.</summary>
public sealed class SynthCalibrationTests(SynthFixture fixture) : IClassFixture<SynthFixture>
{
    [Fact]
    public void PopularityIsHeavyTailedAndLengthsArePlausible()
    {
        var playlistsPerTrack = new Dictionary<string, int>();
        var titles = new List<string>();
        var lengths = new List<int>();
        foreach (var file in Directory.GetFiles(fixture.Output.SliceFolder))
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            foreach (var playlist in doc.RootElement.GetProperty("playlists").EnumerateArray())
            {
                var tracks = playlist.GetProperty("tracks").EnumerateArray().Select(t => t.GetProperty("track_uri").GetString()!).ToArray();
                foreach (var uri in tracks.Distinct())
                    playlistsPerTrack[uri] = playlistsPerTrack.GetValueOrDefault(uri) + 1;
                lengths.Add(tracks.Length);
                titles.Add(playlist.GetProperty("name").GetString()!);
            }
        }
        var counts = playlistsPerTrack.Values.Order().ToArray();
        int top = counts[^1], median = counts[counts.Length / 2];
        Assert.True(top >= 30 * median, $"top track in {top} playlists, median track in {median}");
        Assert.InRange((double)top / lengths.Count, 0.01, 0.25);
        // About half the MPD's tracks occur in one playlist only: 46.7% at 1M, 35% here, where a
        // genre's few artists are all well known and their albums are continued track after track.
        // The top track's share also depends on the size (4.6% only at 1M): the benchmark checks both.
        double once = counts.Count(c => c == 1) / (double)counts.Length;
        Assert.InRange(once, 0.30, 0.60);
        Assert.InRange(lengths.Average(), 55.0, 78.0);
        Assert.InRange(lengths.Order().ElementAt(lengths.Count / 2), 40, 58);

        // Titles say something and repeat once normalised, as people write the same few words.
        int distinctNormalised = titles.Select(Normalise).Distinct().Count();
        Assert.True(distinctNormalised < titles.Count / 3, $"{distinctNormalised} distinct normalised titles of {titles.Count}");
        Assert.True(titles.Distinct().Count() > distinctNormalised, "casing and decoration should vary");
    }

    /// <summary>The real MPD playlists' order (bench/eval/order.py on ../shared/data's 1,037): 14.0%
    /// of adjacent tracks share an album and 24.4% an artist; a track's artist is among the three
    /// before it for 27.4% of tracks, among the playlist's first three for 5.5%. The generator gives
    /// 14.5%, 25.4%, 27.4% and 1.3% at 20,000 playlists, 14.3%, 23.1%, 24.4% and 0.5% at 1M.</summary>
    [Fact]
    public void PlaylistsAreOrderedAsRealOnesAre()
    {
        var census = new SynthGenerator(new SynthOptions { Seed = 1, Playlists = 20_000 }).Census(Progress.None);
        Assert.InRange(census.SameAlbumShare, 0.12, 0.16);
        Assert.InRange(census.SameArtistShare, 0.21, 0.28);
        Assert.InRange(census.RecentArtistShare, 0.22, 0.32);
        Assert.True(census.RecentArtistShare > 5 * census.OpeningArtistShare,
            $"recent {census.RecentArtistShare:P1}, opening {census.OpeningArtistShare:P1}: what comes next should follow the last tracks");
    }

    [Fact]
    public void CensusAgreesWithTheWrittenSlices()
    {
        var census = new SynthGenerator(new SynthOptions { Seed = SynthFixture.Seed, Playlists = SynthFixture.Playlists }).Census(Progress.None);
        var uris = new HashSet<string>();
        var albums = new HashSet<string>();
        long occurrences = 0;
        foreach (var file in Directory.GetFiles(fixture.Output.SliceFolder))
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            foreach (var playlist in doc.RootElement.GetProperty("playlists").EnumerateArray())
                foreach (var track in playlist.GetProperty("tracks").EnumerateArray())
                {
                    occurrences++;
                    uris.Add(track.GetProperty("track_uri").GetString()!);
                    albums.Add(track.GetProperty("album_uri").GetString()!);
                }
        }
        Assert.Equal(occurrences, census.Occurrences);
        Assert.Equal(uris.Count, census.UniqueTracks);
        Assert.Equal(albums.Count, census.UniqueAlbums);
        Assert.Equal(SynthFixture.Playlists, census.Playlists);
        long pairs = 0, sameAlbum = 0;
        foreach (var file in Directory.GetFiles(fixture.Output.SliceFolder))
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            foreach (var playlist in doc.RootElement.GetProperty("playlists").EnumerateArray())
            {
                var albumsInOrder = playlist.GetProperty("tracks").EnumerateArray().Select(t => t.GetProperty("album_uri").GetString()).ToArray();
                pairs += albumsInOrder.Length - 1;
                sameAlbum += albumsInOrder.Zip(albumsInOrder.Skip(1)).Count(p => p.First == p.Second);
            }
        }
        Assert.Equal(pairs, census.AdjacentPairs);
        Assert.Equal(sameAlbum, census.SameAlbumPairs);
    }

    private static string Normalise(string title) =>
        string.Join(' ', new string([.. title.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c == ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
