using Segue.Model;
using Segue.Structures;

namespace Segue.Bench;

/// <summary>An in-memory catalogue and playlists of roughly the MPD's shape, for the model
/// benchmarks: albums of about three tracks, artists of about two and a half albums, playlist
/// lengths log-normal around 66, track popularity heavy-tailed (low ids popular).</summary>
public static class SyntheticCatalog
{
    public static Catalog Create(int tracks, int albums, int artists, ulong seed = 1)
    {
        var rng = new Rng(seed);
        var trackAlbums = new int[tracks];
        var trackArtists = new int[tracks];
        var durations = new int[tracks];
        for (int t = 0; t < tracks; t++)
        {
            trackAlbums[t] = (int)((long)t * albums / tracks);
            trackArtists[t] = (int)((long)trackAlbums[t] * artists / albums);
            durations[t] = 120_000 + rng.NextInt(180_000);
        }
        return new Catalog(trackAlbums, trackArtists, durations, albums, artists, fingerprint: seed);
    }

    public static IEnumerable<int[]> Playlists(int count, int tracks, ulong seed = 2)
    {
        var rng = new Rng(seed);
        for (int p = 0; p < count; p++)
        {
            int length = (int)Math.Clamp(Math.Exp(3.9 + 0.7 * rng.NextGaussian()), 5, 250);
            var playlist = new int[length];
            for (int i = 0; i < length; i++)
                playlist[i] = (int)(tracks * Math.Pow(rng.NextDouble(), 3));
            yield return playlist;
        }
    }
}
