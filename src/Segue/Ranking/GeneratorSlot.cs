namespace Segue.Ranking;

/// <summary>
/// A place in the ranker's list of generators: the key its features are named by, and whether
/// its scorer scores any track (<see cref="Retrieval.ICandidateScorer"/>), which gives it a score
/// and a relative score beside its rank.
/// </summary>
public sealed record GeneratorSlot(string Key, bool ScoresAnyTrack);
