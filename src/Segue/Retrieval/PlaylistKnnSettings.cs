using Segue.Settings;

namespace Segue.Retrieval;

/// <summary>The settings of the playlist kNN generator (<see cref="PlaylistKnnRecommender"/>); the
/// defaults are the best measured on 100k synthetic playlists (held-out split).</summary>
public sealed record PlaylistKnnSettings
{
    /// <summary>The most neighbours playlist kNN keeps: each query thread holds a list of that many.</summary>
    public const int MaxNeighbours = 1_000_000;

    [Setting("pknn_k", "Playlist kNN: neighbour playlists", Min = 1, Max = MaxNeighbours)]
    public int K { get; init; } = 4000;
    [Setting("pknn_rho", "Playlist kNN: seed weight 1/((pop-1)^rho+1)", Min = 0, Max = GeneratorSettings.MaxExponent)]
    public float Rho { get; init; } = 0.4f;
    [Setting("pknn_alpha", "Playlist kNN: power of the normalised neighbour similarity", Min = 0, Max = GeneratorSettings.MaxExponent)]
    public float Alpha { get; init; } = 1f;
    /// <summary>0 by default, so that a ranker saved before this setting existed (its config has no
    /// such key) is read as it was fitted. At MPD scale, set it to the co-occurrence bound.</summary>
    [Setting("pknn_max_playlists_per_seed", "Playlist kNN: a seed in more playlists looks for neighbours among an even sample of this many "
        + "(the co-occurrence walk's sample when the two bounds are equal, so that a ranker reads every neighbour in that walk); 0: all",
        Option = "pknn-max-playlists", Min = 0, Zero = "all")]
    public int MaxPlaylistsPerSeed { get; init; }
}
