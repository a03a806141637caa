namespace Segue.Runs;

/// <summary>
/// Completed runs side by side: the settings in which they differ (every other setting is
/// shared) and the final value of every metric. The basis of <c>segue runs compare</c>, the
/// sweep's table and the HTML report.
/// </summary>
public sealed class RunComparison
{
    public RunComparison(IReadOnlyList<RunRecord> runs)
    {
        if (runs.Count == 0) throw new SegueException("no run to compare");
        foreach (var run in runs) run.RequireComplete();
        Runs = runs;
        Labels = RunRecord.Labels(runs);
        var keys = runs.SelectMany(r => r.Settings.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        DifferingKeys = [.. keys.Where(k => runs.Select(r => Setting(r, k)).Distinct().Count() > 1)];
        SharedKeys = [.. keys.Except(DifferingKeys)];
        FinalMetricNames = [.. runs.SelectMany(r => r.Summary!.Metrics.Keys).Distinct().Order(StringComparer.Ordinal)];
        SeriesNames = [.. runs.SelectMany(r => r.Metrics.Names).Distinct().Order(StringComparer.Ordinal)];
    }

    public IReadOnlyList<RunRecord> Runs { get; }
    /// <summary>One label per run (see <see cref="RunRecord.Labels"/>).</summary>
    public IReadOnlyList<string> Labels { get; }
    public IReadOnlyList<string> DifferingKeys { get; }
    public IReadOnlyList<string> SharedKeys { get; }
    /// <summary>Every metric in any run's summary.</summary>
    public IReadOnlyList<string> FinalMetricNames { get; }
    /// <summary>Every metric logged over time by any run (what can be plotted).</summary>
    public IReadOnlyList<string> SeriesNames { get; }

    /// <summary>A setting's value in <paramref name="run"/>, "-" when that run's config lacks it.</summary>
    public static string Setting(RunRecord run, string key) => run.Settings.GetValueOrDefault(key, "-");

    public static double? FinalMetric(RunRecord run, string name) =>
        run.Summary!.Metrics.TryGetValue(name, out double value) ? value : null;
}
