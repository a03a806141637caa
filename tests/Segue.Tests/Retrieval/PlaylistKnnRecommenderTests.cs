using Segue.Data;
using Segue.Retrieval;
using Segue.Statistics;
using Segue.Structures;
using Segue.Tests.Evaluation;

namespace Segue.Tests.Retrieval;

/// <summary>Playlist kNN against rankings computed by hand on <see cref="EvalDatasets.Small"/>:
/// training playlists p0 [0 1 2], p1 [0 1 3], p2 [0 4], p3 [5 1 1]; popularity 0:3 1:3 2:1 3:1 4:1 5:1.</summary>
public class PlaylistKnnRecommenderTests
{
    private static ScoredTrack[] Recommend(Dataset ds, int k, float rho, float alpha, int[] seeds, int count = 10, int maxPlaylistsPerSeed = 0)
    {
        var settings = new PlaylistKnnSettings { K = k, Rho = rho, Alpha = alpha, MaxPlaylistsPerSeed = maxPlaylistsPerSeed };
        var recommender = new PlaylistKnnRecommender(TrainingStatistics.Of(ds), settings);
        var results = new ScoredTrack[count];
        int n = recommender.CreateScorer().Recommend(new PlaylistQuery(seeds, null, SeedOrder.First), excludeSeeds: true, results);
        return results[..n];
    }

    [Fact]
    public void Neighbours_weigh_by_seed_popularity_cosine_and_normalised_power()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(EvalDatasets.Small(dir));
        // Seeds 0 (pop 3) and 5 (pop 1), rho 0.5: w(0) = 1/(sqrt 2 + 1), w(5) = 1. Similarities:
        // p0 = p1 = w(0)/sqrt 3, p2 = w(0)/sqrt 2, p3 = 1/sqrt 2 (the maximum). Fewer than k = 10
        // neighbours, so sim_min = 0; alpha 2: p3 weighs 1, p2 (sqrt 2 - 1)^2 = 3 - 2 sqrt 2,
        // p0 and p1 ((2 - sqrt 2)/sqrt 3)^2 = (6 - 4 sqrt 2)/3.
        var results = Recommend(ds, 10, 0.5f, 2, [0, 5]);
        double p2 = 3 - 2 * Math.Sqrt(2), p01 = (6 - 4 * Math.Sqrt(2)) / 3;
        Assert.Equal([1, 4, 2, 3], results.Select(r => r.Track));   // 2 and 3 tie: lower id first
        Assert.Equal(1 + 2 * p01, results[0].Score, 5);
        Assert.Equal(p2, results[1].Score, 5);
        Assert.Equal(p01, results[2].Score, 5);
        Assert.Equal(p01, results[3].Score, 5);
    }

    [Fact]
    public void A_seed_in_more_playlists_than_the_bound_finds_neighbours_in_an_even_sample_weighed_by_all_its_playlists()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(EvalDatasets.Small(dir));
        // As above, but seed 0's three playlists bounded at two: p0 and p1 (the 0 * 3 / 2-th and
        // 1 * 3 / 2-th), so p2 is no neighbour and track 4 scores nothing; w(0) is still that of a
        // seed in three playlists, so p0, p1 and p3 weigh what they weigh above.
        var results = Recommend(ds, 10, 0.5f, 2, [0, 5], maxPlaylistsPerSeed: 2);
        double p01 = (6 - 4 * Math.Sqrt(2)) / 3;
        Assert.Equal([1, 2, 3], results.Select(r => r.Track));
        Assert.Equal(1 + 2 * p01, results[0].Score, 5);
        Assert.Equal(p01, results[1].Score, 5);
        Assert.Equal(p01, results[2].Score, 5);
        // A bound at or above every seed's playlists changes nothing.
        Assert.Equal(Recommend(ds, 10, 0.5f, 2, [0, 5]), Recommend(ds, 10, 0.5f, 2, [0, 5], maxPlaylistsPerSeed: 3));
    }

    [Fact]
    public void Only_the_top_k_neighbours_count_and_the_kth_similarity_is_the_floor()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(EvalDatasets.Small(dir));
        // k = 2 keeps p3 (1/sqrt 2) and p2 ((sqrt 2 - 1)/sqrt 2), the floor: p2 weighs 0 and p3
        // ((1/sqrt 2 - p2)/(1/sqrt 2))^2 = (2 - sqrt 2)^2; only track 1 of p3 is not a seed.
        var results = Recommend(ds, 2, 0.5f, 2, [0, 5]);
        Assert.Equal([1], results.Select(r => r.Track));
        Assert.Equal(Math.Pow(2 - Math.Sqrt(2), 2), results[0].Score, 5);
    }

    [Fact]
    public void Rho_and_alpha_of_one_and_unseen_seeds()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(EvalDatasets.Small(dir));
        // Seeds 2 and 4 (pop 1, weight 1): p0 1/sqrt 3, p2 1/sqrt 2; weights p2 1, p0 sqrt(2/3).
        var results = Recommend(ds, 3, 1, 1, [2, 4, 6]);
        Assert.Equal([0, 1], results.Select(r => r.Track));
        Assert.Equal(1 + Math.Sqrt(2.0 / 3), results[0].Score, 5);
        Assert.Equal(Math.Sqrt(2.0 / 3), results[1].Score, 5);
        Assert.Empty(Recommend(ds, 3, 1, 1, [6]));   // never in a training playlist
        Assert.Empty(Recommend(ds, 3, 1, 1, []));
    }
}
