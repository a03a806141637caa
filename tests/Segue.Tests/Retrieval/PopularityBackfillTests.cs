using Segue.Data;
using Segue.Retrieval;
using Segue.Statistics;
using Segue.Structures;

namespace Segue.Tests.Retrieval;

public class PopularityBackfillTests
{
    /// <summary>Ranks only the tracks after the first seed, in id order (nothing without a seed):
    /// a stand-in for a model.</summary>
    private sealed class NextIds(int count) : IRecommender, IQueryScorer
    {
        public string Name => "next-ids";
        public IQueryScorer CreateScorer() => this;
        /// <summary>The seed set the last query carried.</summary>
        public QuerySeeds? Carried { get; private set; }
        public int Recommend(in PlaylistQuery query, bool excludeSeeds, Span<ScoredTrack> results)
        {
            Carried = query.SeedSet;
            int n = 0;
            if (query.Seeds.IsEmpty) return 0;
            for (int t = query.Seeds[0] + 1; t < count && n < results.Length; t++) results[n++] = new ScoredTrack(t, 100 - t);
            return n;
        }
    }

    private static TrackRecord T(int i) => new($"spotify:track:{i}", $"spotify:album:{i}", $"spotify:artist:{i}", "", "", "", 1);

    [Fact]
    public void Seedless_queries_get_popularity_and_short_lists_are_topped_up_without_repeats()
    {
        using var dir = new TempDir();
        using var ds = ThreePlaylists(dir);
        var popularity = new PopularityRecommender(TrainingStatistics.Of(ds));
        var scorer = new PopularityBackfill(new NextIds(ds.TrackCount), popularity).CreateScorer();
        var results = new ScoredTrack[4];

        Assert.Equal(4, scorer.Recommend(new PlaylistQuery([], "title only", SeedOrder.First), true, results));
        Assert.Equal([3, 2, 0, 1], results.Select(r => r.Track));

        // The stand-in ranks 4 only; then popularity, skipping 4 (listed) and the seed 3.
        Assert.Equal(4, scorer.Recommend(new PlaylistQuery([3], null, SeedOrder.First), true, results));
        Assert.Equal([4, 2, 0, 1], results.Select(r => r.Track));
        Assert.Equal(96f, results[0].Score);
        Assert.Equal(2f, results[1].Score);
    }

    [Fact]
    public void A_fill_that_leaves_the_seeds_out_hands_its_seed_set_to_the_primary()
    {
        using var dir = new TempDir();
        using var ds = ThreePlaylists(dir);
        var primary = new NextIds(ds.TrackCount);
        var scorer = new PopularityBackfill(primary, new PopularityRecommender(TrainingStatistics.Of(ds))).CreateScorer();
        var results = new ScoredTrack[4];

        scorer.Recommend(new PlaylistQuery([3, 2, 3], null, SeedOrder.First), true, results);
        Assert.Equal([3, 2], primary.Carried!.Distinct.ToArray());
        // A set the query already carries is the one passed on; keeping the seeds needs none.
        var carried = new QuerySeeds(ds);
        scorer.Recommend(new PlaylistQuery([1], null, SeedOrder.First).With(carried), true, results);
        Assert.Same(carried, primary.Carried);
        scorer.Recommend(new PlaylistQuery([1], null, SeedOrder.First), false, results);
        Assert.Null(primary.Carried);
    }

    private static Dataset ThreePlaylists(TempDir dir)
    {
        var b = new DatasetBuilder(testEvery: 0);
        // Track ids 0..4 in order of appearance; training counts: t0 1, t1 1, t2 2, t3 3, t4 1.
        b.AddPlaylist(0, "a", 0, [T(0), T(1), T(2), T(3)]);
        b.AddPlaylist(1, "b", 0, [T(2), T(3), T(4)]);
        b.AddPlaylist(2, "c", 0, [T(3)]);
        b.Write(dir.File("d.segue"));
        return Dataset.Open(dir.File("d.segue"));
    }
}
