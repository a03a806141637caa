using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using Segue.Server.Security;

namespace Segue.Server.Tests;

/// <summary>
/// The server as Kestrel runs it, on a loopback port: the web's security headers on every
/// response and no Server header, the allowed host names, the bearer token, CORS for listed
/// origins only, and the runs report kept until the runs change.
/// </summary>
public sealed class HostingTests : IDisposable
{
    private readonly ServedData _data = new();

    public void Dispose() => _data.Dispose();

    private async Task<T> With<T>(ServeOptions options, Func<HttpClient, Task<T>> use)
    {
        await using var app = SegueServer.Build(options with { Urls = ["http://127.0.0.1:0"] });
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        try
        {
            return await use(client);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private Task With(ServeOptions options, Func<HttpClient, Task> use) => With(options, async c => { await use(c); return 0; });

    [Fact]
    public Task Every_response_carries_the_security_headers_and_no_server_header() => With(_data.Options(), async client =>
    {
        foreach (string url in new[] { "/", "/app.js", "/api/limits", "/api/tracks/nope", "/nothing-here", "/openapi/v1.json" })
        {
            var response = await client.GetAsync(url);
            Assert.False(response.Headers.Contains("Server"), url);
            Assert.Equal(SecurityHeaders.PagePolicy, Header(response, "Content-Security-Policy"));
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
            Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        }
        // The report is framed by the page only, sandboxed, and runs no script.
        var report = await client.GetAsync("/runs/report");
        Assert.Equal(SecurityHeaders.ReportPolicy, Header(report, "Content-Security-Policy"));
        Assert.Equal("SAMEORIGIN", Header(report, "X-Frame-Options"));
        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.PagePolicy);
        Assert.DoesNotContain("unsafe", SecurityHeaders.PagePolicy);
    });

    [Fact]
    public Task Only_loopback_names_are_answered_by_default() => With(_data.Options(), async client =>
    {
        foreach (string host in new[] { "localhost", "127.0.0.1" })
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(WithHost("/api/limits", host))).StatusCode);
        // A name another site's DNS rebinds to 127.0.0.1 is refused.
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(WithHost("/api/limits", "attacker.example"))).StatusCode);
    });

    [Fact]
    public Task Listed_hosts_are_answered_instead() => With(_data.Options() with { AllowedHosts = ["segue.lan"] }, async client =>
    {
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(WithHost("/api/limits", "segue.lan"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(WithHost("/api/limits", "localhost"))).StatusCode);
    });

    [Fact]
    public Task A_token_guards_the_api_and_the_report_but_not_the_page() => With(_data.Options() with { Token = "s3cret" }, async client =>
    {
        var refused = await client.GetAsync("/api/limits");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Bearer", refused.Headers.WwwAuthenticate.Single().Scheme);
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Equal(("Unauthorized", "authorization: this server wants a bearer token (Authorization: Bearer TOKEN)"),
            ((string)problem["title"]!, (string)problem["detail"]!));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/runs/report")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(client, "/api/limits", "Bearer s3cre")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(client, "/api/limits", "Bearer s3cret")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        // The document says so.
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        Assert.NotNull(document["paths"]!["/api/continue"]!["post"]!["responses"]!["401"]);
    });

    [Fact]
    public async Task Cors_is_off_by_default_and_on_for_the_listed_origins_only()
    {
        await With(_data.Options(), async client =>
        {
            var response = await client.SendAsync(Preflight("https://app.example"));
            Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        });
        await With(_data.Options() with { CorsOrigins = ["https://app.example"] }, async client =>
        {
            var allowed = await client.SendAsync(Preflight("https://app.example"));
            Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
            Assert.Equal("https://app.example", Header(allowed, "Access-Control-Allow-Origin"));
            var other = await client.SendAsync(Preflight("https://other.example"));
            Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/limits");
            request.Headers.Add("Origin", "https://app.example");
            Assert.Equal("https://app.example", Header(await client.SendAsync(request), "Access-Control-Allow-Origin"));
        });
    }

    [Fact]
    public Task The_report_is_kept_until_the_runs_change_and_a_gone_folder_is_a_404() => With(_data.Options(), async client =>
    {
        var first = await client.GetAsync("/runs/report");
        string etag = first.Headers.ETag!.Tag;
        string html = await first.Content.ReadAsStringAsync();
        var again = new HttpRequestMessage(HttpMethod.Get, "/runs/report");
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag));
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
        Assert.Equal(etag, (await client.GetAsync("/runs/report")).Headers.ETag!.Tag);

        // A run's file changes: a new report.
        var summary = Path.Combine(_data.BookRun, "summary.json");
        File.SetLastWriteTimeUtc(summary, File.GetLastWriteTimeUtc(summary).AddMinutes(1));
        var changed = await client.GetAsync("/runs/report");
        Assert.NotEqual(etag, changed.Headers.ETag!.Tag);
        Assert.Equal(Strip(html), Strip(await changed.Content.ReadAsStringAsync()));

        Directory.Delete(_data.RunsFolder, recursive: true);
        foreach (string url in new[] { "/runs/report", "/api/runs" })
        {
            var gone = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
            Assert.Equal("runs: the runs folder given at start is no longer there", (string)JsonNode.Parse(await gone.Content.ReadAsStringAsync())!["detail"]!);
        }
    });

    [Fact]
    public void Listening_beyond_loopback_is_told_apart()
    {
        Assert.Empty(ListenAddresses.BeyondLoopback(["http://127.0.0.1:5000", "http://localhost:5000", "http://[::1]:5000", "http://127.0.0.2:80"]));
        Assert.Equal(["http://0.0.0.0:5000", "http://*:5000", "http://+:80", "http://192.168.1.4:5000", "http://[::]:5000"],
            ListenAddresses.BeyondLoopback(["http://0.0.0.0:5000", "http://*:5000", "http://+:80", "http://192.168.1.4:5000", "http://[::]:5000"]));
    }

    [Theory]
    [InlineData(null, "listening beyond this machine (http://0.0.0.0:5000): anyone who can reach it can use it (give --token-file to require a bearer token); it answers to the host names localhost, 127.0.0.1, [::1] (--allowed-host)")]
    [InlineData("s3cret", "listening beyond this machine (http://0.0.0.0:5000): anyone who can reach it with the token can use it; it answers to the host names localhost, 127.0.0.1, [::1] (--allowed-host)")]
    public async Task Listening_beyond_loopback_warns_at_start(string? token, string warning)
    {
        // The in-process test host listens nowhere, whatever the URLs say: only the warning is seen.
        var log = new LogLines();
        await using var app = SegueServer.Build(_data.Options(urls: ["http://0.0.0.0:5000"]) with { Token = token }, builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Logging.AddProvider(log);
        });
        await app.StartAsync();
        await app.StopAsync();
        Assert.Equal([warning], log.Warnings);

        var quiet = new LogLines();
        await using var local = SegueServer.Build(_data.Options(urls: ["http://127.0.0.1:5000"]), builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Logging.AddProvider(quiet);
        });
        await local.StartAsync();
        await local.StopAsync();
        Assert.Empty(quiet.Warnings);
    }

    /// <summary>The warnings logged, as text.</summary>
    private sealed class LogLines : ILoggerProvider, ILogger
    {
        public List<string> Warnings { get; } = [];
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
                lock (Warnings) Warnings.Add(formatter(state, exception));
        }

        public void Dispose() { }
    }

    private static string Strip(string html) => System.Text.RegularExpressions.Regex.Replace(html, "<p>Written [^<]*</p>", "");

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;

    private static HttpRequestMessage WithHost(string url, string host)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Host = host;
        return request;
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string url, string authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return client.SendAsync(request);
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/continue");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return request;
    }
}
