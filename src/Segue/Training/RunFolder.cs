using System.Text.Json;
using System.Text.Json.Nodes;
using Segue.IO;
using Segue.Model;

namespace Segue.Training;

/// <summary>
/// The folder of one training run:
/// <code>
///   config.json     { "model": ModelConfig, "training": TrainerOptions, "dataset": { "path", "fingerprint" } }
///   metrics.jsonl   one object per logged step: step, wall_seconds, steps_per_second, mean_loss,
///                   and every evaluation metric at the steps where the model was evaluated
///   checkpoints/    step-NNNNNNNNNNNN.ckpt, the newest few
///   model.segue     the final model (written when the run completes)
///   run.json        how the run was started: seed, code commit, machine, time, command line
///   summary.json    how it ended: status, steps, wall time, the last value of every metric
/// </code>
/// (<see cref="Runs.RunMetadata"/> and <see cref="Runs.RunSummary"/> write the last two;
/// <see cref="Runs.RunRecord"/> reads a whole folder back.)
/// </summary>
public sealed class RunFolder(string path)
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);
    public string ConfigPath => System.IO.Path.Combine(Path, "config.json");
    public string MetricsPath => System.IO.Path.Combine(Path, "metrics.jsonl");
    public string CheckpointsPath => System.IO.Path.Combine(Path, "checkpoints");
    public string ModelPath => System.IO.Path.Combine(Path, "model.segue");
    public string MetadataPath => System.IO.Path.Combine(Path, "run.json");
    public string SummaryPath => System.IO.Path.Combine(Path, "summary.json");

    public void WriteConfig(ModelConfig model, TrainerOptions training, string datasetPath, ulong fingerprint)
    {
        var config = new JsonObject
        {
            ["model"] = model.ToJsonNode(),
            ["training"] = JsonSerializer.SerializeToNode(training, ModelConfig.Json),
            ["dataset"] = new JsonObject { ["path"] = datasetPath, ["fingerprint"] = fingerprint.ToString("x16") },
        };
        AtomicFile.WriteAllText(ConfigPath, config.ToJsonString(ModelConfig.Json) + "\n");
    }

    /// <summary>The dataset the run trained on, as its config records it; null when there is no
    /// readable config.</summary>
    public string? ReadDatasetPath()
    {
        if (!File.Exists(ConfigPath)) return null;
        try
        {
            return JsonNode.Parse(File.ReadAllText(ConfigPath))?["dataset"]?["path"]?.GetValue<string>();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new SegueException($"{ConfigPath}: unreadable run config ({e.Message})");
        }
    }

    /// <summary>True when a run has started here (a config or a checkpoint exists).</summary>
    public bool HasRun => File.Exists(ConfigPath) || Checkpoints.List(CheckpointsPath).Count > 0;
}
