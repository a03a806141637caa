using System.Globalization;
using System.Text.Json.Nodes;
using Segue.Evaluation;

namespace Segue.Ranking;

/// <summary>
/// The fit's guard: whether the ranker is ahead of every generator alone on the validation cases
/// kept out of its fit, scored as serving scores a new playlist, on each of the RecSys Challenge's
/// three metrics (R-precision and NDCG higher, clicks lower), each against the generator best at
/// that metric. A ranker that is not ahead would give users a worse answer than one of its own
/// parts; <c>segue fit</c> refuses it unless told to keep it.
/// </summary>
public sealed record RankerVerdict(int Cases, IReadOnlyList<RankerVerdict.Metric> Metrics)
{
    /// <summary>The metrics compared, with whether a higher value is better.</summary>
    public static IReadOnlyList<(string Name, bool HigherIsBetter)> Compared { get; } = [("r_precision", true), ("ndcg", true), ("clicks", false)];

    /// <summary>One metric: the ranker's value, and the best generator's name and value.</summary>
    public sealed record Metric(string Name, double Ranker, string BestGenerator, double Best, bool Ahead);

    public bool Ahead => Metrics.All(m => m.Ahead);

    /// <summary>The verdict on <paramref name="validation"/>: the ranker's report first, then each generator's.</summary>
    public static RankerVerdict Of(IReadOnlyList<EvalReport> validation)
    {
        if (validation.Count < 2) throw new ArgumentException("the ranker's report and at least one generator's", nameof(validation));
        var ranker = validation[0];
        var metrics = Compared.Select(m =>
        {
            double sign = m.HigherIsBetter ? 1 : -1;
            var best = validation.Skip(1).MaxBy(r => sign * r.Overall[m.Name])!;
            double mine = ranker.Overall[m.Name], theirs = best.Overall[m.Name];
            return new Metric(m.Name, mine, best.Recommender, theirs, sign * (mine - theirs) > 0);
        }).ToList();
        return new RankerVerdict(ranker.Cases, metrics);
    }

    /// <summary>The comparison in words: "r_precision 0.0706 against als 0.0596, ...".</summary>
    public string Figures => string.Join(", ", Metrics.Select(m =>
        string.Create(CultureInfo.InvariantCulture, $"{m.Name} {m.Ranker:0.0000} against {m.BestGenerator} {m.Best:0.0000}")));

    /// <summary>The comparison as <c>summary.json</c> records it.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["cases"] = Cases, ["ahead"] = Ahead };
        foreach (var m in Metrics)
            json[m.Name] = new JsonObject { ["ranker"] = m.Ranker, ["best_generator"] = m.BestGenerator, ["best"] = m.Best, ["ahead"] = m.Ahead };
        return json;
    }
}
