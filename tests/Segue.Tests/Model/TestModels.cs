using Segue.Model;
using Segue.Structures;

namespace Segue.Tests.Model;

/// <summary>Small random catalogues and models for the kernel tests.</summary>
internal static class TestModels
{
    /// <summary>Tracks with ids grouped so that tracks 2k and 2k+1 share album and artist (identical
    /// book-mode rows: ties), albums hashed into fewer buckets than albums (collisions).</summary>
    public static Catalog Catalog(int tracks = 40, int albums = 12, int artists = 7, ulong seed = 1)
    {
        var rng = new Rng(seed);
        var trackAlbums = new int[tracks];
        var trackArtists = new int[tracks];
        var durations = new int[tracks];
        for (int t = 0; t < tracks; t += 2)
        {
            int album = rng.NextInt(albums), artist = rng.NextInt(artists);
            for (int u = t; u < Math.Min(t + 2, tracks); u++)
            {
                trackAlbums[u] = album;
                trackArtists[u] = artist;
                durations[u] = 120_000 + rng.NextInt(240_000);
            }
        }
        // Every album and artist occurs.
        for (int a = 0; a < Math.Min(albums, tracks); a++) trackAlbums[a * tracks / albums] = a;
        for (int r = 0; r < Math.Min(artists, tracks); r++) trackArtists[r * tracks / artists] = r;
        return new Catalog(trackAlbums, trackArtists, durations, albums, artists, fingerprint: 0xC0FFEE);
    }

    /// <summary>A model with every table random (the track table and duration vector too, which
    /// start at zero in training, so that their gradients are exercised).</summary>
    public static EmbeddingModel Random(ModelConfig config, Catalog catalog, ulong seed = 2)
    {
        var rng = new Rng(seed);
        var model = EmbeddingModel.Initialise(config, catalog, rng);
        foreach (var table in new[] { model.Tracks, model.DurationVector }.OfType<Table>())
            for (int i = 0; i < table.Values.Length; i++)
                table.Values[i] = (float)(0.3 * rng.NextGaussian());
        return model;
    }
}
