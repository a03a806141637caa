namespace Segue.Serving;

/// <summary>
/// A playlist to continue: its title (may be null), its tracks so far as <c>spotify:track:</c>
/// URIs in playlist order (may be empty), how many tracks to recommend, and which served
/// recommender answers (null: the first served).
/// </summary>
public sealed record ContinuationRequest(string? Title = null, IReadOnlyList<string>? Tracks = null, int K = ContinuationRequest.DefaultK,
    string? Recommender = null)
{
    public const int DefaultK = 50;
    public const int MaxK = 500;
    /// <summary>The most seed tracks a request may give: the MPD's longest playlist.</summary>
    public const int MaxTracks = 250;
    public const int MaxTitleLength = 200;
}
