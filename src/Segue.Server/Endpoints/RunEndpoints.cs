using Microsoft.Net.Http.Headers;
using Segue.Runs;
using Segue.Server.Security;
using Segue.Serving;

namespace Segue.Server.Endpoints;

/// <summary>The training runs under the folder given at start: listed with their final metrics and
/// the cases those were measured on, and the report of the completed ones (the tables and plots of
/// <c>segue report</c>), kept until the runs change. Paths are relative to the runs folder, and the
/// report names no machine, unless the server was asked to show them.</summary>
public static class RunEndpoints
{
    public static void Map(IEndpointRouteBuilder app, RunsSnapshot? runs)
    {
        app.MapGet("/api/runs", () =>
            {
                if (runs is null) return Results.Ok(new RunsResponse(null, []));
                return Read(runs) is { } current
                    ? Results.Ok(new RunsResponse(Path.GetFileName(Path.TrimEndingDirectorySeparator(runs.Folder)),
                        [.. current.Runs.Select(r => RunEntry.From(r, runs))]))
                    : Gone();
            })
            .Produces<RunsResponse>()
            .Produces<ProblemBody>(StatusCodes.Status404NotFound, Problems.ContentType)
            .WithSummary("The runs under the folder given with --runs (none without it): status, steps, wall time, final metrics and what they were measured on")
            .WithDescription("404 when the runs folder has gone since the server started.")
            .WithTags("runs");

        app.MapGet("/runs/report", (HttpContext context) =>
            {
                if (runs is null) return Problems.Result(StatusCodes.Status404NotFound, "runs: no runs folder was given (segue serve --runs DIR)");
                if (Read(runs) is not { } current) return Gone();
                string etag = $"\"{current.Stamp}\"";
                context.Response.Headers.ETag = etag;
                context.Response.Headers.CacheControl = "no-cache";
                context.Response.Headers.ContentSecurityPolicy = SecurityHeaders.ReportPolicy;
                context.Response.Headers.XFrameOptions = "SAMEORIGIN";
                if (context.Request.Headers.IfNoneMatch.Contains(etag)) return Results.StatusCode(StatusCodes.Status304NotModified);
                return current.Report.Value is { } html
                    ? Results.Content(html, "text/html; charset=utf-8")
                    : Problems.Result(StatusCodes.Status404NotFound, $"runs: no completed run under {Path.GetFileName(runs.Folder)}");
            })
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .Produces(StatusCodes.Status304NotModified)
            .Produces<ProblemBody>(StatusCodes.Status404NotFound, Problems.ContentType)
            .WithSummary("The completed runs compared in one HTML page: the report segue report writes, kept (with its ETag) until the runs change")
            .WithTags("runs");
    }

    private static (string Stamp, IReadOnlyList<RunRecord> Runs, Lazy<string?> Report)? Read(RunsSnapshot runs)
    {
        try
        {
            return runs.Current();
        }
        catch (Exception e) when (e is DirectoryNotFoundException || e is SegueException && !Directory.Exists(runs.Folder))
        {
            return null;
        }
    }

    private static IResult Gone() => Problems.Result(StatusCodes.Status404NotFound, "runs: the runs folder given at start is no longer there");
}

/// <summary>The runs folder (its name) and its runs.</summary>
public sealed record RunsResponse(string? Folder, IReadOnlyList<RunEntry> Runs);

/// <summary>A run: its name and path (relative to the runs folder), status, steps, wall time, why it
/// is not complete, its final metrics and the cases they were measured on.</summary>
public sealed record RunEntry(string Name, string Path, string Status, long Steps, double? WallSeconds, string? Problem,
    string? EvaluatedOn, IReadOnlyDictionary<string, double> Metrics)
{
    public static RunEntry From(RunRecord run, RunsSnapshot runs) =>
        new(run.Name, runs.Shown(run.Path), run.Status.ToString().ToLowerInvariant(), run.Summary?.Steps ?? run.Metrics.LastStep,
            run.Summary?.WallSeconds ?? run.Metrics.Last(RunMetrics.WallSeconds), run.Problem is { } p ? runs.Shown(p) : null,
            RunEvaluation.Describe(run), run.Summary?.Metrics ?? new Dictionary<string, double>());
}
