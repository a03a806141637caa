using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace Segue.Server.Security;

/// <summary>
/// With a token configured, every request to the API (<c>/api/</c>) and the runs report
/// (<c>/runs/</c>) must carry <c>Authorization: Bearer TOKEN</c>; the page itself, the health probes
/// and the OpenAPI document stay open (they hold no data). A request without it is a 401 problem.
/// The comparison takes the same time however much of the token matches.
/// </summary>
public static class BearerToken
{
    private const string Scheme = "Bearer ";

    public static IApplicationBuilder UseBearerToken(this IApplicationBuilder app, string token)
    {
        var expected = Encoding.UTF8.GetBytes(token);
        return app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (!path.StartsWithSegments("/api") && !path.StartsWithSegments("/runs") || HttpMethods.IsOptions(context.Request.Method)
                || Carries(context.Request.Headers.Authorization.ToString(), expected))
            {
                await next(context);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status401Unauthorized,
                    Detail = "authorization: this server wants a bearer token (Authorization: Bearer TOKEN)",
                },
            });
        });
    }

    private static bool Carries(string header, byte[] expected) =>
        header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim()), expected);
}
