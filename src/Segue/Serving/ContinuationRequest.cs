namespace Segue.Serving;

/// <summary>
/// A playlist to continue: its title (may be null), its tracks so far as <c>spotify:track:</c>
/// URIs in playlist order (may be empty), how many tracks to recommend, and which served
/// recommender answers (null: the first served). How large it may be is the service's
/// <see cref="ContinuationLimits"/>.
/// </summary>
public sealed record ContinuationRequest(string? Title = null, IReadOnlyList<string>? Tracks = null, int K = ContinuationRequest.DefaultK,
    string? Recommender = null)
{
    public const int DefaultK = 50;
}
