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
}
