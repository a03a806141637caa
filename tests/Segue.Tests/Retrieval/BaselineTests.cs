using Segue.Data;
using Segue.Retrieval;
using Segue.Statistics;
using Segue.Structures;
using Segue.Tests.Evaluation;

namespace Segue.Tests.Retrieval;

public class BaselineTests
{
    private static ScoredTrack[] Recommend(IRecommender recommender, int[] seeds, bool excludeSeeds, int count)
    {
        var results = new ScoredTrack[count];
        int n = recommender.CreateScorer().Recommend(new PlaylistQuery(seeds, null, SeedOrder.First), excludeSeeds, results);
        return results[..n];
    }

    private static int[] Tracks(ScoredTrack[] results) => [.. results.Select(r => r.Track)];

    [Fact]
    public void Index_lists_each_training_playlist_once_per_track()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(EvalDatasets.Small(dir));
        var index = TrackPlaylistIndex.Build(ds);
        Assert.Equal([0, 1, 2], index.Playlists(0).ToArray());
        Assert.Equal([0, 1, 3], index.Playlists(1).ToArray());   // twice in playlist 3, listed once
        Assert.Equal([3], index.Playlists(5).ToArray());
        Assert.Equal(0, index.Count(6));                           // held out only
    }

    [Fact]
    public void Popularity_ranks_by_training_count_then_lower_id_and_can_skip_seeds()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(EvalDatasets.Small(dir));
        var popularity = new PopularityRecommender(TrainingStatistics.Of(ds));
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], popularity.Ranking.ToArray());
        var results = Recommend(popularity, [1, 3], excludeSeeds: true, 4);
        Assert.Equal([0, 2, 4, 5], Tracks(results));
        Assert.Equal([3f, 1f, 1f, 1f], results.Select(r => r.Score));
        Assert.Equal([0, 1, 2, 3], Tracks(Recommend(popularity, [1, 3], excludeSeeds: false, 4)));
    }

    [Fact]
    public void Cooccurrence_without_normalisation_counts_shared_playlists()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(EvalDatasets.Small(dir));
        var recommender = Build(ds, 0, 0);
        // Seed 0 is in playlists [0 1 2], [0 1 3], [0 4]: 1 twice, 2, 3, 4 once; nothing else is ranked.
        var results = Recommend(recommender, [0], excludeSeeds: true, 6);
        Assert.Equal([1, 2, 3, 4], Tracks(results));
        Assert.Equal([2f, 1f, 1f, 1f], results.Select(r => r.Score));
        // Seeds 0 and 1 (and a repeat of 0, counted once): 2 and 3 co-occur with both, 4 and 5 with one;
        // the seeds themselves score 3 + 2 each when allowed.
        results = Recommend(recommender, [0, 1, 0], excludeSeeds: false, 6);
        Assert.Equal([0, 1, 2, 3, 4, 5], Tracks(results));
        Assert.Equal([5f, 5f, 2f, 2f, 1f, 1f], results.Select(r => r.Score));
    }

    [Fact]
    public void Cooccurrence_damping_divides_by_the_popularities_as_documented()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(EvalDatasets.Small(dir));
        // Seed 0 (3 playlists): co(0,1) = 2 with n(1) = 3; co(0,2) = 1 with n(2) = 1.
        var cosine = Recommend(Build(ds, 0.5f, 0.5f), [0], excludeSeeds: true, 2);
        Assert.Equal([1, 2], Tracks(cosine));
        Assert.Equal(2f / 3, cosine[0].Score, 6);
        Assert.Equal(1 / MathF.Sqrt(3), cosine[1].Score, 6);
        var seed = Recommend(Build(ds, 1, 0), [0], excludeSeeds: true, 2);
        Assert.Equal([1, 2], Tracks(seed));
        Assert.Equal([2f / 3, 1f / 3], seed.Select(r => r.Score));
        // a = 0.3, b = 0.8: a hand-computed ranking where the damping reorders. Seeds 0 and 5:
        // 1: 2/3^0.3/3^0.8 + 1/1^0.3/3^0.8 = 3/3^0.8 (n(0) = 3, n(5) = 1), 2, 3, 4: 1/3^0.3 each.
        var damped = Recommend(Build(ds, 0.3f, 0.8f), [0, 5], excludeSeeds: true, 4);
        Assert.Equal([1, 2, 3, 4], Tracks(damped));
        Assert.Equal(2 / MathF.Pow(3, 0.3f) / MathF.Pow(3, 0.8f) + 1 / MathF.Pow(3, 0.8f), damped[0].Score, 5);
        Assert.Equal(1 / MathF.Pow(3, 0.3f), damped[1].Score, 5);
        // With b = 2 the popular track 1 falls behind the once-seen ones: 2, 3, 4 score 3^-0.3 = 0.72,
        // track 1 (2 * 3^-0.3 + 1) / 9 = 0.27.
        Assert.Equal([2, 3, 4, 1], Tracks(Recommend(Build(ds, 0.3f, 2), [0, 5], excludeSeeds: true, 4)));
    }

    [Fact]
    public void The_artist_generator_ranks_the_seeds_albums_and_artists_tracks_as_counting_them_naively()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(EvalDatasets.Random(dir));
        var statistics = TrainingStatistics.Of(ds);
        var artist = new ArtistRecommender(statistics);
        int most = Enumerable.Range(0, ds.TrackCount).Max(statistics.Count);
        int listed = 0;
        foreach (int[] seeds in new[] { [3, 17, 3, 40], [250], new int[0], [1, 2, 5, 9, 11, 60, 61] })
        {
            int[] distinct = [.. seeds.Distinct()];
            foreach (var (excludeSeeds, k) in new[] { (true, 30), (false, 30), (true, 1000) })
            {
                var expected = Enumerable.Range(0, ds.TrackCount)
                    .Where(t => !(excludeSeeds && distinct.Contains(t)) && statistics.Count(t) > 0)
                    .Select(t => (Track: t,
                        Album: distinct.Count(s => ds.TrackAlbums[s] == ds.TrackAlbums[t]),
                        Artist: distinct.Count(s => ds.TrackArtists[s] == ds.TrackArtists[t])))
                    .Where(t => t.Album + t.Artist > 0)
                    .Select(t => new ScoredTrack(t.Track, t.Album + t.Artist + statistics.Count(t.Track) * (1f / (most + 1))))
                    .OrderByDescending(r => r.Score).ThenBy(r => r.Track)
                    .Take(k).ToArray();
                var results = Recommend(artist, seeds, excludeSeeds, k);
                Assert.Equal(expected, results);
                listed += results.Length;
            }
        }
        Assert.True(listed > 60, $"{listed} tracks listed");
    }

    [Fact]
    public void The_artist_generator_never_lists_a_track_only_held_out_playlists_hold()
    {
        using var dir = new TempDir();
        var builder = new DatasetBuilder(testEvery: 2, testOffset: 1);
        builder.AddPlaylist(100, "a", 0, [EvalDatasets.T(0, artist: 9), EvalDatasets.T(1, artist: 9), EvalDatasets.T(2)]);
        builder.AddPlaylist(200, "held", 1, [EvalDatasets.T(0, artist: 9), EvalDatasets.T(3, artist: 9)]);
        builder.Write(dir.File("d.segue"));
        using var ds = Dataset.Open(dir.File("d.segue"));
        // Track 1 shares seed 0's artist (1) and is in one of the training playlists, like the most
        // popular track (1 / (1 + 1)); track 3 shares the artist too but only the held-out playlist holds it.
        var results = Recommend(new ArtistRecommender(TrainingStatistics.Of(ds)), [0], excludeSeeds: true, 10);
        Assert.Equal([new ScoredTrack(1, 1.5f)], results);
    }

    [Fact]
    public void Cooccurrence_samples_long_posting_lists_and_scales_up()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(EvalDatasets.Small(dir));
        // Seed 0's three playlists capped at two: playlists 0 and 1 (indices 0*3/2, 1*3/2), weight 3/2.
        var results = Recommend(Build(ds, 0, 0, maxPlaylistsPerSeed: 2), [0], excludeSeeds: true, 4);
        Assert.Equal([1, 2, 3], Tracks(results));
        Assert.Equal([3f, 1.5f, 1.5f], results.Select(r => r.Score));
    }

    [Fact]
    public void Cooccurrence_statistics_per_seed_match_counting_the_sampled_playlists_naively()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(EvalDatasets.Random(dir));
        var statistics = TrainingStatistics.Of(ds);
        const int cap = 6;
        var settings = new CoOccurrenceSettings { SeedExponent = 0.3f, CandidateExponent = 0.3f, MaxPlaylistsPerSeed = cap };
        var scorer = new CoOccurrenceRecommender(statistics, settings).CreateFeatureScorer(new PlaylistKnnRecommender(statistics));
        // The tallies of one query must not leak into the next, whether or not it has seeds.
        int[][] queries = [[3, 17, 3, 40, 1, 250], [17, 5], [], [40, 3, 9]];
        foreach (int[] seeds in queries)
        {
            scorer.Recommend(new PlaylistQuery(seeds, null, SeedOrder.First), excludeSeeds: true, new ScoredTrack[10]);
            int[] distinct = [.. seeds.Distinct()];
            for (int track = 0; track < ds.TrackCount; track++)
            {
                // co(s, c): the sampled playlists of s (the i * n / take-th of n) holding c, times n / take.
                var co = distinct.Select(s =>
                {
                    var playlists = statistics.Index.Playlists(s).ToArray();
                    int take = Math.Min(cap, playlists.Length);
                    int holding = Enumerable.Range(0, take).Count(i => ds.PlaylistTracks(playlists[(int)((long)i * playlists.Length / take)]).Contains(track));
                    return (Co: take == 0 ? 0 : holding * (double)playlists.Length / take, Total: playlists.Length);
                }).ToArray();
                var with = co.Where(c => c.Co > 0).ToArray();
                var actual = scorer.CoOccurrence.Of(track);
                Assert.Equal(with.Length, actual.Seeds);
                Assert.Equal(co.Sum(c => c.Co), actual.Sum, 4);
                Assert.Equal(co.Length == 0 ? 0 : co.Max(c => c.Co), actual.Max, 4);
                Assert.Equal(with.Length == 0 ? 0 : with.Min(c => c.Co), actual.Min, 4);
                Assert.Equal(co.Sum(c => c.Total == 0 ? 0 : c.Co / c.Total), actual.NormSum, 4);
                Assert.Equal(co.Length == 0 ? 0 : co.Max(c => c.Total == 0 ? 0 : c.Co / c.Total), actual.NormMax, 4);
            }
        }
        int[] query = queries[0];
        // The feature scorer ranks as the plain one does, score for score.
        var plain = new CoOccurrenceRecommender(statistics, settings).CreateScorer();
        var (a, b) = (new ScoredTrack[50], new ScoredTrack[50]);
        plain.Recommend(new PlaylistQuery(query, null, SeedOrder.First), excludeSeeds: true, a);
        scorer.Recommend(new PlaylistQuery(query, null, SeedOrder.First), excludeSeeds: true, b);
        Assert.Equal(a, b);
    }

    [Fact]
    public void The_feature_walk_scores_playlist_knn_as_its_own_scorer_does()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(EvalDatasets.Random(dir));
        var statistics = TrainingStatistics.Of(ds);
        // A cap of 3 playlists per seed leaves some neighbours to the walk after the seeds'; K = 8
        // and K = 1000 give a floor and none. Playlist kNN's own bound: none, the walk's (every
        // neighbour walked), and one below it (neighbours outside the walk's sample).
        var cooccurrence = new CoOccurrenceRecommender(statistics, new CoOccurrenceSettings { MaxPlaylistsPerSeed = 3 });
        int[][] queries = [[3, 17, 3, 40, 1, 250], [17, 5], [], [40, 3, 9], [250]];
        foreach (var (k, bound) in new[] { (8, 0), (1000, 0), (8, 3), (1000, 3), (1000, 2) })
        {
            var knn = new PlaylistKnnRecommender(statistics, new PlaylistKnnSettings { K = k, Rho = 0.4f, Alpha = 2, MaxPlaylistsPerSeed = bound });
            var walk = cooccurrence.CreateFeatureScorer(knn);
            var alone = (ICandidateScorer)knn.CreateScorer();
            var plainCooccurrence = (ICandidateScorer)cooccurrence.CreateScorer();
            foreach (int[] seeds in queries)
            {
                var query = new PlaylistQuery(seeds, null, SeedOrder.First);
                var (expected, actual) = (new ScoredTrack[40], new ScoredTrack[40]);
                int n = alone.Recommend(query, excludeSeeds: true, expected);
                walk.Recommend(query, excludeSeeds: true, new ScoredTrack[40]);
                Assert.Equal(n, walk.PlaylistKnn.Recommend(query, excludeSeeds: true, actual));
                // The sums are added in another order: equal to rounding.
                for (int i = 0; i < n; i++) Assert.Equal(expected[i].Score, actual[i].Score, 5);
                Assert.Equal(Tracks(expected[..n]).Order(), Tracks(actual[..n]).Order());
                plainCooccurrence.Recommend(query, excludeSeeds: true, new ScoredTrack[1]);
                for (int track = 0; track < ds.TrackCount; track++)
                {
                    Assert.Equal(alone.ScoreOf(track), walk.PlaylistKnn.ScoreOf(track), 5);
                    Assert.Equal(plainCooccurrence.ScoreOf(track), walk.ScoreOf(track));
                }
            }
        }
    }

    [Fact]
    public void Cooccurrence_returns_what_it_has_and_the_baseline_is_filled_by_popularity()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(EvalDatasets.Small(dir));
        Assert.Empty(Recommend(Build(ds, 0.5f, 0.5f), [], excludeSeeds: true, 4));
        Assert.Empty(Recommend(Build(ds, 0.5f, 0.5f), [6], excludeSeeds: true, 4));
        var recommender = Baselines.Build(TrainingStatistics.Of(ds), [CoOccurrenceRecommender.BaselineName])[0];
        Assert.Equal([0, 1, 2, 3], Tracks(Recommend(recommender, [], excludeSeeds: true, 4)));
        // Track 6 was never in a training playlist: no neighbours.
        Assert.Equal([0, 1, 2], Tracks(Recommend(recommender, [6], excludeSeeds: true, 3)));
        // The whole catalogue but the seed: 12 tracks, never more.
        Assert.Equal(12, Recommend(recommender, [6], excludeSeeds: true, 20).Length);
    }

    [Fact]
    public void Unknown_baseline_names_are_refused()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(EvalDatasets.Small(dir));
        var e = Assert.Throws<SegueException>(() => Baselines.Build(TrainingStatistics.Of(ds), ["popular"]));
        Assert.Equal("unknown baseline 'popular' (known: popularity, cooccurrence, pknn, title, artist, als)", e.Message);
        Assert.Equal(["cooccurrence", "popularity"], Baselines.Build(TrainingStatistics.Of(ds), ["cooccurrence", "popularity"]).Select(r => r.Name));
    }

    private static CoOccurrenceRecommender Build(Dataset ds, float a, float b, int maxPlaylistsPerSeed = 5000) =>
        new(TrainingStatistics.Of(ds), new CoOccurrenceSettings { SeedExponent = a, CandidateExponent = b, MaxPlaylistsPerSeed = maxPlaylistsPerSeed });
}
