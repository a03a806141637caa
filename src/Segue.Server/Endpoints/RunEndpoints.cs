using Segue.Runs;
using Segue.Runs.Reports;

namespace Segue.Server.Endpoints;

/// <summary>The training runs under the folder given at start: listed with their final metrics,
/// and the report of the completed ones (the tables and plots of <c>segue report</c>).</summary>
public static class RunEndpoints
{
    public static void Map(IEndpointRouteBuilder app, string? folder)
    {
        app.MapGet("/api/runs", () => new RunsResponse(folder, folder is null ? [] : [.. RunRecord.Find(folder).Select(RunEntry.From)]))
            .Produces<RunsResponse>()
            .WithSummary("The runs under the folder given with --runs (none without it): status, steps, wall time, final metrics")
            .WithTags("runs");

        app.MapGet("/runs/report", () =>
            {
                var complete = folder is null ? [] : RunRecord.Find(folder).Where(r => r.Status == RunStatus.Complete).ToList();
                return complete.Count == 0
                    ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                        detail: folder is null ? "runs: no runs folder was given (segue serve --runs DIR)" : $"runs: no completed run under {folder}")
                    : Results.Content(HtmlReport.Render(new RunComparison(complete)), "text/html; charset=utf-8");
            })
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The completed runs compared in one HTML page: the report segue report writes")
            .WithTags("runs");
    }
}

public sealed record RunsResponse(string? Folder, IReadOnlyList<RunEntry> Runs);

public sealed record RunEntry(string Name, string Path, string Status, long Steps, double? WallSeconds, string? Problem,
    IReadOnlyDictionary<string, double> Metrics)
{
    public static RunEntry From(RunRecord run) =>
        new(run.Name, run.Path, run.Status.ToString().ToLowerInvariant(), run.Summary?.Steps ?? run.Metrics.LastStep,
            run.Summary?.WallSeconds ?? run.Metrics.Last(RunMetrics.WallSeconds), run.Problem,
            run.Summary?.Metrics ?? new Dictionary<string, double>());
}
