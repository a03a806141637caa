namespace Segue.Training;

/// <summary>The figures of one log interval: the steps done so far, the wall time since this
/// trainer's <see cref="Trainer.Run"/> began (a resumed run's recorder adds the time before), the
/// interval's rate (training only, evaluations and checkpoints excluded) and its mean loss.</summary>
public readonly record struct TrainingLog(long Step, double WallSeconds, double StepsPerSecond, double MeanLoss);

/// <summary>What the trainer says at a step where it has something to say: the log interval's
/// figures when one ends there, the held-out metrics when it evaluated there (either may be null).</summary>
public sealed record TrainingReport(long Step, TrainingLog? Log, IReadOnlyDictionary<string, double>? Evaluation);

/// <summary>
/// What a <see cref="Trainer"/> reports as it trains, like fastText's training callback: the
/// trainer only trains and reports; listeners record (a run folder), show (a progress bar) or
/// measure (the benchmark). Every method has an empty default, so a listener implements what it
/// needs. Calls come from the trainer's own thread, between stretches of steps, never from a worker.
/// </summary>
public interface ITrainingListener
{
    /// <summary><paramref name="step"/> steps are done (after every stretch of steps, and once at
    /// the start with the step a resumed run starts from).</summary>
    void Progressed(long step) { }

    /// <summary>A log interval ended or the model was evaluated at <see cref="TrainingReport.Step"/>.</summary>
    void Reported(TrainingReport report) { }

    /// <summary>A checkpoint is due: <paramref name="state"/> is synchronised (every row up to date)
    /// and must not be kept beyond the call.</summary>
    void CheckpointDue(TrainingState state) { }

    /// <summary>Training finished: <paramref name="state"/> is synchronised and every parameter is finite.</summary>
    void Finished(TrainingState state) { }
}
