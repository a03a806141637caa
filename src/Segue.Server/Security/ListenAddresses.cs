using System.Net;

namespace Segue.Server.Security;

/// <summary>Whether the server listens beyond this machine: any address but a loopback one
/// (<c>127.0.0.0/8</c>, <c>[::1]</c>, <c>localhost</c>).</summary>
public static class ListenAddresses
{
    /// <summary>The listen URLs that reach beyond loopback (<c>0.0.0.0</c>, <c>*</c>, a LAN address...).</summary>
    public static IReadOnlyList<string> BeyondLoopback(IEnumerable<string> urls) =>
        [.. urls.Where(url => !IsLoopback(url))];

    private static bool IsLoopback(string url)
    {
        // Kestrel's wildcards (http://*:5000, http://+:5000) do not parse as URIs; they listen everywhere.
        if (!Uri.TryCreate(url.Replace("://*", "://wildcard.invalid").Replace("://+", "://wildcard.invalid"), UriKind.Absolute, out var uri)) return false;
        return uri.IsLoopback || IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }
}
