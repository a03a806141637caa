using static Segue.SettingException;

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

    /// <summary>The most training threads a run may ask for.</summary>
    public const int MaxThreads = 1024;

    /// <summary>Throws a one-line <see cref="SettingException"/> naming the first bad option by its key.</summary>
    public void Validate()
    {
        Require(Steps > 0, "steps", Steps, "positive");
        Require(Threads is > 0 and <= MaxThreads, "threads", Threads, $"between 1 and {MaxThreads}");
        Require(LogEvery > 0, "log_every", LogEvery, "positive");
        Require(EvalEvery >= 0, "eval_every", EvalEvery, "0 (never) or positive");
        Require(EvalCases > 0, "eval_cases", EvalCases, "positive");
        Require(CheckpointEvery >= 0, "checkpoint_every", CheckpointEvery, "0 (never) or positive");
        Require(KeepCheckpoints > 0, "keep_checkpoints", KeepCheckpoints, "positive");
    }
}
