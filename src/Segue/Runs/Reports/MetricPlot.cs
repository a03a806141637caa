namespace Segue.Runs.Reports;

/// <summary>A metric's curves over steps, one line per run, as a PNG (ScottPlot on SkiaSharp).</summary>
public static class MetricPlot
{
    public const int Width = 900, Height = 500;

    /// <summary>The plot of <paramref name="metric"/> for the runs that logged it; a
    /// <see cref="SegueException"/> listing the metrics there are when none did.</summary>
    public static byte[] Png(IReadOnlyList<RunRecord> runs, IReadOnlyList<string> labels, string metric)
    {
        if (runs.All(r => r.Metrics.Series(metric) is null))
        {
            var names = runs.SelectMany(r => r.Metrics.Names).Distinct().Order(StringComparer.Ordinal);
            throw SettingException.About("metric", $" {metric}: no run logged it; the metrics are: {string.Join(", ", names)}");
        }
        var plot = new ScottPlot.Plot();
        for (int i = 0; i < runs.Count; i++)
        {
            if (runs[i].Metrics.Series(metric) is not { } series) continue;
            var line = plot.Add.Scatter(series.Steps.Select(s => (double)s).ToArray(), series.Values);
            line.LegendText = labels[i];
            line.MarkerSize = series.Steps.Length == 1 ? 6 : 3; // a metric evaluated once is a lone point
        }
        plot.Title(metric);
        plot.XLabel("step");
        plot.YLabel(metric);
        plot.ShowLegend(ScottPlot.Edge.Right);
        return plot.GetImageBytes(Width, Height, ScottPlot.ImageFormat.Png);
    }
}
