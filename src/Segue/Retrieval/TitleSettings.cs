using Segue.Settings;

namespace Segue.Retrieval;

/// <summary>The settings of the title generator (<see cref="TitleRecommender"/>).</summary>
public sealed record TitleSettings
{
    /// <summary>The largest title word weight: scores stay far from float's range.</summary>
    public const float MaxTokenWeight = 1000;

    [Setting("title_token_weight", "Title model: weight of the title's words beside the whole title", Min = 0, Max = MaxTokenWeight)]
    public float TokenWeight { get; init; } = 0.5f;
    [Setting("title_max_playlists", "Title model: playlists of a title (or word) read, an even sample of those that have it", Min = 1)]
    public int MaxPlaylists { get; init; } = 2000;
}
