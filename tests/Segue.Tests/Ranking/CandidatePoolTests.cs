using F = Segue.Ranking.RankingFeatures;
using Segue.Data;
using Segue.Model;
using Segue.Ranking;
using Segue.Retrieval;
using Segue.Tests.Evaluation;
using Segue.Statistics;
using Segue.Structures;

namespace Segue.Tests.Ranking;

/// <summary>Each feature against a value computed by hand on a tiny dataset; a feature of the
/// table that no scenario asserts fails <see cref="Every_feature_of_the_table_is_asserted"/>.</summary>
public class CandidatePoolTests
{
    private readonly HashSet<string> _asserted = [];

    /// <summary>A pool row read by feature name; every name read is counted as asserted.</summary>
    private sealed class FeatureRow(float[] values, HashSet<string> asserted)
    {
        public float this[string name]
        {
            get
            {
                asserted.Add(name);
                return values[F.IndexOf(name)];
            }
        }
    }

    [Fact]
    public void Every_feature_of_the_table_is_asserted()
    {
        Features_of_a_two_seed_playlist_match_the_hand_computed_values();
        Order_and_name_features_match_the_hand_computed_values();
        Model_affinities_are_the_max_and_mean_dot_product_over_the_seeds();
        Sampled_seeds_set_seeds_sampled_and_change_no_other_feature();
        Assert.Empty(F.Names.Except(_asserted));
    }

    [Fact]
    public void The_table_gives_each_feature_its_declared_position_and_a_unique_name()
    {
        Assert.Equal(Enumerable.Range(0, F.Count), F.All.Select(f => f.Index));
        Assert.Equal(F.Count, F.Names.Distinct().Count());
        // Three features for a generator that scores any track, its rank alone for the others.
        Assert.Equal(["cooc_score", "cooc_relative", "cooc_rank", "pknn_score", "pknn_relative", "pknn_rank",
            "title_score", "title_relative", "title_rank", "popularity_rank", "artist_rank"], F.Names.Take(11));
        Assert.Equal((-1, -1, 9), (F.Generators[3].Score, F.Generators[3].Relative, F.Generators[3].Rank));
        Assert.Equal(F.Count - 1, F.HolderLength);
    }
    /// <summary>Training (slice 0): p0 "Summer" [0 1 2], p1 "summer!" [0 1 3], p2 "party" [0 4],
    /// p3 "Summer Party" [5 1 1]. Tracks 0-2 by artist 0, 3-5 by artist 1; tracks 0 and 1 share
    /// album 0, the rest albums of their own. Durations: track n lasts 100 + 10 n seconds.
    /// Held out (slice 1): one playlist of 0 6 7.</summary>
    private static string Write(TempDir dir)
    {
        static TrackRecord T(int n) => new($"spotify:track:t{n}", $"spotify:album:al{(n <= 1 ? 0 : n)}", $"spotify:artist:ar{n / 3}",
            $"Track {n}", $"Album {n}", $"Artist {n / 3}", (100 + 10 * n) * 1000);
        var builder = new DatasetBuilder(testEvery: 2, testOffset: 1);
        builder.AddPlaylist(100, "Summer", 0, [T(0), T(1), T(2)]);
        builder.AddPlaylist(101, "summer!", 0, [T(0), T(1), T(3)]);
        builder.AddPlaylist(102, "party", 0, [T(0), T(4)]);
        builder.AddPlaylist(103, "Summer Party", 0, [T(5), T(1), T(1)]);
        builder.AddPlaylist(200, "held", 1, [T(0), T(6), T(7)]);
        string path = dir.File("pool.segue");
        builder.Write(path);
        return path;
    }

    private FeatureRow Row(CandidatePool pool, int track)
    {
        int i = pool.Tracks.IndexOf(track);
        Assert.True(i >= 0, $"track {track} is not in the pool");
        return new FeatureRow(pool.Features.Slice(i * F.Count, F.Count).ToArray(), _asserted);
    }

    [Fact]
    public void Features_of_a_two_seed_playlist_match_the_hand_computed_values()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(Write(dir));
        var cosine = new GeneratorSettings { CoOccurrence = new() { SeedExponent = 0.5f, CandidateExponent = 0.5f } };
        var sources = new CandidateSources(TrainingStatistics.Of(ds, ds.TrainPlaylists), cosine, model: null);
        var pool = new CandidatePool(sources, depth: 3);
        int n = pool.Build(new PlaylistQuery([0, 5, 0], "Summer", SeedOrder.First));
        // Co-occurrence (a = b = 0.5) lists 1, 2, 3 (depth 3); pknn, the title model and
        // popularity add 4; the seeds never enter; 6 and 7 have no evidence but popularity's
        // list is 1, 2, 3 (counts 3, 1, 1), so they stay out.
        Assert.Equal([1, 2, 3, 4], pool.Tracks.ToArray().Order());
        Assert.Equal(4, n);

