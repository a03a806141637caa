using Segue.Retrieval;
using static Segue.SettingException;

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
    /// <summary>Features the trees may not use (by name): what an ablation leaves out.</summary>
    public IReadOnlyList<string> IgnoreFeatures { get; init; } = [];

    /// <summary>The deepest pool: each query thread holds every generator's list that deep, with features.</summary>
    public const int MaxDepth = 100_000;
    /// <summary>LightGBM's own largest tree.</summary>
    public const int MaxLeaves = 131_072;
    public const int MaxTrees = 10_000, MaxThreads = 256;

    /// <summary>Throws a one-line <see cref="SettingException"/> naming the first setting out of its
    /// range by its config key (the generators' included); what a fit checks before any work and a
    /// ranker folder's config on every open.</summary>
    public void Validate()
    {
        Generators.Validate();
        Require(Depth is > 0 and <= MaxDepth, "depth", Depth, $"between 1 and {MaxDepth}");
        Require(ValidationCases >= 10, "validation_cases", ValidationCases, "at least 10 (one per category)");
        Require(EvaluateEvery >= 2, "evaluate_every", EvaluateEvery, "at least 2");
        Require(Negatives > 0, "negatives", Negatives, "positive");
        Require(HardNegatives is >= 0 and <= 1, "hard_negatives", HardNegatives, "between 0 and 1");
        Require(Trees is > 0 and <= MaxTrees, "trees", Trees, $"between 1 and {MaxTrees}");
        Require(Leaves is >= 2 and <= MaxLeaves, "leaves", Leaves, $"between 2 and {MaxLeaves}");
        Require(LearningRate is > 0 and <= 1, "learning_rate", LearningRate, "positive and at most 1");
        Require(MinLeafRows > 0, "min_leaf_rows", MinLeafRows, "positive");
        Require(Threads is > 0 and <= MaxThreads, "threads", Threads, $"between 1 and {MaxThreads}");
        foreach (string name in IgnoreFeatures)
            Require(RankingFeatures.Names.Contains(name), "ignore_features", name, $"a feature's name ({string.Join(", ", RankingFeatures.Names)})");
    }
}
