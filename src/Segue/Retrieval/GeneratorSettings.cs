using Segue.Factorisation;
using static Segue.SettingException;

namespace Segue.Retrieval;

/// <summary>The settings of every candidate generator, each defaulting to its best measured value;
/// a baseline run and a ranker record them.</summary>
public sealed record GeneratorSettings
{
    /// <summary>The largest popularity exponent (co-occurrence a and b, playlist kNN rho and alpha):
    /// a playlist count below 2^31 raised to -10 is still a positive double, so no seed's weight
    /// rounds to 0 (which the score buffers read as "not touched").</summary>
    public const float MaxExponent = 10;
    /// <summary>The most neighbours playlist kNN keeps: each query thread holds a list of that many.</summary>
    public const int MaxNeighbours = 1_000_000;
    /// <summary>The largest title word weight: scores stay far from float's range.</summary>
    public const float MaxTokenWeight = 1000;

    /// <summary>Co-occurrence damping a (the seed's popularity exponent).</summary>
    public float CooccurrenceA { get; init; } = CoOccurrenceRecommender.DefaultSeedExponent;
    /// <summary>Co-occurrence damping b (the candidate's popularity exponent).</summary>
    public float CooccurrenceB { get; init; } = CoOccurrenceRecommender.DefaultCandidateExponent;
    public int CooccurrenceMaxPlaylistsPerSeed { get; init; } = CoOccurrenceRecommender.DefaultMaxPlaylistsPerSeed;
    public int PknnK { get; init; } = PlaylistKnnRecommender.DefaultK;
    public float PknnRho { get; init; } = PlaylistKnnRecommender.DefaultRho;
    public float PknnAlpha { get; init; } = PlaylistKnnRecommender.DefaultAlpha;
    public float TitleTokenWeight { get; init; } = TitleRecommender.DefaultTokenWeight;
    public int TitleMaxPlaylists { get; init; } = TitleRecommender.DefaultMaxPlaylists;
    /// <summary>Implicit ALS: the number of factors.</summary>
    public int AlsFactors { get; init; } = FactorRecommender.DefaultFactors;
    public int AlsIterations { get; init; } = FactorRecommender.DefaultIterations;
    /// <summary>Implicit ALS: a held track's confidence is 1 + alpha.</summary>
    public float AlsAlpha { get; init; } = FactorRecommender.DefaultAlpha;
    public float AlsRegularization { get; init; } = FactorRecommender.DefaultRegularization;
    public int AlsSeed { get; init; } = 1;

    /// <summary>The factorisation's settings, as <see cref="ImplicitAls"/> takes them.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public AlsSettings Als => new(AlsFactors, AlsIterations, AlsAlpha, AlsRegularization, AlsSeed);

    /// <summary>Throws a one-line <see cref="SettingException"/> naming the first setting out of
    /// its range by its config key; every number must be finite.</summary>
    public void Validate()
    {
        RequireBetween(CooccurrenceA, "cooccurrence_a", 0, MaxExponent);
        RequireBetween(CooccurrenceB, "cooccurrence_b", 0, MaxExponent);
        Require(CooccurrenceMaxPlaylistsPerSeed > 0, "cooccurrence_max_playlists_per_seed", CooccurrenceMaxPlaylistsPerSeed, "positive");
        Require(PknnK is > 0 and <= MaxNeighbours, "pknn_k", PknnK, $"between 1 and {MaxNeighbours}");
        RequireBetween(PknnRho, "pknn_rho", 0, MaxExponent);
        RequireBetween(PknnAlpha, "pknn_alpha", 0, MaxExponent);
        RequireBetween(TitleTokenWeight, "title_token_weight", 0, MaxTokenWeight);
        Require(TitleMaxPlaylists > 0, "title_max_playlists", TitleMaxPlaylists, "positive");
        Als.Validate();
    }

    // NaN fails both comparisons, infinities the bounds.
    private static void RequireBetween(float value, string key, float least, float most) =>
        Require(value >= least && value <= most, key, value, $"between {least} and {most}");
}
