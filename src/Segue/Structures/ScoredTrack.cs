namespace Segue.Structures;

/// <summary>A catalogue track id with the score a recommender gave it.</summary>
public readonly record struct ScoredTrack(int Track, float Score)
{
    /// <summary>Ranking order: higher score first; on equal scores the lower id first, so every
    /// ranking is deterministic.</summary>
    public static bool Better(ScoredTrack a, ScoredTrack b) =>
        a.Score > b.Score || (a.Score == b.Score && a.Track < b.Track);
}
