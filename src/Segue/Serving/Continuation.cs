namespace Segue.Serving;

/// <summary>
/// The answer to a <see cref="ContinuationRequest"/>: the recommended tracks best first (never a
/// seed), the seed URIs not in the catalogue (skipped), and whether a fallback answered: no seed
/// was known, so the list is the most popular tracks rather than the recommender's own.
/// </summary>
public sealed record Continuation(string Recommender, IReadOnlyList<RecommendedTrack> Tracks, IReadOnlyList<string> Unknown, bool Fallback);

/// <summary>A recommended track with its catalogue entry and score.</summary>
public sealed record RecommendedTrack(string Uri, string Name, string Artist, string Album, float Score);
