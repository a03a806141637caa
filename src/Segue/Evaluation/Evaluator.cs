using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Segue.Data;
using Segue.Retrieval;
using Segue.Structures;

namespace Segue.Evaluation;

/// <summary>
/// Scores a recommender on evaluation cases with the metrics of <see cref="Metrics"/>. Each case
/// costs one query: the recommender ranks K + |seeds| tracks with the seeds allowed, the first K
/// of which are the book's ranking (the book does not remove the seeds), and the same list with
/// the seeds filtered out, cut to K, is the proper ranking every other metric uses. Cases are spread
/// over threads, each with its own <see cref="IQueryScorer"/>; the figures are summed in case order,
/// so they do not depend on the thread count.
/// </summary>
public sealed class Evaluator
{
    private const int MetricCount = 8;
    private const int ProgressChunk = 16;
    private readonly Dataset _dataset;
    private readonly int _threads;

    public Evaluator(Dataset dataset, int k = 500, int threads = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        _dataset = dataset;
        K = k;
        _threads = threads;
        MetricNames = [$"book_track_recall@{k}", $"book_artist_recall@{k}", $"track_recall@{k}", $"artist_recall@{k}",
            "r_precision", "r_precision_artist_credit", "ndcg", "clicks"];
    }

    public int K { get; }

    /// <summary>The names of the reported metrics, in report order.</summary>
    public IReadOnlyList<string> MetricNames { get; }

    /// <summary>Scores <paramref name="recommender"/> on <paramref name="cases"/>; every case needs
    /// at least one withheld track.</summary>
    public EvalReport Evaluate(IRecommender recommender, IReadOnlyList<EvalCase> cases, IProgressSink? progress = null) =>
        Evaluate(recommender, cases, rankings: null, progress);

    /// <summary>Scores <paramref name="recommender"/> and also keeps each case's proper ranking (at
    /// most K tracks, best first, no seed) in <paramref name="rankings"/>, as a submission needs.</summary>
    public EvalReport Evaluate(IRecommender recommender, IReadOnlyList<EvalCase> cases, int[][]? rankings, IProgressSink? progress = null)
    {
        foreach (var c in cases)
            if (c.Withheld.Length == 0)
                throw new ArgumentException($"case of pid {c.Pid} has no withheld track to find", nameof(cases));
        var values = new double[cases.Count * MetricCount];
        var clock = Stopwatch.StartNew();
        Run(recommender, cases, progress, (worker, i) =>
        {
            var proper = worker.Rank(cases[i]);
            rankings?[i] = proper.ToArray();
            worker.Score(cases[i], values.AsSpan(i * MetricCount, MetricCount));
        });
        return new EvalReport(recommender.Name, K, MetricNames, cases, values, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Each case's proper ranking only (cases need no withheld tracks): at most K tracks,
    /// best first, none a seed.</summary>
    public int[][] Rank(IRecommender recommender, IReadOnlyList<EvalCase> cases, IProgressSink? progress = null)
    {
        var rankings = new int[cases.Count][];
        Run(recommender, cases, progress, (worker, i) => rankings[i] = worker.Rank(cases[i]).ToArray());
        return rankings;
    }

    private void Run(IRecommender recommender, IReadOnlyList<EvalCase> cases, IProgressSink? progress, Action<Worker, int> perCase)
    {
        int maxSeeds = 0, maxWithheld = 0;
        foreach (var c in cases)
        {
            maxSeeds = Math.Max(maxSeeds, c.Seeds.Length);
            maxWithheld = Math.Max(maxWithheld, c.Withheld.Length);
        }
        using var task = (progress ?? Progress.None).Begin($"evaluate {recommender.Name}", cases.Count);
        int next = 0;
        ExceptionDispatchInfo? failure = null;
        void Work()
        {
            try
            {
                var worker = new Worker(recommender.CreateScorer(), _dataset, K, Math.Min(K, _dataset.TrackCount), maxSeeds, maxWithheld);
                int start;
                while (Volatile.Read(ref failure) is null && (start = Interlocked.Add(ref next, ProgressChunk) - ProgressChunk) < cases.Count)
                {
                    int end = Math.Min(start + ProgressChunk, cases.Count);
                    for (int i = start; i < end; i++) perCase(worker, i);
                    task.Increment(end - start);
                }
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null);
            }
        }
        int threads = Math.Min(_threads, Math.Max(1, (cases.Count + ProgressChunk - 1) / ProgressChunk));
        if (threads == 1) Work();
        else Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ => Work());
        failure?.Throw();
    }

