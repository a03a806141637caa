using Segue.Retrieval;

namespace Segue.Evaluation;

/// <summary>
/// An evaluation to do (<see cref="Pipeline.Evaluate"/>): the recommenders specs name
/// (<see cref="Models"/>: model files, run or ranker folders), the baselines beside them
/// (<see cref="Baselines"/>; all when neither a model nor a baseline is named, or with
/// <see cref="AllBaselines"/>), on the dataset's held-out split or a challenge folder
/// (<see cref="Challenge"/>). <see cref="KeepRankings"/> keeps the first recommender's lists (for a
/// challenge submission), and a challenge set without its answers is then only ranked.
/// </summary>
public sealed record EvaluationRequest
{
    public IReadOnlyList<string> Models { get; init; } = [];
    public IReadOnlyList<string> Baselines { get; init; } = [];
    public bool AllBaselines { get; init; }
    public string? Challenge { get; init; }
    public EvaluationOptions Options { get; init; } = new();
    public GeneratorSettings Generators { get; init; } = new();
    public bool KeepRankings { get; init; }

    /// <summary>Throws a one-line <see cref="SettingException"/> naming the first setting out of its range.</summary>
    public void Validate()
    {
        Options.Validate();
        Generators.Validate();
    }
}

/// <summary>What an evaluation measured: where its cases came from (<see cref="Source"/>, said for
/// people), the cases, the recommenders in order, one report each (none when the challenge set had
/// no answers), the first recommender's lists when asked for, and the seconds the baselines took to build.</summary>
public sealed record EvaluationResult(string Source, int K, IReadOnlyList<EvalCase> Cases, IReadOnlyList<IRecommender> Recommenders,
    IReadOnlyList<EvalReport> Reports, int[][]? Rankings, double BaselineSeconds);
