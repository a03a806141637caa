using System.Text.Json.Nodes;

namespace Segue.Runs;

/// <summary>
/// The one writer of a run's record in its <see cref="RunFolder"/>, whatever the run (a training
/// run, a ranker fit): the folder's lock for the writer's life, <c>run.json</c> when the run starts
/// (what it is and its circumstances, kept when a run resumes), <c>metrics.jsonl</c> as it goes,
/// and <c>summary.json</c> when it ends: its status, the file it produced and the last value of
/// every metric, so that a folder says what it is and how it ended without a reader knowing the
/// kind of run.
/// </summary>
public sealed class RunWriter : IDisposable
{
    private MetricsLog? _metrics;
    private string? _product;
    private long _fromStep;

    private readonly IDisposable? _lock;

    private RunWriter(RunFolder run, IDisposable? held) => (Run, _lock) = (run, held);

    /// <summary>Creates <paramref name="run"/>'s folder when needed and locks it (see
    /// <see cref="RunFolder.Lock"/>) until the writer is disposed.</summary>
    public static RunWriter Lock(RunFolder run) => new(run, run.Lock());

    /// <summary>Writes into <paramref name="temporary"/>, a folder no other process can see yet (one
    /// that <see cref="IO.AtomicFolder"/> renames into place whole): its caller holds the lock on
    /// the place it goes to.</summary>
    public static RunWriter InTemporary(RunFolder temporary) => new(temporary, null);

    public RunFolder Run { get; }

    /// <summary>Marks the run under way (again: a resumed run has no summary until it ends):
    /// writes run.json from <paramref name="metadata"/> unless the run already has one; the metrics
    /// log, opened with the first use, keeps its lines through <paramref name="fromStep"/>. The run
    /// completes by writing <paramref name="product"/> (a file of the folder: a model, a ranker's manifest).</summary>
    public void Begin(RunMetadata metadata, string product, long fromStep = 0)
    {
        if (!File.Exists(Run.MetadataPath))
            metadata.Write(Run.MetadataPath);
        File.Delete(Run.SummaryPath);
        (_product, _fromStep) = (product, fromStep);
    }

    /// <summary>The wall time of the last line kept: a resumed run's clock continues from it.</summary>
    public double LastWallSeconds => Metrics.LastWallSeconds;

    /// <summary>Appends one line to metrics.jsonl.</summary>
    public void Log(JsonObject line) => Metrics.Append(line);

    /// <summary>Writes summary.json: <paramref name="status"/>, with <paramref name="error"/> for a
    /// failed run and <paramref name="comparison"/> when the run compares itself with others, and
    /// the last value of every metric logged.</summary>
    public void End(RunStatus status, string? error = null, JsonObject? comparison = null)
    {
        _metrics?.Dispose();
        var summary = RunSummary.FromMetrics(RunMetrics.Read(Run.MetricsPath), status, error) with { Product = _product, Comparison = comparison };
        summary.Write(Run.SummaryPath);
    }

    private MetricsLog Metrics => _metrics ??= MetricsLog.Open(Run.MetricsPath, _product is null
        ? throw new InvalidOperationException("the run has not begun")
        : _fromStep);

    public void Dispose()
    {
        _metrics?.Dispose();
        _lock?.Dispose();
    }
}