    /// <summary>One thread's scorer and scratch, sized once for the largest case and for lists of
    /// <paramref name="room"/> tracks: K, or the whole catalogue when K is larger.</summary>
    private sealed class Worker(IQueryScorer scorer, Dataset dataset, int k, int room, int maxSeeds, int maxWithheld)
    {
        private readonly ScoredTrack[] _results = new ScoredTrack[room + maxSeeds];
        private readonly int[] _book = new int[room];
        private readonly int[] _proper = new int[room];
        private readonly int[] _seeds = new int[maxSeeds];
        private readonly int[] _relevant = new int[maxWithheld];
        private readonly int[] _relevantArtists = new int[maxWithheld];
        private readonly bool[] _matched = new bool[maxWithheld];
        private readonly byte[] _artistState = new byte[maxWithheld];
        private int _bookLength, _properLength;

        /// <summary>Queries the scorer once; returns the proper ranking and keeps the book's.</summary>
        public ReadOnlySpan<int> Rank(EvalCase c)
        {
            int n = scorer.Recommend(c.Query, excludeSeeds: false, _results.AsSpan(0, room + c.Seeds.Length));
            var seeds = SortedDistinct(c.Seeds, _seeds);
            _bookLength = Math.Min(n, room);
            _properLength = 0;
            for (int i = 0; i < n && _properLength < room; i++)
            {
                int track = _results[i].Track;
                if (i < room) _book[i] = track;
                if (seeds.BinarySearch(track) < 0) _proper[_properLength++] = track;
            }
            return _proper.AsSpan(0, _properLength);
        }

        /// <summary>The metrics of the case last ranked, in <see cref="MetricNames"/> order.</summary>
        public void Score(EvalCase c, Span<double> values)
        {
            ReadOnlySpan<int> book = _book.AsSpan(0, _bookLength), proper = _proper.AsSpan(0, _properLength);
            var trackArtists = dataset.TrackArtists;
            var relevant = SortedDistinct(c.Withheld, _relevant);
            int artists = 0;
            foreach (int track in relevant)
                if (track >= 0) _relevantArtists[artists++] = trackArtists[track];
            var relevantArtists = SortedDistinct(_relevantArtists.AsSpan(0, artists), _relevantArtists);
            values[0] = Metrics.BookTrackRecall(book, relevant, c.Withheld.Length);
            values[1] = Metrics.BookArtistRecall(book, trackArtists, relevantArtists, c.Withheld.Length);
            values[2] = Metrics.TrackRecall(proper, relevant);
            values[3] = Metrics.ArtistRecall(proper, trackArtists, relevantArtists, _matched);
            values[4] = Metrics.RPrecision(proper, relevant);
            values[5] = Metrics.RPrecisionArtistCredit(proper, trackArtists, relevant, relevantArtists, _artistState);
            values[6] = Metrics.Ndcg(proper, relevant, k);
            values[7] = Metrics.Clicks(proper, relevant, k);
        }

        // Copies ids into scratch (which may be their own storage), sorts them and drops repeats.
        private static ReadOnlySpan<int> SortedDistinct(ReadOnlySpan<int> ids, Span<int> scratch)
        {
            var sorted = scratch[..ids.Length];
            ids.CopyTo(sorted);
            sorted.Sort();
            int n = 0;
            for (int i = 0; i < sorted.Length; i++)
                if (n == 0 || sorted[i] != sorted[n - 1]) sorted[n++] = sorted[i];
            return sorted[..n];
        }
    }
}