        var one = Row(pool, 1);
        // co(0,1) = 2, co(5,1) = 1; pop(0) = 3, pop(5) = 1, pop(1) = 3.
        Assert.Equal(2 / 3f + 1 / MathF.Sqrt(3), one["cooc_score"], 5);
        Assert.Equal(1, one["cooc_relative"]);
        Assert.Equal(0, one["cooc_rank"]);
        Assert.Equal(MathF.Log(4), one["track_popularity"], 5);
        // Album 0 holds tracks 0 (3 playlists) and 1 (3); artist 0 tracks 0, 1, 2 (3 + 3 + 1).
        Assert.Equal(MathF.Log(7), one["album_popularity"], 5);
        Assert.Equal(MathF.Log(8), one["artist_popularity"], 5);
        Assert.Equal(2, one["co_max"]);
        Assert.Equal(1.5f, one["co_mean"]);
        Assert.Equal(1, one["co_min"]);
        Assert.Equal(1, one["co_norm_max"], 5);            // co(5,1)/pop(5) = 1
        Assert.Equal((2 / 3f + 1) / 2, one["co_norm_mean"], 5);
        Assert.Equal(0.5f, one["same_artist_share"]);           // seed 0 is by artist 0, seed 5 by artist 1
        Assert.Equal(1, one["same_artist_count"]);
        Assert.Equal(MathF.Log(4) - MathF.Log(8), one["track_share_of_artist"], 5);
        Assert.Equal(MathF.Log(4) - MathF.Log(7), one["track_share_of_album"], 5);
        Assert.Equal(0.5f, one["same_album_share"]);            // seed 0 shares album 0
        Assert.Equal(2, one["seeds"]);                   // distinct seeds
        Assert.Equal(2, one["known_seeds"]);              // both in training playlists
        Assert.Equal(1, one["co_seed_share"]);             // with both seeds at least once
        Assert.Equal(1, one["has_title"]);
        Assert.Equal(0, one["seeds_sampled"]);            // the playlist's first tracks
        Assert.Equal(1, one["seed_artist_diversity"]);         // 2 artists among 2 seeds
        Assert.Equal(1, one["seed_album_diversity"]);
        Assert.Equal(MathF.Abs(110 - (100 + 150) / 2f), one["duration_difference_s"], 4);
        Assert.Equal(MathF.Log(4) - (MathF.Log(4) + MathF.Log(2)) / 2, one["popularity_difference"], 5);
        Assert.Equal(0, one["model_affinity_max"]);                // no model
        // The factorisation: the playlist folded in from its distinct seeds, against the candidate.
        var factors = sources.Factors;
        var x = new float[factors.K];
        factors.FoldIn([0, 5], x, new double[factors.K * factors.K], new double[factors.K]);
        Assert.Equal(System.Numerics.Tensors.TensorPrimitives.Dot(x, factors.Row(1)), one["als_score"], 5);
        Assert.Equal(Math.Max(System.Numerics.Tensors.TensorPrimitives.Dot(factors.Row(0), factors.Row(1)),
            System.Numerics.Tensors.TensorPrimitives.Dot(factors.Row(5), factors.Row(1))), one["als_affinity_max"], 5);
        Assert.InRange(one["als_relative"], -1e6f, 1f);
        // Title "summer": p0 and p1 share it exactly (share of each: 1 holds 2/2, 2 and 3 hold 1/2);
        // the word "summer" is in p0, p1, p3 (1 in all three): 1 + 0.5 * 1.
        Assert.Equal(1.5f, one["title_score"], 5);
        Assert.Equal(0, one["title_rank"]);
        Assert.Equal(0, one["popularity_rank"]);
        // The seeds' albums and artists: 1 shares seed 0's album and artist (2), 2 seed 0's artist,
        // 3 and 4 seed 5's (1 each, ties by popularity, then id); the list holds three.
        Assert.Equal([0f, 1f, 2f, 6f], new[] { 1, 2, 3, 4 }.Select(t => Row(pool, t)["artist_rank"]));
        Assert.Equal(1, one["title_relative"]);
        // Playlist kNN (rho 0.4, alpha 1): a playlist's similarity is the sum over its seeds of
        // 1 / ((pop(s) - 1)^0.4 + 1) over the root of its distinct tracks: w0 / sqrt 3 for p0 and p1,
        // w0 / sqrt 2 for p2, 1 / sqrt 2 for p3 (w5 = 1), each weighted by its share of the best (p3).
        double w0 = 1 / (Math.Pow(2, 0.4) + 1);
        double pknnOne = 2 * w0 * Math.Sqrt(2.0 / 3) + 1;
        Assert.Equal((float)pknnOne, one["pknn_score"], 5);
        Assert.Equal(1, one["pknn_relative"]);
        Assert.Equal(0, one["pknn_rank"]);
        Assert.Equal(5, one["generators_listing"]);        // every generator

