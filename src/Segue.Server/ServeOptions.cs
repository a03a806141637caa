using Segue.Serving;

namespace Segue.Server;

/// <summary>What <c>segue serve</c> serves and where: the recommenders, the dataset (null: the one
/// the first model's run folder records), the addresses to listen on, and a folder of runs for the
/// page (null: none).</summary>
public sealed record ServeOptions(IReadOnlyList<RecommenderSpec> Recommenders, string? DatasetPath = null,
    IReadOnlyList<string>? Urls = null, string? RunsFolder = null)
{
    public const string DefaultUrl = "http://127.0.0.1:5000";
    /// <summary>The largest request body accepted: a full request of <see cref="ContinuationLimits.Server"/> tracks
    /// URIs and a long title fits many times over.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public IReadOnlyList<string> ListenUrls => Urls is { Count: > 0 } ? Urls : [DefaultUrl];
}
