using System.Text.Json;

namespace Segue.Runs;

/// <summary>One metric over a run: its values at the steps where it was logged, in step order.</summary>
public sealed record MetricSeries(string Name, long[] Steps, double[] Values);

/// <summary>
/// A run's <c>metrics.jsonl</c> read back as one series per metric. Each line is an object with
/// <c>step</c> and any numbers logged at that step (the loss every log interval, evaluation
/// metrics at evaluation steps), so series of different metrics have different steps.
/// </summary>
public sealed class RunMetrics
{
    public const string Step = "step", WallSeconds = "wall_seconds";

    private readonly Dictionary<string, MetricSeries> _series;

    private RunMetrics(Dictionary<string, MetricSeries> series, long lastStep)
    {
        _series = series;
        LastStep = lastStep;
    }

    public static readonly RunMetrics Empty = new([], 0);

    /// <summary>The log at <paramref name="path"/> (its complete lines: see <see cref="MetricsLog"/>);
    /// an empty log when there is no file yet.</summary>
    public static RunMetrics Read(string path)
    {
        var points = new Dictionary<string, (List<long> Steps, List<double> Values)>();
        long lastStep = 0;
        foreach (var (number, line) in MetricsLog.ReadLines(path))
            lastStep = ReadLine(path, number, line, points);
        return new RunMetrics(points.ToDictionary(p => p.Key, p => new MetricSeries(p.Key, [.. p.Value.Steps], [.. p.Value.Values])), lastStep);
    }

    private static long ReadLine(string path, int lineNumber, string line, Dictionary<string, (List<long>, List<double>)> points)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            long step = MetricsLog.StepOf(path, lineNumber, root);
            foreach (var field in root.EnumerateObject())
            {
                if (field.Name == Step || field.Value.ValueKind != JsonValueKind.Number) continue;
                if (!points.TryGetValue(field.Name, out var series))
                    points[field.Name] = series = ([], []);
                series.Item1.Add(step);
                series.Item2.Add(field.Value.GetDouble());
            }
            return step;
        }
        catch (JsonException e)
        {
            throw new SegueException($"{path}: line {lineNumber}: not valid JSON ({e.Message})", e);
        }
    }

    /// <summary>The step of the last logged line (0 for an empty log).</summary>
    public long LastStep { get; }

    /// <summary>Every metric logged, in name order.</summary>
    public IReadOnlyList<string> Names => [.. _series.Keys.Order(StringComparer.Ordinal)];

    public MetricSeries? Series(string name) => _series.GetValueOrDefault(name);

    /// <summary>The last logged value of <paramref name="name"/>, null when it was never logged.</summary>
    public double? Last(string name) => _series.TryGetValue(name, out var s) ? s.Values[^1] : null;
}
