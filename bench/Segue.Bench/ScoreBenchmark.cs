using System.Diagnostics;
using Segue.Model;
using Segue.Retrieval;
using Segue.Structures;

namespace Segue.Bench;

/// <summary>
/// Scoring a whole MPD-sized catalogue (2.26M tracks, 734k albums, 296k artists, built in
/// memory) with a book-mode model: milliseconds per top-500 query on one thread, queries per
/// second on 2 threads.
///   dotnet run -c Release --project bench/Segue.Bench -- score [--queries 200] [--cosine]
/// </summary>
public static class ScoreBenchmark
{
    public static int Run(string[] args)
    {
        var options = new BenchArgs(args);
        int queries = options.GetInt("queries", 200);
        var catalog = SyntheticCatalog.Create(tracks: 2_262_292, albums: 734_684, artists: 295_860);
        var model = EmbeddingModel.Initialise(new ModelConfig(), catalog, new Rng(1));
        var clock = Stopwatch.StartNew();
        var recommender = new ModelRecommender(model, options.Has("cosine"));
        Console.WriteLine($"recommender built in {clock.Elapsed.TotalSeconds:N2} s ({recommender.Name})");
        var rng = new Rng(3);
        var seeds = Enumerable.Range(0, queries)
            .Select(_ => Enumerable.Range(0, 5).Select(_ => rng.NextInt(catalog.TrackCount)).ToArray()).ToArray();

        var scorer = recommender.CreateScorer();
        var results = new ScoredTrack[500];
        for (int q = 0; q < 5; q++) scorer.Recommend(new PlaylistQuery(seeds[q], null, SeedOrder.First), true, results); // warm up
        clock.Restart();
        foreach (var s in seeds) scorer.Recommend(new PlaylistQuery(s, null, SeedOrder.First), true, results);
        double ms = clock.Elapsed.TotalMilliseconds / queries;
        Console.WriteLine($"1 thread : {ms,8:F2} ms/query  ({1000 / ms:N0} queries/s, top-500, 5 seeds)");

        const int threads = 2;
        int next = -1;
        var scorers = Enumerable.Range(0, threads).Select(_ => recommender.CreateScorer()).ToArray();
        clock.Restart();
        var workers = scorers.Select(sc => new Thread(() =>
        {
            var own = new ScoredTrack[500];
            int q;
            while ((q = Interlocked.Increment(ref next)) < queries) sc.Recommend(new PlaylistQuery(seeds[q], null, SeedOrder.First), true, own);
        })).ToArray();
        foreach (var w in workers) w.Start();
        foreach (var w in workers) w.Join();
        Console.WriteLine($"{threads} threads: {queries / clock.Elapsed.TotalSeconds,8:N0} queries/s");
        return 0;
    }
}
