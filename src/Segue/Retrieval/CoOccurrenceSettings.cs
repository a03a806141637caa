using Segue.Settings;

namespace Segue.Retrieval;

/// <summary>The settings of the co-occurrence generator (<see cref="CoOccurrenceRecommender"/>); the
/// damping is the best measured on 100k synthetic playlists (held-out split).</summary>
public sealed record CoOccurrenceSettings
{
    /// <summary>Co-occurrence damping a (the seed's popularity exponent).</summary>
    [Setting("cooccurrence_a", "Co-occurrence: exponent of the seed's popularity", Option = "cooc-a", Min = 0, Max = GeneratorSettings.MaxExponent)]
    public float SeedExponent { get; init; } = 0.3f;
    /// <summary>Co-occurrence damping b (the candidate's popularity exponent).</summary>
    [Setting("cooccurrence_b", "Co-occurrence: exponent of the candidate's popularity (a = b = 0.5: cosine; 0, 0: raw counts)",
        Option = "cooc-b", Min = 0, Max = GeneratorSettings.MaxExponent)]
    public float CandidateExponent { get; init; } = 0.3f;
    [Setting("cooccurrence_max_playlists_per_seed", "Co-occurrence: a seed in more playlists walks an even sample of this many (bounds the cost of popular seeds at MPD scale)",
        Option = "cooc-max-playlists", Min = 1)]
    public int MaxPlaylistsPerSeed { get; init; } = 5000;
}
