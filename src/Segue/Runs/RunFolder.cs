using Segue.IO;
using Segue.Training;

namespace Segue.Runs;

/// <summary>
/// The folder of one run, whatever it runs (a training run, a ranker fit with its own config
/// section and files):
/// <code>
///   config.json     the run's config sections (a training run: "model", "training") and "dataset": { "path", "fingerprint" }
///   metrics.jsonl   one object per logged step: step, wall_seconds, and the figures of that step
///                   (a training run: steps_per_second, mean_loss, and every evaluation metric when evaluated)
///   run.json        how the run was started: its kind, seed, code commit, machine, time, command line
///   summary.json    how it ended: status, the file it produced, steps, wall time, the last value of every metric
///   checkpoints/    a training run's newest few checkpoints, step-NNNNNNNNNNNN.ckpt
///   model.segue     a training run's final model (written when the run completes)
///   .lock           held by the process working in the folder, for its whole life
/// </code>
/// <see cref="RunConfig"/> writes and reads config.json; <see cref="RunWriter"/> holds the lock and
/// writes run.json, metrics.jsonl and summary.json for every kind of run; <see cref="RunRecord"/>
/// reads a whole folder back.
/// </summary>
public sealed class RunFolder(string path)
{
    public string Path { get; } = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(path));
    public string ConfigPath => System.IO.Path.Combine(Path, "config.json");
    public string MetricsPath => System.IO.Path.Combine(Path, "metrics.jsonl");
    public string CheckpointsPath => System.IO.Path.Combine(Path, "checkpoints");
    public string ModelPath => System.IO.Path.Combine(Path, "model.segue");
    public string MetadataPath => System.IO.Path.Combine(Path, "run.json");
    public string SummaryPath => System.IO.Path.Combine(Path, "summary.json");
    public string LockPath => System.IO.Path.Combine(Path, ".lock");

    /// <summary>True when a run has started here (a config or a checkpoint exists).</summary>
    public bool HasRun => File.Exists(ConfigPath) || Checkpoints.List(CheckpointsPath).Count > 0;

    /// <summary>
    /// Creates the folder when needed and locks it until the returned handle is disposed: an OS
    /// lock on <c>.lock</c> (no sharing), so a second process (or a second run in this one) is
    /// refused in one line while the first works there, and a killed process releases it. Every
    /// reason the folder cannot be used (a file in its place or above it, no permission) is one
    /// line naming the folder, before any work starts.
    /// </summary>
    public IDisposable Lock()
    {
        OutputPath.Folder(Path);
        return OutputLock.Hold(LockPath, Path);
    }

    /// <summary>The dataset the run used, as its config records it (absolute); null when there is no config.</summary>
    public string? ReadDatasetPath() => File.Exists(ConfigPath) ? RunConfig.Read(this).Dataset.Path : null;
}
