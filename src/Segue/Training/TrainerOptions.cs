using Segue.Settings;

namespace Segue.Training;

/// <summary>How long a run trains and what it does along the way (the model itself is
/// <see cref="Model.ModelConfig"/>). Steps are numbered from 1; every "every" is in steps, 0 = never.</summary>
public sealed record TrainerOptions
{
    /// <summary>Total steps of the run (one playlist per step), counting those already done when resuming.</summary>
    [Setting("steps", "Total steps, one playlist each", Min = 1)]
    public long Steps { get; init; } = 2_000_000;
    /// <summary>Lock-free (Hogwild-style) workers. With 1 a run is bit-for-bit reproducible from its
    /// seed and across resumes; with more, workers race on shared rows and the result depends on timing.</summary>
    [Setting("threads", "Lock-free training threads; only 1 is bit-for-bit reproducible", Min = 1, Max = MaxThreads)]
    public int Threads { get; init; } = 1;
    [Setting("log_every", "Log the mean loss every N steps", Min = 1)]
    public long LogEvery { get; init; } = 1_000;
    [Setting("eval_every", "Evaluate on held-out playlists every M steps (0: never)", Min = 0, Zero = "never")]
    public long EvalEvery { get; init; } = 10_000;
    [Setting("eval_cases", "Held-out playlists per evaluation", Min = 1)]
    public int EvalCases { get; init; } = 1_000;
    /// <summary>Held-out evaluations score by cosine similarity instead of the dot product the model
    /// trains with (the book's exercise; training itself is unchanged).</summary>
    [Setting("eval_cosine", "Evaluate by cosine similarity instead of the dot product (the book's exercise)")]
    public bool EvalCosine { get; init; }
    [Setting("checkpoint_every", "Checkpoint every C steps (0: never)", Min = 0, Zero = "never")]
    public long CheckpointEvery { get; init; } = 100_000;
    [Setting("keep_checkpoints", "The newest checkpoints kept", Min = 1)]
    public int KeepCheckpoints { get; init; } = 3;

    /// <summary>The most training threads a run may ask for.</summary>
    public const int MaxThreads = 1024;

    /// <summary>Throws a one-line <see cref="SettingException"/> naming the first bad option by its key.</summary>
    public void Validate() => SettingTable.Of<TrainerOptions>().Validate(this);
}
