using System.Text.Json;
using System.Text.Json.Serialization;
using Segue.IO;
using Segue.Model;

namespace Segue.Runs;

/// <summary>How a run that ended says it ended: <see cref="Complete"/> (the final model was
/// written) or <see cref="Failed"/> (training stopped with an error). A run with no summary was
/// killed or is still going: <see cref="Incomplete"/>; one whose files cannot be read (or whose
/// summary does not say how it ended) is <see cref="Damaged"/>.</summary>
public enum RunStatus { Complete, Failed, Incomplete, Damaged }

/// <summary>
/// A run's <c>summary.json</c>, written when it ends: its status, the steps done, the wall time,
/// and the last logged value of every metric (its "final metrics"). Failed runs carry the error.
/// Every field but the error and the comparison is required: a summary without its status does not
/// say the run completed. <see cref="Product"/> is the file of the folder the run completes by
/// writing (<c>model.segue</c>, a ranker's <c>ranker.json</c>; a summary from before it was recorded
/// means a model). A ranker's summary also records how it compares with its generators.
/// </summary>
public sealed record RunSummary(
    RunStatus Status, long Steps, double WallSeconds, DateTimeOffset Finished,
    IReadOnlyDictionary<string, double> Metrics, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] System.Text.Json.Nodes.JsonObject? Comparison = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Product = null)
{
    /// <summary>The summary of a run whose metrics log is <paramref name="metrics"/>.</summary>
    public static RunSummary FromMetrics(RunMetrics metrics, RunStatus status, string? error = null) =>
        new(status, metrics.LastStep, metrics.Last(RunMetrics.WallSeconds) ?? 0, DateTimeOffset.UtcNow,
            metrics.Names.Where(n => n != RunMetrics.WallSeconds).ToDictionary(n => n, n => metrics.Last(n)!.Value), error);

    public void Write(string path) =>
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, ModelConfig.Json) + "\n");

    public static RunSummary Read(string path) => RunJson.Read<RunSummary>(path, "run summary");
}
