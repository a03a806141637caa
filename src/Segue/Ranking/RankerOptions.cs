using Segue.Retrieval;

namespace Segue.Ranking;

/// <summary>The settings of a ranker fit (its <c>config.json</c>): the generators', the pool's,
/// the validation split's and LightGBM's.</summary>
public sealed record RankerOptions
{
    public GeneratorSettings Generators { get; init; } = new();
    /// <summary>How deep each generator's list goes into the pool.</summary>
    public int Depth { get; init; } = 1000;
    /// <summary>Validation cases drawn from the training split (all ten categories).</summary>
    public int ValidationCases { get; init; } = 10000;
    /// <summary>Every how-many-th validation case is kept out of the fit to measure it.</summary>
    public int EvaluateEvery { get; init; } = 5;
    /// <summary>Negatives sampled per fit case (every positive is kept).</summary>
    public int Negatives { get; init; } = 100;
    /// <summary>The share of the sampled negatives taken from the best-ranked by any generator
    /// (hard negatives); the rest are drawn uniformly from the pool.</summary>
    public double HardNegatives { get; init; }
    public int Trees { get; init; } = 150;
    public int Leaves { get; init; } = 63;
    public double LearningRate { get; init; } = 0.1;
    public int MinLeafRows { get; init; } = 20;
    public int Seed { get; init; } = 1;
    /// <summary>Threads for features and LightGBM; the model is reproducible for a seed and this count.</summary>
    public int Threads { get; init; } = 2;
    /// <summary>The trained model (a model file) used as a generator and for affinity features; null for none.</summary>
    public string? Model { get; init; }

    /// <summary>Refuses a setting out of range, in one line naming it as config.json does.</summary>
    public void Validate()
    {
        static void Require(bool ok, string message)
        {
            if (!ok) throw new SegueException(message);
        }
        Require(Depth > 0, $"depth {Depth}: must be positive");
        Require(ValidationCases >= 10, $"validation_cases {ValidationCases}: must be at least 10 (one per category)");
        Require(EvaluateEvery >= 2, $"evaluate_every {EvaluateEvery}: must be at least 2");
        Require(Negatives > 0, $"negatives {Negatives}: must be positive");
        Require(HardNegatives is >= 0 and <= 1, $"hard_negatives {HardNegatives}: must be between 0 and 1");
        Require(Trees > 0, $"trees {Trees}: must be positive");
        Require(Leaves >= 2, $"leaves {Leaves}: must be at least 2");
        Require(LearningRate > 0, $"learning_rate {LearningRate}: must be positive");
        Require(MinLeafRows > 0, $"min_leaf_rows {MinLeafRows}: must be positive");
        Require(Threads > 0, $"threads {Threads}: must be positive");
    }
}
