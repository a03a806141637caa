using System.Net;
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

    /// <summary>Refuses, as a <see cref="RequestFieldException"/> on <c>urls</c>, an address the
    /// server could not listen on whatever the machine: Kestrel would only say so once started, with
    /// a stack trace, and reads some broken ones as another address ("http://[::1" as port 1 of
    /// every interface).</summary>
    public void Validate()
    {
        foreach (string url in ListenUrls)
            if (Problem(url) is { } problem)
                throw new RequestFieldException("urls", $"{url}: {problem}");
    }

    private static string? Problem(string url)
    {
        const string Expected = "not an address to listen on: give http://HOST:PORT, HOST an IP address, a name, localhost or *";
        BindingAddress address;
        try
        {
            address = BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            return Expected;
        }
        if (address.Scheme == "https") return "https needs a certificate, which segue serve does not take: listen on http:// (behind a proxy for https)";
        if (address.Scheme != "http") return $"{address.Scheme}:// is not served: listen on http://HOST:PORT";
        if (address.IsUnixPipe) return null;
        if (address.PathBase.Length > 0) return $"a path ({address.PathBase}) is not served under: give http://HOST:PORT";
        if (address.Port is < 0 or > IPEndPoint.MaxPort) return $"port {address.Port} is not between 0 and {IPEndPoint.MaxPort}";
        string host = address.Host;
        bool known = host is "localhost" or "*" or "+" || IPAddress.TryParse(host, out _) || Uri.CheckHostName(host) == UriHostNameType.Dns;
        return known ? null : Expected;
    }
}
