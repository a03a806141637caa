using Microsoft.Extensions.ObjectPool;
using Segue.Retrieval;
using Segue.Structures;

namespace Segue.Serving;

/// <summary>
/// A recommender served under a name, with its pool of per-thread query scratch: a scorer (its
/// buffers are catalogue-sized) and the result and seed buffers. A query rents scratch and returns
/// it. At most <see cref="MaxConcurrentQueries"/> queries score at once (the others wait their
/// turn), and the pool keeps that many, so scratch is only ever created up to that count, never
/// per query, however many requests arrive together.
/// </summary>
public sealed class ServedRecommender
{
    private readonly ObjectPool<QueryScratch> _scratch;
    private readonly SemaphoreSlim _slots;
    private int _scratchCreated;

    /// <param name="needsSeeds">True when the recommender ranks from seeds, so that a playlist without
    /// a known seed is answered by its popularity fallback.</param>
    /// <param name="readsTitle">True when the recommender reads the playlist's title (a ranker's title model).</param>
    public ServedRecommender(RecommenderSpec spec, IRecommender recommender, bool needsSeeds, bool readsTitle)
    {
        Spec = spec;
        Recommender = recommender;
        NeedsSeeds = needsSeeds;
        ReadsTitle = readsTitle;
        _slots = new SemaphoreSlim(MaxConcurrentQueries);
        _scratch = new DefaultObjectPool<QueryScratch>(new Policy(this), MaxConcurrentQueries);
    }

    /// <summary>How many queries score at once: a query is CPU-bound, so more than the cores (with
    /// room for a thread descheduled mid-query) would only add scratch, not speed.</summary>
    public static int MaxConcurrentQueries { get; } = 2 * Environment.ProcessorCount;

    public RecommenderSpec Spec { get; }
    public string Name => Spec.Name;
    public IRecommender Recommender { get; }
    public bool NeedsSeeds { get; }
    public bool ReadsTitle { get; }

    /// <summary>How many scratch sets were ever created: at most <see cref="MaxConcurrentQueries"/>.</summary>
    public int ScratchCreated => Volatile.Read(ref _scratchCreated);

    internal QueryScratch Rent()
    {
        _slots.Wait();
        return _scratch.Get();
    }

    internal void Return(QueryScratch scratch)
    {
        _scratch.Return(scratch);
        _slots.Release();
    }

    /// <summary>One query's buffers: sized for a server's requests, grown (once, then kept) for a larger one.</summary>
    internal sealed class QueryScratch(IQueryScorer scorer)
    {
        private ScoredTrack[] _results = new ScoredTrack[ContinuationLimits.Server.MaxK];
        private int[] _seeds = new int[ContinuationLimits.Server.MaxTracks];

        public IQueryScorer Scorer { get; } = scorer;

        public Span<ScoredTrack> Results(int k) => (_results.Length >= k ? _results : _results = new ScoredTrack[k]).AsSpan(0, k);

        public int[] Seeds(int count) => _seeds.Length >= count ? _seeds : _seeds = new int[count];
    }

    private sealed class Policy(ServedRecommender owner) : IPooledObjectPolicy<QueryScratch>
    {
        public QueryScratch Create()
        {
            Interlocked.Increment(ref owner._scratchCreated);
            return new QueryScratch(owner.Recommender.CreateScorer());
        }

        public bool Return(QueryScratch scratch) => true;
    }
}
