namespace Segue.Training;

/// <summary>Several listeners as one, called in order.</summary>
public sealed class TrainingListeners(params ITrainingListener[] listeners) : ITrainingListener
{
    public static readonly ITrainingListener None = new TrainingListeners();

    public void Progressed(long step)
    {
        foreach (var l in listeners) l.Progressed(step);
    }

    public void Reported(TrainingReport report)
    {
        foreach (var l in listeners) l.Reported(report);
    }

    public void CheckpointDue(TrainingState state)
    {
        foreach (var l in listeners) l.CheckpointDue(state);
    }

    public void Finished(TrainingState state)
    {
        foreach (var l in listeners) l.Finished(state);
    }
}
