using System.Text.Json;
using System.Text.Json.Nodes;
using Segue.Model;
using Segue.Training;

namespace Segue.Runs;

/// <summary>
/// A run folder read back (see <see cref="RunFolder"/> for the layout): its config, metrics,
/// metadata and summary, and whether it is complete. A folder counts as a run when it has a
/// <c>config.json</c>; one killed mid-run has no summary (or no model) and is
/// <see cref="RunStatus.Incomplete"/>: it can still be listed, shown and plotted, but not compared
/// or exported as if it had finished. One whose files cannot be read is
/// <see cref="RunStatus.Damaged"/> when found among others (listed, with why), an error when named.
/// </summary>
public sealed class RunRecord
{
    private RunRecord(RunFolder folder, RunConfig? config, RunMetrics metrics, RunMetadata? metadata, RunSummary? summary, string? damage)
    {
        Folder = folder;
        ConfigFile = config;
        Settings = config is null ? new Dictionary<string, string>() : Flatten(config.Json);
        Metrics = metrics;
        Metadata = metadata;
        Summary = summary;
        (Status, Problem) = summary switch
        {
            _ when damage is not null => (RunStatus.Damaged, damage),
            null => (RunStatus.Incomplete, $"no {System.IO.Path.GetFileName(folder.SummaryPath)}: killed mid-run, or still training"),
            { Status: RunStatus.Failed } => (RunStatus.Failed, summary.Error ?? "failed"),
            { Status: not RunStatus.Complete } => (RunStatus.Damaged, $"{folder.SummaryPath}: status {summary.Status.ToString().ToLowerInvariant()} is not how a run ends"),
            // A run completes by writing its product (a training run its model, a fit its ranker's manifest).
            _ when !File.Exists(System.IO.Path.Combine(folder.Path, summary.Product ?? System.IO.Path.GetFileName(folder.ModelPath)))
                => (RunStatus.Incomplete, $"no {summary.Product ?? System.IO.Path.GetFileName(folder.ModelPath)}"),
            _ => (RunStatus.Complete, null),
        };
    }

    /// <summary>The run in <paramref name="path"/>; a <see cref="SegueException"/> when it is not a
    /// run folder or one of its files cannot be read.</summary>
    public static RunRecord Open(string path)
    {
        var folder = new RunFolder(path);
        if (!File.Exists(folder.ConfigPath))
            throw new SegueException(Directory.Exists(folder.Path)
                ? $"{folder.Path}: not a run folder (no config.json)"
                : $"{folder.Path}: no such run folder");
        return new RunRecord(folder, RunConfig.Read(folder), RunMetrics.Read(folder.MetricsPath),
            File.Exists(folder.MetadataPath) ? RunMetadata.Read(folder.MetadataPath) : null,
            File.Exists(folder.SummaryPath) ? RunSummary.Read(folder.SummaryPath) : null, damage: null);
    }

    /// <summary>The run in <paramref name="path"/>, or when a file of it cannot be read, a
    /// <see cref="RunStatus.Damaged"/> record saying why.</summary>
    private static RunRecord OpenOrDamaged(string path)
    {
        try
        {
            return Open(path);
        }
        catch (SegueException e)
        {
            return new RunRecord(new RunFolder(path), null, RunMetrics.Empty, null, null, e.Message);
        }
    }

    /// <summary>The runs <paramref name="paths"/> name: each a run folder, or a folder of runs
    /// (a sweep), which stands for every run below it.</summary>
    public static IReadOnlyList<RunRecord> Resolve(IEnumerable<string> paths)
    {
        var runs = new List<RunRecord>();
        foreach (var path in paths)
        {
            if (File.Exists(new RunFolder(path).ConfigPath))
            {
                runs.Add(Open(path));
                continue;
            }
            var found = Find(path);
            if (found.Count == 0)
                throw new SegueException($"{System.IO.Path.GetFullPath(path)}: not a run folder (no config.json), and no run folder below it");
            runs.AddRange(found);
        }
        return runs;
    }

    /// <summary>The runs in <paramref name="folder"/> and up to two levels below it, by path; a run
    /// that cannot be read is among them, <see cref="RunStatus.Damaged"/>.</summary>
    public static IReadOnlyList<RunRecord> Find(string folder)
    {
        if (!Directory.Exists(folder)) throw new SegueException($"{System.IO.Path.GetFullPath(folder)}: no such folder");
        var paths = new List<string>();
        Collect(System.IO.Path.GetFullPath(folder), depth: 0, paths);
        return [.. paths.Order(StringComparer.Ordinal).Select(OpenOrDamaged)];
    }

    private static void Collect(string folder, int depth, List<string> paths)
    {
        if (File.Exists(new RunFolder(folder).ConfigPath))
        {
            paths.Add(folder);
            return;
        }
        if (depth == 2) return;
        foreach (var child in Directory.EnumerateDirectories(folder))
            Collect(child, depth + 1, paths);
    }

    public RunFolder Folder { get; }
    public string Path => Folder.Path;
    public string Name => System.IO.Path.GetFileName(Folder.Path);
    /// <summary>config.json as read; null for a damaged run.</summary>
    public RunConfig? ConfigFile { get; }
    /// <summary>Every leaf of the config as "section.key" (nested objects dotted) to its JSON text.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }
    public RunMetrics Metrics { get; }
    public RunMetadata? Metadata { get; }
    public RunSummary? Summary { get; }
    public RunStatus Status { get; }
    /// <summary>Why the run is not complete; null when it is.</summary>
    public string? Problem { get; }

    private RunConfig Config => ConfigFile ?? throw new SegueException($"{Path}: damaged run ({Problem})");

    /// <summary>The model and training options of a training run.</summary>
    public (ModelConfig Model, TrainerOptions Training) TrainingConfig => TrainingRun.ReadSections(Config);

    public ModelConfig ModelConfig => TrainingConfig.Model;

    /// <summary>The dataset file (absolute) and fingerprint the run used.</summary>
    public RunDataset Dataset => Config.Dataset;

    /// <summary>Throws a one-line <see cref="SegueException"/> unless the run completed.</summary>
    public RunRecord RequireComplete() => Status == RunStatus.Complete ? this
        : throw new SegueException($"{Path}: {Status.ToString().ToLowerInvariant()} run ({Problem})");

    /// <summary>A label per run: the folder names, or the full paths when two names clash.</summary>
    public static IReadOnlyList<string> Labels(IReadOnlyList<RunRecord> runs) =>
        runs.Select(r => r.Name).Distinct().Count() == runs.Count ? [.. runs.Select(r => r.Name)] : [.. runs.Select(r => r.Path)];

    private static Dictionary<string, string> Flatten(JsonObject config)
    {
        var settings = new Dictionary<string, string>();
        void Walk(JsonNode? node, string prefix)
        {
            if (node is JsonObject obj)
                foreach (var (key, child) in obj) Walk(child, prefix.Length == 0 ? key : $"{prefix}.{key}");
            else
                settings[prefix] = node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : node?.ToJsonString() ?? "null";
        }
        Walk(config, "");
        return settings;
    }
}
