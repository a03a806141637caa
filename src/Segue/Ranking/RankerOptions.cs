using Segue.Data;
using Segue.Retrieval;
using Segue.Settings;
using static Segue.SettingException;

namespace Segue.Ranking;

/// <summary>The settings of a ranker fit (its <c>config.json</c>): the generators', the pool's,
/// the validation split's and LightGBM's.</summary>
public sealed record RankerOptions
{
    public GeneratorSettings Generators { get; init; } = new();
    /// <summary>How deep each generator's list goes into the pool.</summary>
    [Setting("depth", "How deep each generator's list goes into the candidate pool", Min = 1, Max = MaxDepth)]
    public int Depth { get; init; } = 1000;
    /// <summary>Validation cases drawn from the training split (all ten categories).</summary>
    [Setting("validation_cases", "Validation cases drawn from the training split, all ten challenge categories", Min = ChallengeCategory.Count, Why = "one per category")]
    public int ValidationCases { get; init; } = 10000;
    /// <summary>Every how-many-th validation case is kept out of the fit to measure it.</summary>
    [Setting("evaluate_every", "Every how-many-th validation case is kept out of the fit to measure it", Min = 2)]
    public int EvaluateEvery { get; init; } = 5;
    /// <summary>Negatives sampled per fit case (every positive is kept).</summary>
    [Setting("negatives", "Negatives sampled per validation case", Min = 1)]
    public int Negatives { get; init; } = 100;
    /// <summary>The share of the sampled negatives taken from the best-ranked by any generator
    /// (hard negatives); the rest are drawn uniformly from the pool.</summary>
    [Setting("hard_negatives", "Share of the negatives taken from the best-ranked by any generator (the rest at random)", Min = 0, Max = 1)]
    public double HardNegatives { get; init; }
    [Setting("trees", "LightGBM boosting rounds", Min = 1, Max = MaxTrees)]
    public int Trees { get; init; } = 150;
    [Setting("leaves", "LightGBM leaves per tree", Min = 2, Max = MaxLeaves)]
    public int Leaves { get; init; } = 63;
    [Setting("learning_rate", "LightGBM learning rate", Option = "lr", Min = 0, AboveMin = true, Max = 1)]
    public double LearningRate { get; init; } = 0.1;
    [Setting("min_leaf_rows", "LightGBM: the fewest rows a leaf holds", Min = 1)]
    public int MinLeafRows { get; init; } = 20;
    [Setting("seed", "Random seed (validation split, negatives, LightGBM)")]
    public int Seed { get; init; } = 1;
    /// <summary>Threads for features and LightGBM; the model is reproducible for a seed and this count.</summary>
    [Setting("threads", "Threads; the ranker is reproducible for a seed and a thread count", Min = 1, Max = MaxThreads)]
    public int Threads { get; init; } = 2;
    /// <summary>The trained model (a model file) whose affinities are features; null for none.</summary>
    [Setting("model", "A trained model (model file or run folder) whose affinities with the seeds are features of every candidate")]
    public string? Model { get; init; }
    /// <summary>Features the trees may not use (by name): what an ablation leaves out.</summary>
    [Setting("ignore_features", "Features the trees may not use, comma-separated (an ablation)")]
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
        SettingTable.Of<RankerOptions>().Validate(this);
        foreach (string name in IgnoreFeatures)
            Require(RankingFeatures.Names.Contains(name), "ignore_features", name, $"a feature's name ({string.Join(", ", RankingFeatures.Names)})");
    }
}
