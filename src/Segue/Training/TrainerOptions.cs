namespace Segue.Training;

/// <summary>How long a run trains and what it does along the way (the model itself is
/// <see cref="Model.ModelConfig"/>). Steps are numbered from 1; every "every" is in steps, 0 = never.</summary>
public sealed record TrainerOptions
{
    /// <summary>Total steps of the run (one playlist per step), counting those already done when resuming.</summary>
    public long Steps { get; init; } = 2_000_000;
    /// <summary>Lock-free (Hogwild-style) workers. With 1 a run is bit-for-bit reproducible from its
    /// seed and across resumes; with more, workers race on shared rows and the result depends on timing.</summary>
    public int Threads { get; init; } = 1;
    public long LogEvery { get; init; } = 1_000;
    public long EvalEvery { get; init; } = 10_000;
    public int EvalCases { get; init; } = 1_000;
    /// <summary>Held-out evaluations score by cosine similarity instead of the dot product the model
    /// trains with (the book's exercise; training itself is unchanged).</summary>
    public bool EvalCosine { get; init; }
    public long CheckpointEvery { get; init; } = 100_000;
    public int KeepCheckpoints { get; init; } = 3;

    public void Validate()
    {
        if (Steps <= 0) throw new SegueException($"--steps {Steps}: must be positive");
        if (Threads <= 0) throw new SegueException($"--threads {Threads}: must be positive");
        if (LogEvery <= 0) throw new SegueException($"--log-every {LogEvery}: must be positive");
        if (EvalEvery < 0) throw new SegueException($"--eval-every {EvalEvery}: must be 0 (never) or positive");
        if (EvalCases <= 0) throw new SegueException($"--eval-cases {EvalCases}: must be positive");
        if (CheckpointEvery < 0) throw new SegueException($"--checkpoint-every {CheckpointEvery}: must be 0 (never) or positive");
        if (KeepCheckpoints <= 0) throw new SegueException($"keep_checkpoints {KeepCheckpoints}: must be positive");
    }
}
