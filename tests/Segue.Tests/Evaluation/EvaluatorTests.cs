using Segue.Data;
using Segue.Evaluation;
using Segue.Retrieval;
using Segue.Structures;
using Segue.Statistics;

namespace Segue.Tests.Evaluation;

public class EvaluatorTests
{
    /// <summary>Ranks every track in a fixed order, whatever the query (seeds included unless
    /// excluded), and records what it was asked.</summary>
    private sealed class FixedOrder(string name, int[] order) : IRecommender, IQueryScorer
    {
        public List<(int Requested, bool ExcludeSeeds)> Calls { get; } = [];
        public string Name => name;
        public IQueryScorer CreateScorer() => this;

        public int Recommend(in PlaylistQuery query, bool excludeSeeds, Span<ScoredTrack> results)
        {
            Calls.Add((results.Length, excludeSeeds));
            int n = 0;
            foreach (int track in order)
            {
                if (n == results.Length) break;
                if (excludeSeeds && query.Seeds.Contains(track)) continue;
                results[n] = new ScoredTrack(track, -n);
                n++;
            }
            return n;
        }
    }

    [Fact]
    public void Held_out_cases_are_long_test_playlists_split_after_five()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(EvalDatasets.Small(dir));
        var cases = HeldOutCases.FromTestSplit(ds);
        var c = Assert.Single(cases);
        Assert.Equal(200, c.Pid);
        Assert.Equal(0, c.Category);
        Assert.Equal("held", c.Title);
        Assert.Equal([0, 6, 7, 8, 9], c.Seeds);
        Assert.Equal([10, 11, 12, 1, 2], c.Withheld);
        Assert.Equal(2, HeldOutCases.FromTestSplit(ds, contextLength: 1, minLength: 2).Count);
        Assert.Single(HeldOutCases.FromTestSplit(ds, contextLength: 1, minLength: 2, limit: 1));
    }

    [Fact]
    public void One_query_gives_the_books_ranking_with_seeds_and_the_proper_one_without()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(EvalDatasets.Small(dir));
        // Seeds 0 and 6; withheld 2, 3, 3 (m = 3, G = {2, 3}). Artists: every track its own.
        var c = new EvalCase(1, 0, [0, 6], [2, 3, 3], null, SeedOrder.First);
        var recommender = new FixedOrder("fixed", [0, 2, 5, 6, 3, 4, 1, 7, 8, 9, 10, 11, 12]);
        var report = new Evaluator(ds, k: 3).Evaluate(recommender, [c]);

        Assert.Equal([(5, false)], recommender.Calls);        // K + |seeds|, seeds allowed
        // Book ranking [0 2 5]: one of the next tracks, over m = 3; artists likewise.
        Assert.Equal(1.0 / 3, report.Overall["book_track_recall@3"]);
        Assert.Equal(1.0 / 3, report.Overall["book_artist_recall@3"]);
        // Proper ranking [2 5 3]: both of G.
        Assert.Equal(1.0, report.Overall["track_recall@3"]);
        Assert.Equal(1.0, report.Overall["artist_recall@3"]);
        Assert.Equal(0.5, report.Overall["r_precision"]);      // [2 5] against |G| = 2
        Assert.Equal(0.5, report.Overall["r_precision_artist_credit"]);
        Assert.Equal((1 + 1 / Math.Log2(3)) / 2, report.Overall["ndcg"], 12);
        Assert.Equal(0.0, report.Overall["clicks"]);
        Assert.Equal(1, report.Cases);
        Assert.Empty(report.ByCategory);
    }

    [Fact]
    public void Rankings_are_kept_when_asked_and_by_rank_alone()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(EvalDatasets.Small(dir));
        var recommender = new FixedOrder("fixed", [0, 2, 5, 6, 3, 4, 1, 7, 8, 9, 10, 11, 12]);
        EvalCase[] cases = [new(1, 0, [0, 6], [2], null, SeedOrder.First), new(2, 0, [], [], "title only", SeedOrder.First)];
        Assert.Equal([[2, 5, 3], [0, 2, 5]], new Evaluator(ds, k: 3).Rank(recommender, cases));
        var rankings = new int[1][];
        new Evaluator(ds, k: 3).Evaluate(recommender, cases[..1], rankings);
        Assert.Equal([2, 5, 3], rankings[0]);
        Assert.Throws<ArgumentException>(() => new Evaluator(ds, k: 3).Evaluate(recommender, cases));
    }

    [Fact]
    public void Means_are_taken_overall_and_per_category()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(EvalDatasets.Small(dir));
        var recommender = new FixedOrder("fixed", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
        // With k = 2 and no seeds: the ranking is [0 1]. Track recall: 1, 0, 1/2.
        EvalCase[] cases = [new(1, 4, [], [0], null, SeedOrder.First), new(2, 4, [], [9], null, SeedOrder.First), new(3, 7, [], [1, 9], null, SeedOrder.First)];
        var report = new Evaluator(ds, k: 2).Evaluate(recommender, cases);
        Assert.Equal(0.5, report.Overall["track_recall@2"]);
        Assert.Equal([4, 7], report.ByCategory.Keys.Order());
        Assert.Equal(0.5, report.ByCategory[4]["track_recall@2"]);
        Assert.Equal(0.5, report.ByCategory[7]["track_recall@2"]);
        Assert.Equal((0 + 1 + 0) / 3.0, report.Overall["clicks"]);   // the miss costs k/10 + 1 = 1
        Assert.Equal(2, report.CategoryCases[4]);
        Assert.Equal(3, report.Cases);
    }

    [Fact]
    public void Figures_do_not_depend_on_the_thread_count()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(EvalDatasets.Random(dir));
        var cases = HeldOutCases.FromTestSplit(ds);
        Assert.True(cases.Count > 50);
        var cooccurrence = Baselines.Build(TrainingStatistics.Of(ds), [CoOccurrenceRecommender.BaselineName])[0];
        var one = new Evaluator(ds, k: 20, threads: 1).Evaluate(cooccurrence, cases);
        var three = new Evaluator(ds, k: 20, threads: 3).Evaluate(cooccurrence, cases);
        Assert.Equal(one.Overall, three.Overall);
        Assert.InRange(one.Overall["track_recall@20"], 0.01, 1);
    }
}
