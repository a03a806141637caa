using System.Diagnostics;
using Segue.Data;
using Segue.Evaluation;
using Segue.Ranking;
using Segue.Retrieval;
using Segue.Structures;
using Segue.Statistics;

namespace Segue.Bench;

/// <summary>
/// Latency of <c>segue recommend</c> with a fitted ranker: opens <c>--ranker DIR</c> on its
/// dataset (<c>--dataset FILE</c>, default the one it records), then answers <c>--queries</c>
/// held-out playlists of <c>--seeds</c> seeds one at a time on one thread, K = 500 (after
/// <c>--warmup</c> others, twice, untimed), and prints the
/// load time, p50, p90 and p99 per query and the process's peak memory; then the cost per feature
/// row of the flattened trees (one row at a time and rows in step) and of ML.NET's prediction
/// engine, alternated on the same rows.
/// </summary>
public static class RankBenchmark
{
    public static int Run(string[] argv)
    {
        var args = new BenchArgs(argv);
        string rankerPath = args.Get("ranker", "");
        if (rankerPath.Length == 0)
        {
            Console.Error.WriteLine("usage: Segue.Bench rank --ranker DIR [--dataset FILE] [--queries 300] [--seeds 5] [--warmup 100]");
            return 2;
        }
        int queries = args.GetInt("queries", 300), seeds = args.GetInt("seeds", 5), warmup = args.GetInt("warmup", 100);
        using var dataset = Dataset.Open(args.Get("dataset", RankerFolder.ReadConfig(rankerPath).DatasetPath));
        var clock = Stopwatch.StartNew();
        var ranker = RankerFolder.Open(rankerPath, TrainingStatistics.Of(dataset));
        Console.WriteLine($"ranker opened (generators built from {dataset.TrainPlaylists.Length:N0} playlists) in {clock.Elapsed.TotalSeconds:N2} s");
        var cases = HeldOutCases.FromTestSplit(dataset, contextLength: seeds, minLength: seeds + 1, limit: queries + warmup);
        var scorer = ranker.CreateScorer();
        var results = new ScoredTrack[Submission.Length];
        // The first queries are not timed: the JIT optimises a method after 30 calls and a pause,
        // so a query path called once per query needs more than a few dozen queries to settle.
        foreach (var c in cases.Take(warmup)) scorer.Recommend(c.Query, excludeSeeds: true, results);
        Thread.Sleep(500);
        foreach (var c in cases.Take(warmup)) scorer.Recommend(c.Query, excludeSeeds: true, results);
        var timed = cases.Skip(warmup).ToList();
        var times = Times(timed, c => scorer.Recommend(c.Query, excludeSeeds: true, results));
        double P(double q) => times[Math.Min(times.Count - 1, (int)(q * times.Count))];
        Console.WriteLine($"{times.Count} queries of {seeds} seeds, 1 thread, K = {Submission.Length}: " +
            $"p50 {P(0.5):N1} ms, p90 {P(0.9):N1} ms, p99 {P(0.99):N1} ms");
        Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB");
        Breakdown(ranker, timed);
        CompareScorers(ranker, timed.Take(20));
        return 0;
    }

    // Where a query's time goes: each generator's list at the pool's depth, as the pool runs it
    // (co-occurrence and playlist kNN in one walk, so the pool pays less than the two alone), then
    // the whole pool with its features (which runs the generators again).
    private static void Breakdown(RankerRecommender ranker, IReadOnlyList<EvalCase> cases)
    {
        var list = new ScoredTrack[ranker.Depth];
        var sources = ranker.Sources;
        void Line(string name, Action<EvalCase> query) => Console.WriteLine($"  {name,-24} p50 {Times(cases, query)[cases.Count / 2]:N1} ms");
        var walk = sources.CoOccurrence.CreateFeatureScorer(sources.PlaylistKnn);
        Line("cooccurrence+pknn walk", c => walk.Recommend(c.Query, excludeSeeds: true, list));
        foreach (var generator in sources.Generators.Except([sources.CoOccurrence, sources.PlaylistKnn]))
        {
            var scorer = generator.CreateScorer();
            Line(generator.Name, c => scorer.Recommend(c.Query, excludeSeeds: true, list));
        }
        foreach (var alone in new IRecommender[] { sources.CoOccurrence, sources.PlaylistKnn })
        {
            var scorer = alone.CreateScorer();
            Line($"{alone.Name} alone", c => scorer.Recommend(c.Query, excludeSeeds: true, list));
        }
        var pool = new CandidatePool(ranker.Sources, ranker.Depth);
        Line("pool+features", c => pool.Build(c.Query));
    }

    /// <summary>Each case's time through <paramref name="query"/> in ms, sorted.</summary>
    private static List<double> Times(IReadOnlyList<EvalCase> cases, Action<EvalCase> query)
    {
        var times = new List<double>();
        var clock = new Stopwatch();
        foreach (var c in cases)
        {
            clock.Restart();
            query(c);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times;
    }

    private static void CompareScorers(RankerRecommender ranker, IEnumerable<EvalCase> cases)
    {
        var pool = new CandidatePool(ranker.Sources, ranker.Depth);
        var rows = new List<float>();
        foreach (var c in cases)
        {
            int n = pool.Build(c.Query);
            rows.AddRange(pool.Features[..(n * RankingFeatures.Count)]);
        }
        var features = rows.ToArray();
        int count = features.Length / RankingFeatures.Count;
        var engine = ranker.Model.CreateEngine();
        var row = new LambdaRankModel.FeatureRow();
        var prediction = new LambdaRankModel.Prediction();
        var flat = new List<double>();
        var inStep = new List<double>();
        var sums = new double[count];
        var pipeline = new List<double>();
        float sink = 0;
        var clock = new Stopwatch();
        for (int round = 0; round < 5; round++)
        {
            clock.Restart();
            for (int i = 0; i < count; i++) sink += ranker.Model.Trees.Score(features.AsSpan(i * RankingFeatures.Count, RankingFeatures.Count));
            flat.Add(clock.Elapsed.TotalMicroseconds / count);
            clock.Restart();
            Array.Fill(sums, ranker.Model.Trees.Bias);
            ranker.Model.Trees.AddRows(sums, features, RankingFeatures.Count, 0, ranker.Model.Trees.Trees);
            sink += (float)sums[round];
            inStep.Add(clock.Elapsed.TotalMicroseconds / count);
            clock.Restart();
            for (int i = 0; i < count; i++)
            {
                features.AsSpan(i * RankingFeatures.Count, RankingFeatures.Count).CopyTo(row.Features);
                engine.Predict(row, ref prediction);
                sink += prediction.Score;
            }
            pipeline.Add(clock.Elapsed.TotalMicroseconds / count);
        }
        flat.Sort();
        inStep.Sort();
        pipeline.Sort();
        Console.WriteLine($"scoring {count:N0} pooled rows, median of 5 alternated rounds: flattened trees {flat[2]:N2} us/row one at a time, " +
            $"{inStep[2]:N2} us/row {TreeEnsemble.RowsInStep} in step, " +
            $"ML.NET prediction engine {pipeline[2]:N2} us/row ({sink:N0})");
    }
}