        var four = Row(pool, 4);
        Assert.Equal(1 / MathF.Sqrt(3), four["cooc_score"], 5);   // co(0,4) = 1, pop(4) = 1
        Assert.Equal(0, four["co_min"]);                          // never with seed 5
        Assert.Equal(0.5f, four["co_seed_share"]);
        Assert.Equal(0, four["title_score"]);                     // "party" is not a word of "summer"
        Assert.Equal(6, four["title_rank"]);
        Assert.Equal(0, four["same_album_share"]);
        Assert.Equal(0.5f, four["same_artist_share"]);                  // artist 1, as seed 5
        Assert.Equal((float)w0, four["pknn_score"], 5);               // only p2 holds it
        Assert.Equal((float)(w0 / pknnOne), four["pknn_relative"], 5);
        Assert.Equal(1, four["pknn_rank"]);                           // after 1, before 2 and 3
        Assert.Equal(0, four["title_relative"]);
        Assert.Equal(1, four["generators_listing"]);                  // playlist kNN alone
    }

    /// <summary>Training: p0 "Disney hits" [0 1 2 3], p1 "road trip" [0 2 1 4], p2 "disney" [5 0 1],
    /// p3 "Disney Hits" [2 4]. Tracks 0 and 1 are on one album, 2 on another, all three by one
    /// artist; 3, 4 and 5 each have an album and artist of their own; 4 is "Disney Dreams" on
    /// "Disney Classics" by "Disney Chorus".</summary>
    private static string WriteOrdered(TempDir dir)
    {
        (string Album, string Artist, string Name)[] tracks =
        [
            ("Frozen", "Idina", "Let It Go"), ("Frozen", "Idina", "For The First Time"), ("Wicked", "Idina", "Defying Gravity"),
            ("Road Songs", "Trip Band", "Highway"), ("Disney Classics", "Disney Chorus", "Disney Dreams"), ("Other", "Someone", "Intro"),
        ];
        TrackRecord T(int n) => new($"spotify:track:t{n}", $"spotify:album:{tracks[n].Album.Replace(' ', '_')}",
            $"spotify:artist:{tracks[n].Artist.Replace(' ', '_')}", tracks[n].Name, tracks[n].Album, tracks[n].Artist, 200_000);
        var builder = new DatasetBuilder(testEvery: 2, testOffset: 1);
        builder.AddPlaylist(100, "Disney hits", 0, [T(0), T(1), T(2), T(3)]);
        builder.AddPlaylist(101, "road trip", 0, [T(0), T(2), T(1), T(4)]);
        builder.AddPlaylist(102, "disney", 0, [T(5), T(0), T(1)]);
        builder.AddPlaylist(103, "Disney Hits", 0, [T(2), T(4)]);
        builder.AddPlaylist(200, "held", 1, [T(3), T(5)]);
        string path = dir.File("ordered.segue");
        builder.Write(path);
        return path;
    }

    [Fact]
    public void Order_and_name_features_match_the_hand_computed_values()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(WriteOrdered(dir));
        var sources = new CandidateSources(TrainingStatistics.Of(ds, ds.TrainPlaylists), new GeneratorSettings { Als = new(Factors: 4) }, model: null);
        var pool = new CandidatePool(sources, depth: 5);
        pool.Build(new PlaylistQuery([0, 1], "Disney Hits", SeedOrder.First));
        Assert.Equal([2, 3, 4, 5], pool.Tracks.ToArray().Order());
        FeatureRow two = Row(pool, 2), three = Row(pool, 3), four = Row(pool, 4), five = Row(pool, 5);

        // Both seeds are on one album by one artist: 2 shares the artist, none the album.
        Assert.Equal(2, two["artist_run"]);
        Assert.All(new[] { two, three, four, five }, r => Assert.Equal(0, r["album_run"]));
        Assert.Equal(0, three["artist_run"]);
        // The first tracks: no gap between seeds, one seed per position.
        Assert.All(new[] { two, three, four, five }, r => Assert.Equal((0f, 0f, 1f), (r["gap_album"], r["gap_artist"], r["seed_span"])));

        // "Disney Hits": one word of two in 4's name, album and artist.
        Assert.Equal((0.5f, 0.5f, 0.5f), (four["title_in_track"], four["title_in_album"], four["title_in_artist"]));
        Assert.Equal((0f, 0f, 0f), (two["title_in_track"], two["title_in_album"], two["title_in_artist"]));
        // p0 and p3 are titled "disney hits": 2 is in both of them and in p1 (2 of its 3), 3 in p0 (1 of 1), 4 in p3 (1 of 2).
        Assert.Equal(2 / 3f, two["title_holder_share"], 5);
        Assert.Equal(1, three["title_holder_share"], 5);
        Assert.Equal(0.5f, four["title_holder_share"], 5);
        Assert.Equal(0, five["title_holder_share"]);
        // 2 is in playlists of 4, 4 and 2 tracks; 5 in one of 3.
        Assert.Equal((float)((2 * Math.Log(4) + Math.Log(2)) / 3), two["holder_length"], 5);
        Assert.Equal((float)Math.Log(3), five["holder_length"], 5);

        // Seeds 0 and 1 sampled at positions 0 and 2: a track was withheld between two tracks of one album.
        pool.Build(new PlaylistQuery([0, 1], null, SeedOrder.Sampled, [0, 2]));
        two = Row(pool, 2);
        Assert.Equal((0f, 1f, 1.5f), (two["gap_album"], two["gap_artist"], two["seed_span"]));
        Assert.Equal((0f, 0f), (Row(pool, 3)["gap_album"], Row(pool, 3)["gap_artist"]));
        Assert.Equal(0, two["title_in_track"]);   // no title
    }

    [Fact]
    public void Sampled_seeds_set_seeds_sampled_and_change_no_other_feature()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(Write(dir));
        var pool = new CandidatePool(new CandidateSources(TrainingStatistics.Of(ds, ds.TrainPlaylists), new GeneratorSettings(), model: null), depth: 3);
        pool.Build(new PlaylistQuery([0, 5], "Summer", SeedOrder.First));
        var tracks = pool.Tracks.ToArray();
        var first = pool.Features.ToArray();
        pool.Build(new PlaylistQuery([0, 5], "Summer", SeedOrder.Sampled));
        Assert.Equal(tracks, pool.Tracks.ToArray());
        var sampled = pool.Features.ToArray();
        for (int i = 0; i < tracks.Length; i++)
        {
            Assert.Equal(0, first[i * F.Count + F.SeedsSampled]);
            Assert.Equal(1, sampled[i * F.Count + F.SeedsSampled]);
            sampled[i * F.Count + F.SeedsSampled] = 0;
        }
        _asserted.Add("seeds_sampled");
        Assert.Equal(first, sampled);
    }

    [Fact]
    public void Model_affinities_are_the_max_and_mean_dot_product_over_the_seeds()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(Write(dir));
        var model = EmbeddingModel.Initialise(new ModelConfig { FeatureSize = 4 }, Catalog.FromDataset(ds), new Rng(3));
        var sources = new CandidateSources(TrainingStatistics.Of(ds, ds.TrainPlaylists), new GeneratorSettings(), model);
        var pool = new CandidatePool(sources, depth: 3);
        pool.Build(new PlaylistQuery([0, 5], null, SeedOrder.First));
        float[] e = new float[8], s0 = new float[8], s5 = new float[8];
        model.Represent(0, s0);
        model.Represent(5, s5);
        foreach (int track in pool.Tracks)
        {
            model.Represent(track, e);
            float d0 = System.Numerics.Tensors.TensorPrimitives.Dot(e, s0), d5 = System.Numerics.Tensors.TensorPrimitives.Dot(e, s5);
            var row = Row(pool, track);
            Assert.Equal(Math.Max(d0, d5), row["model_affinity_max"], 5);
            Assert.Equal((d0 + d5) / 2, row["model_affinity_mean"], 5);
            Assert.Equal(0, row["has_title"]);
        }
        // The model gives features, not candidates.
        var without = new CandidatePool(new CandidateSources(TrainingStatistics.Of(ds, ds.TrainPlaylists), new GeneratorSettings(), model: null), depth: 3);
        without.Build(new PlaylistQuery([0, 5], null, SeedOrder.First));
        Assert.Equal(without.Tracks.ToArray(), pool.Tracks.ToArray());
    }
}
