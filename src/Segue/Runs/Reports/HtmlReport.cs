using System.Globalization;
using System.Net;
using System.Text;
using Segue.IO;

namespace Segue.Runs.Reports;

/// <summary>
/// One self-contained HTML file comparing runs, readable offline: the runs, the settings that
/// differ, the final metrics, and a plot of every logged metric. No external reference of any
/// kind: the CSS is inline and every plot is a base64 PNG data URI.
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
        table { border-collapse: collapse; margin: 1em 0; }
        th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; }
        th { background: #f2f2f2; text-align: left; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        img { max-width: 100%; display: block; margin: 1em 0; }
        """;

    public static void Write(string path, RunComparison comparison) => AtomicFile.WriteAllText(path, Render(comparison));

    /// <summary>The report as one HTML document. Without <paramref name="machineDetails"/> (a report
    /// served over HTTP) it names no machine and no absolute path: a rooted path shows as its file name.</summary>
    public static string Render(RunComparison comparison, bool machineDetails = true)
    {
        string Setting(RunRecord run, string key) => Shown(RunComparison.Setting(run, key), machineDetails);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Segue runs</title><style>")
            .Append(Style).Append("</style></head><body>\n");
        html.Append($"<h1>Segue: {comparison.Runs.Count} run(s)</h1>\n<p>Written {DateTimeOffset.Now.ToString("u", CultureInfo.InvariantCulture)}.</p>\n");

        html.Append("<h2>Runs</h2>\n");
        string[] columns = ["run", "status", "steps", "wall time", "seed", "started", "commit", "machine", "path"];
        AppendTable(html, machineDetails ? columns : columns[..^2],
            comparison.Runs.Select((r, i) => new[]
            {
                comparison.Labels[i], r.Status.ToString().ToLowerInvariant(), r.Summary!.Steps.ToString("N0", CultureInfo.InvariantCulture),
                RunFigures.Duration(r.Summary.WallSeconds), r.Settings.GetValueOrDefault("model.seed", "-"),
                r.Metadata?.Started.ToString("u", CultureInfo.InvariantCulture) ?? "-",
                r.Metadata?.GitCommit is { } c ? c + (r.Metadata.GitDirty == true ? " (uncommitted changes)" : "") : "-",
                r.Metadata is { Machine: var m } ? $"{m.Os}, {m.Cores} cores, {m.Dotnet}" : "-", r.Path,
            }.Take(machineDetails ? columns.Length : columns.Length - 2)));

        html.Append("<h2>Settings that differ</h2>\n");
        if (comparison.DifferingKeys.Count == 0) html.Append("<p>None: every run has the same config.</p>\n");
        else
            AppendTable(html, ["setting", .. comparison.Labels],
                comparison.DifferingKeys.Select(k => new[] { k }.Concat(comparison.Runs.Select(r => Setting(r, k)))));

        html.Append("<h2>Final metrics</h2>\n");
        AppendTable(html, ["metric", .. comparison.Labels],
            comparison.FinalMetricNames.Select(n => new[] { n }.Concat(comparison.Runs.Select(r => RunFigures.Figure(RunComparison.FinalMetric(r, n))))));

        html.Append("<h2>Metrics over steps</h2>\n");
        foreach (var name in comparison.SeriesNames)
        {
            string png = Convert.ToBase64String(MetricPlot.Png(comparison.Runs, comparison.Labels, name));
            html.Append($"<h3>{WebUtility.HtmlEncode(name)}</h3>\n<img alt=\"{WebUtility.HtmlEncode(name)} over steps\" src=\"data:image/png;base64,{png}\">\n");
        }

        html.Append("<h2>Shared settings</h2>\n<details><summary>the settings every run has in common</summary>\n");
        var first = comparison.Runs[0];
        AppendTable(html, ["setting", "value"], comparison.SharedKeys.Select(k => new[] { k, Setting(first, k) }));
        html.Append("</details>\n</body></html>\n");
        return html.ToString();
    }

    private static string Shown(string value, bool machineDetails) =>
        machineDetails || !Path.IsPathRooted(value) ? value : Path.GetFileName(value);

    private static void AppendTable(StringBuilder html, IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows)
    {
        html.Append("<table><tr>");
        foreach (var cell in header) html.Append("<th>").Append(WebUtility.HtmlEncode(cell)).Append("</th>");
        html.Append("</tr>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            bool firstCell = true;
            foreach (var cell in row)
            {
                bool numeric = !firstCell && double.TryParse(cell, NumberStyles.Any, CultureInfo.InvariantCulture, out _);
                html.Append(numeric ? "<td class=\"n\">" : "<td>").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
                firstCell = false;
            }
            html.Append("</tr>\n");
        }
        html.Append("</table>\n");
    }
}
