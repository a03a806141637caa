using System.Numerics.Tensors;

namespace Segue.Evaluation;

/// <summary>One recommender's figures over a list of cases: each metric's mean, overall and per
/// challenge category (categories other than 0 only).</summary>
public sealed class EvalReport
{
    private readonly IReadOnlyList<EvalCase> _cases;
    private readonly double[] _values;

    public string Recommender { get; }
    public int K { get; }
    /// <summary>The metric names in report order (the keys of <see cref="Overall"/>).</summary>
    public IReadOnlyList<string> MetricNames { get; }
    public IReadOnlyDictionary<string, double> Overall { get; }
    public IReadOnlyDictionary<int, IReadOnlyDictionary<string, double>> ByCategory { get; }
    /// <summary>How many cases each category of <see cref="ByCategory"/> holds.</summary>
    public IReadOnlyDictionary<int, int> CategoryCases { get; }
    public int Cases { get; }
    /// <summary>Wall-clock seconds the evaluation took.</summary>
    public double Seconds { get; }

    /// <summary>Averages per-case values (<paramref name="values"/>: case-major, one row of
    /// <paramref name="metricNames"/> per case), summing in case order so the figures do not depend
    /// on how many threads computed them.</summary>
    internal EvalReport(string recommender, int k, IReadOnlyList<string> metricNames,
        IReadOnlyList<EvalCase> cases, double[] values, double seconds)
    {
        _cases = cases;
        _values = values;
        int m = metricNames.Count;
        var overall = new double[m];
        var byCategory = new SortedDictionary<int, (double[] Sums, int Count)>();
        for (int c = 0; c < cases.Count; c++)
        {
            var row = values.AsSpan(c * m, m);
            TensorPrimitives.Add(overall, row, overall);
            int category = cases[c].Category;
            if (category == 0) continue;
            if (!byCategory.TryGetValue(category, out var entry)) entry = (new double[m], 0);
            TensorPrimitives.Add(entry.Sums, row, entry.Sums);
            byCategory[category] = (entry.Sums, entry.Count + 1);
        }
        Recommender = recommender;
        K = k;
        MetricNames = metricNames;
        Cases = cases.Count;
        Seconds = seconds;
        Overall = Means(metricNames, overall, cases.Count);
        ByCategory = byCategory.ToDictionary(e => e.Key, e => Means(metricNames, e.Value.Sums, e.Value.Count));
        CategoryCases = byCategory.ToDictionary(e => e.Key, e => e.Value.Count);
    }

    /// <summary>One recommender's figures over the cases of several reports (each of its own
    /// cases, as a ranker's validation folds are scored each with its own statistics).</summary>
    public static EvalReport Combine(IReadOnlyList<EvalReport> parts)
    {
        var first = parts[0];
        return new EvalReport(first.Recommender, first.K, first.MetricNames, [.. parts.SelectMany(p => p._cases)],
            [.. parts.SelectMany(p => p._values)], parts.Sum(p => p.Seconds));
    }

    private static IReadOnlyDictionary<string, double> Means(IReadOnlyList<string> names, double[] sums, int count) =>
        names.Select((name, i) => (name, value: count == 0 ? 0 : sums[i] / count)).ToDictionary(e => e.name, e => e.value);
}
