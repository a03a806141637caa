using Segue.Structures;

namespace Segue.Retrieval;

/// <summary>
/// Anything that ranks catalogue tracks for a playlist: a trained model or a baseline. The
/// evaluator and <c>segue recommend</c> see only this. A recommender is immutable and shared by
/// all threads; each thread asks it for its own <see cref="IQueryScorer"/>, which owns the
/// per-query scratch buffers.
/// </summary>
public interface IRecommender
{
    string Name { get; }
    IQueryScorer CreateScorer();
}

/// <summary>Per-thread scoring state of an <see cref="IRecommender"/>. Not thread-safe.</summary>
public interface IQueryScorer
{
    /// <summary>
    /// Ranks catalogue tracks for a playlist, writes the best <c>results.Length</c> best first,
    /// and returns how many were written (fewer when fewer candidates exist). With
    /// <paramref name="excludeSeeds"/> the seed tracks are never returned.
    /// </summary>
    int Recommend(in PlaylistQuery query, bool excludeSeeds, Span<ScoredTrack> results);
}
