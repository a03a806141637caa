namespace Segue.Server.Security;

/// <summary>
/// The web's security headers on every response, errors included (set as the response starts, so
/// that an error page that clears headers still gets them): a strict Content-Security-Policy (only
/// this server's own scripts, styles, images and API; no inline script; never framed by another
/// site), no MIME sniffing, no referrer, a page of its own browsing group. A response may set its
/// own policy first (the runs report does).
/// </summary>
public static class SecurityHeaders
{
    public const string PagePolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>The runs report's policy: its inline style and data: images, no script at all, and a
    /// sandbox; framed only by this server's page.</summary>
    public const string ReportPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; "
        + "frame-ancestors 'self'; sandbox";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var response = context.Response;
        response.OnStarting(() =>
        {
            var headers = response.Headers;
            headers.TryAdd("Content-Security-Policy", PagePolicy);
            headers.TryAdd("X-Frame-Options", "DENY");
            headers["X-Content-Type-Options"] = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
