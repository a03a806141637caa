namespace Segue.Retrieval;

/// <summary>
/// A query scorer that scores tracks beyond the list it returns: after a query, the score it gave
/// any track, listed or not, until its next query. A re-ranker's features read a generator's score
/// for every candidate of the pool, including those other generators found.
/// </summary>
public interface ICandidateScorer : IQueryScorer
{
    /// <summary>The score of <paramref name="track"/> in the last query; 0 when it got none.</summary>
    float ScoreOf(int track);
}
