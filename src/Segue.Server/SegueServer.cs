using System.Diagnostics;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Segue.Server.Endpoints;
using Segue.Server.OpenApi;
using Segue.Server.Security;
using Segue.Serving;

namespace Segue.Server;

/// <summary>
/// <c>segue serve</c>: the HTTP API and the web page over a <see cref="ContinuationService"/>.
/// Everything is opened before the server listens, and it says it is ready once it listens; an
/// error in the options stops it before then, and an address it cannot listen on (in use, not
/// this machine's) when it starts, each as a <see cref="SegueException"/> naming the setting.
/// </summary>
public static class SegueServer
{
    /// <summary>Serves until Ctrl-C or SIGTERM, which stop new connections and let the requests in
    /// flight finish; returns the exit code (0).</summary>
    public static async Task<int> RunAsync(ServeOptions options)
    {
        var clock = Stopwatch.StartNew();
        await using var app = Build(options);
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Segue.Server");
        var service = app.Services.GetRequiredService<ContinuationService>();
        await Listen(app, options);
        log.LogInformation("serving {Recommenders} over {Dataset} ({Tracks:N0} tracks), ready in {Seconds:N1} s",
            string.Join(", ", service.Recommenders.Select(r => $"{r.Name}={r.Spec.Source}")), service.Dataset.FilePath,
            service.Dataset.TrackCount, clock.Elapsed.TotalSeconds);
        await app.WaitForShutdownAsync();
        // Evidence that queries reuse their scratch: created at most once per concurrent query.
        log.LogInformation("stopped; query scratch sets created: {Scratch}",
            string.Join(", ", service.Recommenders.Select(r => $"{r.Name} {r.ScratchCreated}")));
        return 0;
    }

    // Starts the server. Binding its addresses is all that can fail then, and only then: one in
    // use, one not on this machine, a port the user may not open, localhost with port 0.
    private static async Task Listen(WebApplication app, ServeOptions options)
    {
        try
        {
            await app.StartAsync();
        }
        catch (Exception e) when (e is IOException or SocketException or InvalidOperationException)
        {
            string cause = (SocketError(e)?.Message ?? e.Message).TrimEnd('.');
            throw new RequestFieldException("urls", $"{string.Join(", ", options.ListenUrls)}: cannot listen ({char.ToLowerInvariant(cause[0])}{cause[1..]})");
        }
    }

    // What the operating system said, under Kestrel's wrapping ("Failed to bind to address ...").
    private static SocketException? SocketError(Exception? e) => e is null ? null : e as SocketException ?? SocketError(e.InnerException);

    /// <summary>The application, opened and configured but not started. <paramref name="configure"/>
    /// adjusts the builder (a test host's server, say) before it is built.</summary>
    public static WebApplication Build(ServeOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        options.Validate();
        if (options.RunsFolder is { } runs && !Directory.Exists(runs))
            throw new RequestFieldException("runs", $"{runs}: no such folder");
        var service = ContinuationService.Open(options.Recommenders, options.DatasetPath, ContinuationLimits.Server);
        try
        {
            return Build(options, service, configure);
        }
        catch
        {
            service.Dispose();
            throw;
        }
    }

    private static WebApplication Build(ServeOptions options, ContinuationService service, Action<WebApplicationBuilder>? configure)
    {
        // Production whatever the environment says: the developer exception page would put stack
        // traces in responses.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, Args = [] });
        builder.WebHost.UseUrls([.. options.ListenUrls]);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = ServeOptions.MaxBodyBytes;
            kestrel.AddServerHeader = false;
        });
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
        });
        // One line a request (the HTTP log's, with its latency), not the framework's three.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.HttpLogging", LogLevel.Information);
        // A failed start is said once, in one line on stderr (Listen), not also logged with its stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(30));

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(service);
        builder.Services.AddSingleton(new ContinuationExplainer(service));
        builder.Services.AddSingleton(new TrackSearch(service.Statistics));
        builder.Services.AddSingleton(new PlaylistLookup(service.Dataset));
        builder.Services.AddSingleton<DatasetFigures>();
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            // The web defaults read numbers from strings, which the API's own reader refuses; the
            // description must say what is accepted.
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, ServerJson.Default);
        });
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = Problems.Customize);
        builder.Services.AddHostFiltering(hosts =>
        {
            hosts.AllowedHosts = [.. options.Hosts];
            hosts.IncludeFailureMessage = false;
        });
        if (options.CorsOrigins is { Count: > 0 } origins)
            builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy =>
                policy.WithOrigins([.. origins]).WithMethods("GET", "POST").WithHeaders("Content-Type", "Authorization")));
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddHttpLogging(logging =>
        {
            logging.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.RequestQuery
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            logging.CombineLogs = true;
        });
        builder.Services.AddHealthChecks().AddCheck("dataset and recommenders", () =>
            service.Recommenders.Count > 0 ? HealthCheckResult.Healthy($"{service.Recommenders.Count} recommender(s) over {service.Dataset.TrackCount:N0} tracks")
                : HealthCheckResult.Unhealthy("nothing served"), tags: ["ready"]);
        builder.Services.AddOpenApi(openApi => ApiDocument.Configure(openApi, options, service));
        configure?.Invoke(builder);

        var app = builder.Build();
        app.Lifetime.ApplicationStopped.Register(service.Dispose);
        if (ListenAddresses.BeyondLoopback(options.ListenUrls) is { Count: > 0 } open)
            app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogWarning(
                "listening beyond this machine ({Urls}): anyone who can reach it {Who}; it answers to the host names {Hosts} (--allowed-host)",
                string.Join(", ", open), options.Token is null ? "can use it (give --token-file to require a bearer token)" : "with the token can use it",
                string.Join(", ", options.Hosts)));
        app.UseSecurityHeaders();
        app.UseHostFiltering();
        app.UseHttpLogging();
        app.UseExceptionHandler();
        if (options.CorsOrigins is { Count: > 0 }) app.UseCors();
        if (options.Token is { } token) app.UseBearerToken(token);
        app.UseStatusCodePages();
        var page = new EmbeddedFileProvider(Assembly.GetExecutingAssembly(), "Segue.Server.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = page });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = page });

        app.MapOpenApi();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        ContinueEndpoints.Map(app, options);
        TrackEndpoints.Map(app);
        PlaylistEndpoints.Map(app);
        DatasetEndpoints.Map(app);
        RunEndpoints.Map(app, options.RunsFolder is { } runs ? new RunsSnapshot(runs, options.ShowPaths) : null);
        return app;
    }
}
