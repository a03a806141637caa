using F = Segue.Ranking.RankingFeatures;
using Segue.Data;
using Segue.Model;
using Segue.Ranking;
using Segue.Retrieval;
using Segue.Structures;
using Segue.Tests.Evaluation;
using Segue.Statistics;

namespace Segue.Tests.Ranking;

/// <summary>Each feature against a value computed by hand on a tiny dataset.</summary>
public class CandidatePoolTests
{
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

    private static float[] Row(CandidatePool pool, int track)
    {
        int i = pool.Tracks.IndexOf(track);
        Assert.True(i >= 0, $"track {track} is not in the pool");
        return pool.Features.Slice(i * F.Count, F.Count).ToArray();
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
        Assert.Equal(2 / 3f + 1 / MathF.Sqrt(3), one[F.CoocScore], 5);
        Assert.Equal(1, one[F.CoocRelative]);
        Assert.Equal(0, one[F.CoocRank]);
        Assert.Equal(MathF.Log(4), one[F.TrackPopularity], 5);
        // Album 0 holds tracks 0 (3 playlists) and 1 (3); artist 0 tracks 0, 1, 2 (3 + 3 + 1).
        Assert.Equal(MathF.Log(7), one[F.AlbumPopularity], 5);
        Assert.Equal(MathF.Log(8), one[F.ArtistPopularity], 5);
        Assert.Equal(2, one[F.CoMax]);
        Assert.Equal(1.5f, one[F.CoMean]);
        Assert.Equal(1, one[F.CoMin]);
        Assert.Equal(1, one[F.CoNormMax], 5);            // co(5,1)/pop(5) = 1
        Assert.Equal((2 / 3f + 1) / 2, one[F.CoNormMean], 5);
        Assert.Equal(0.5f, one[F.SameArtist]);           // seed 0 is by artist 0, seed 5 by artist 1
        Assert.Equal(1, one[F.SameArtistCount]);
        Assert.Equal(MathF.Log(4) - MathF.Log(8), one[F.TrackShareOfArtist], 5);
        Assert.Equal(MathF.Log(4) - MathF.Log(7), one[F.TrackShareOfAlbum], 5);
        Assert.Equal(0.5f, one[F.SameAlbum]);            // seed 0 shares album 0
        Assert.Equal(2, one[F.Seeds]);                   // distinct seeds
        Assert.Equal(2, one[F.KnownSeeds]);              // both in training playlists
        Assert.Equal(1, one[F.CoSeedShare]);             // with both seeds at least once
        Assert.Equal(1, one[F.HasTitle]);
        Assert.Equal(0, one[F.SeedsSampled]);            // the playlist's first tracks
        Assert.Equal(1, one[F.ArtistDiversity]);         // 2 artists among 2 seeds
        Assert.Equal(1, one[F.AlbumDiversity]);
        Assert.Equal(MathF.Abs(110 - (100 + 150) / 2f), one[F.DurationDifference], 4);
        Assert.Equal(MathF.Log(4) - (MathF.Log(4) + MathF.Log(2)) / 2, one[F.PopularityDifference], 5);
        Assert.Equal(0, one[F.ModelMax]);                // no model
        // The factorisation: the playlist folded in from its distinct seeds, against the candidate.
        var factors = sources.Factors;
        var x = new float[factors.K];
        factors.FoldIn([0, 5], x, new double[factors.K * factors.K], new double[factors.K]);
        Assert.Equal(System.Numerics.Tensors.TensorPrimitives.Dot(x, factors.Row(1)), one[F.AlsScore], 5);
        Assert.Equal(Math.Max(System.Numerics.Tensors.TensorPrimitives.Dot(factors.Row(0), factors.Row(1)),
            System.Numerics.Tensors.TensorPrimitives.Dot(factors.Row(5), factors.Row(1))), one[F.AlsMax], 5);
        Assert.InRange(one[F.AlsRelative], -1e6f, 1f);
        // Title "summer": p0 and p1 share it exactly (share of each: 1 holds 2/2, 2 and 3 hold 1/2);
        // the word "summer" is in p0, p1, p3 (1 in all three): 1 + 0.5 * 1.
        Assert.Equal(1.5f, one[F.TitleScore], 5);
        Assert.Equal(0, one[F.TitleRank]);
        Assert.Equal(0, one[F.PopularityRank]);
        Assert.Equal(6, one[F.ModelRank]);               // not listed: 2 * depth

        var four = Row(pool, 4);
        Assert.Equal(1 / MathF.Sqrt(3), four[F.CoocScore], 5);   // co(0,4) = 1, pop(4) = 1
        Assert.Equal(0, four[F.CoMin]);                          // never with seed 5
        Assert.Equal(0.5f, four[F.CoSeedShare]);
        Assert.Equal(0, four[F.TitleScore]);                     // "party" is not a word of "summer"
        Assert.Equal(6, four[F.TitleRank]);
        Assert.Equal(0, four[F.SameAlbum]);
        Assert.Equal(0.5f, four[F.SameArtist]);                  // artist 1, as seed 5
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
        float[] two = Row(pool, 2), three = Row(pool, 3), four = Row(pool, 4), five = Row(pool, 5);

        // Both seeds are on one album by one artist: 2 shares the artist, none the album.
        Assert.Equal(2, two[F.ArtistRun]);
        Assert.All(new[] { two, three, four, five }, r => Assert.Equal(0, r[F.AlbumRun]));
        Assert.Equal(0, three[F.ArtistRun]);
        // The first tracks: no gap between seeds, one seed per position.
        Assert.All(new[] { two, three, four, five }, r => Assert.Equal((0f, 0f, 1f), (r[F.GapAlbum], r[F.GapArtist], r[F.SeedSpan])));

        // "Disney Hits": one word of two in 4's name, album and artist.
        Assert.Equal((0.5f, 0.5f, 0.5f), (four[F.TitleInTrack], four[F.TitleInAlbum], four[F.TitleInArtist]));
        Assert.Equal((0f, 0f, 0f), (two[F.TitleInTrack], two[F.TitleInAlbum], two[F.TitleInArtist]));
        // p0 and p3 are titled "disney hits": 2 is in both of them and in p1 (2 of its 3), 3 in p0 (1 of 1), 4 in p3 (1 of 2).
        Assert.Equal(2 / 3f, two[F.TitleHolderShare], 5);
        Assert.Equal(1, three[F.TitleHolderShare], 5);
        Assert.Equal(0.5f, four[F.TitleHolderShare], 5);
        Assert.Equal(0, five[F.TitleHolderShare]);
        // 2 is in playlists of 4, 4 and 2 tracks; 5 in one of 3.
        Assert.Equal((float)((2 * Math.Log(4) + Math.Log(2)) / 3), two[F.HolderLength], 5);
        Assert.Equal((float)Math.Log(3), five[F.HolderLength], 5);

        // Seeds 0 and 1 sampled at positions 0 and 2: a track was withheld between two tracks of one album.
        pool.Build(new PlaylistQuery([0, 1], null, SeedOrder.Sampled, [0, 2]));
        two = Row(pool, 2);
        Assert.Equal((0f, 1f, 1.5f), (two[F.GapAlbum], two[F.GapArtist], two[F.SeedSpan]));
        Assert.Equal((0f, 0f), (Row(pool, 3)[F.GapAlbum], Row(pool, 3)[F.GapArtist]));
        Assert.Equal(0, two[F.TitleInTrack]);   // no title
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
        Assert.Equal(first, sampled);
    }

    [Fact]
    public void Model_affinities_are_the_max_and_mean_dot_product_over_the_seeds()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(Write(dir));
        var model = EmbeddingModel.Initialise(new ModelConfig { FeatureSize = 4 }, Catalog.FromDataset(ds), new Rng(3));
        var sources = new CandidateSources(TrainingStatistics.Of(ds, ds.TrainPlaylists), new GeneratorSettings(), new ModelRecommender(model));
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
            Assert.Equal(Math.Max(d0, d5), row[F.ModelMax], 5);
            Assert.Equal((d0 + d5) / 2, row[F.ModelMean], 5);
            Assert.Equal(0, row[F.HasTitle]);
        }
        Assert.Contains(pool.Tracks.ToArray(), t => Row(pool, t)[F.ModelRank] < 3);
    }
}
