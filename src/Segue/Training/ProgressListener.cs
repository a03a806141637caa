namespace Segue.Training;

/// <summary>A trainer's reports shown as a progress task: steps done out of the total, and the
/// last interval's rate and loss beside the bar.</summary>
public sealed class ProgressListener(IProgressSink sink, long totalSteps) : ITrainingListener, IDisposable
{
    private readonly IProgressTask _task = sink.Begin("train", totalSteps);
    private long _shown;

    public void Progressed(long step)
    {
        _task.Increment(step - _shown);
        _shown = step;
    }

    public void Reported(TrainingReport report)
    {
        if (report.Log is { } log)
            _task.SetStatus($"{log.StepsPerSecond:N0} steps/s, loss {log.MeanLoss:F4}");
    }

    public void Dispose() => _task.Dispose();
}
