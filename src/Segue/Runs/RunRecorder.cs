using System.Text.Json.Nodes;
using Segue.Model;
using Segue.Training;

namespace Segue.Runs;

/// <summary>
/// A training run's folder as a listener of its trainer: each report becomes a line of
/// metrics.jsonl through the run's <see cref="RunWriter"/> (its wall time continuing a resumed
/// run's clock), each checkpoint due a file in checkpoints/ (the newest <c>keep</c> kept), and the
/// end model.segue.
/// </summary>
public sealed class RunRecorder : ITrainingListener
{
    private readonly RunWriter _writer;
    private readonly RunFolder _run;
    private readonly int _keepCheckpoints;
    private readonly double _wallOffset;

    /// <summary>Records through <paramref name="writer"/>, whose run has begun (lines logged after
    /// its first step by an earlier, interrupted run are dropped).</summary>
    public RunRecorder(RunWriter writer, int keepCheckpoints)
    {
        _writer = writer;
        _run = writer.Run;
        _wallOffset = writer.LastWallSeconds;
        _keepCheckpoints = keepCheckpoints;
    }

    public void Reported(TrainingReport report)
    {
        var record = new JsonObject { [RunMetrics.Step] = report.Step };
        if (report.Log is { } log)
        {
            record[RunMetrics.WallSeconds] = Math.Round(_wallOffset + log.WallSeconds, 3);
            record["steps_per_second"] = Math.Round(log.StepsPerSecond, 1);
            record["mean_loss"] = log.MeanLoss;
        }
        foreach (var (name, value) in report.Evaluation ?? new Dictionary<string, double>())
            record[name] = value;
        _writer.Log(record);
    }

    public void CheckpointDue(TrainingState state) => Checkpoints.Save(_run.CheckpointsPath, state, _keepCheckpoints);

    public void Finished(TrainingState state) => ModelFile.Save(_run.ModelPath, state.Model);
}
