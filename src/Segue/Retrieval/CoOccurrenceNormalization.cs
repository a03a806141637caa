namespace Segue.Retrieval;

/// <summary>How the co-occurrence baseline weighs a count co(s, c) of seed s with candidate c,
/// where n(x) is the number of training playlists holding x.</summary>
public enum CoOccurrenceNormalization
{
    /// <summary>co(s, c): favours popular candidates.</summary>
    None,
    /// <summary>co(s, c) / sqrt(n(s) n(c)): cosine similarity of the tracks' playlist sets.</summary>
    Cosine,
    /// <summary>co(s, c) / n(s): the share of the seed's playlists holding the candidate, so every
    /// seed weighs the same however popular.</summary>
    Seed,
}
