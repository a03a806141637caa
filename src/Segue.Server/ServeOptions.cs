using Segue.Serving;

namespace Segue.Server;

/// <summary>What <c>segue serve</c> serves and where: the recommenders, the dataset (null: the one
/// the first model's run folder records), the addresses to listen on, a folder of runs for the page
/// (null: none), the host names it answers to (null: this machine's loopback names), the origins of
/// other sites whose pages may call it (none: no CORS), a bearer token every API request must carry
/// (null: none), and whether responses may show absolute paths and machine details.</summary>
public sealed record ServeOptions(IReadOnlyList<RecommenderSpec> Recommenders, string? DatasetPath = null,
    IReadOnlyList<string>? Urls = null, string? RunsFolder = null, IReadOnlyList<string>? AllowedHosts = null,
    IReadOnlyList<string>? CorsOrigins = null, string? Token = null, bool ShowPaths = false)
{
    public const string DefaultUrl = "http://127.0.0.1:5000";
    /// <summary>The largest request body accepted: a full request of <see cref="ContinuationLimits.Server"/> tracks
    /// URIs and a long title fits many times over.</summary>
    public const int MaxBodyBytes = 64 * 1024;
    /// <summary>The names this machine is reached by on loopback: what a request's Host may be by default,
    /// so that a name rebound to 127.0.0.1 by another site's DNS (DNS rebinding) is refused.</summary>
    public static IReadOnlyList<string> LoopbackHosts { get; } = ["localhost", "127.0.0.1", "[::1]"];

    public IReadOnlyList<string> ListenUrls => Urls is { Count: > 0 } ? Urls : [DefaultUrl];
    public IReadOnlyList<string> Hosts => AllowedHosts is { Count: > 0 } ? AllowedHosts : LoopbackHosts;
}
