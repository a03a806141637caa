namespace Segue.Retrieval;

/// <summary>The settings of every candidate generator, each defaulting to its best measured value;
/// a baseline run and a ranker record them.</summary>
public sealed record GeneratorSettings
{
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
}
