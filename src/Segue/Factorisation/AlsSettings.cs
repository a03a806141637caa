using Segue.Settings;

namespace Segue.Factorisation;

/// <summary>The settings of an implicit ALS factorisation (<see cref="ImplicitAls"/>): the number of
/// factors, the alternating iterations, a held track's confidence 1 + alpha, the L2 regularisation
/// and the seed of the initial factors. alpha is the best of 3, 10 and 30 on 100k synthetic playlists
/// (held-out split, NDCG 0.2289, 0.2359, 0.2505); the factors, iterations and regularisation are
/// common choices, not swept.</summary>
public sealed record AlsSettings(
    [property: Setting("als_factors", "Implicit ALS: number of factors", Min = 1, Max = AlsSettings.MaxFactors)]
    int Factors = 64,
    [property: Setting("als_iterations", "Implicit ALS: alternating iterations", Min = 0, Max = AlsSettings.MaxIterations)]
    int Iterations = 10,
    [property: Setting("als_alpha", "Implicit ALS: a held track's confidence is 1 + alpha", Min = 0, Max = AlsSettings.MaxAlpha)]
    float Alpha = 30f,
    [property: Setting("als_regularization", "Implicit ALS: L2 regularisation of the factors", Min = 0, AboveMin = true, Max = AlsSettings.MaxRegularization)]
    float Regularization = 1f,
    [property: Setting("als_seed", "Implicit ALS: seed of the initial factors")]
    int Seed = 1)
{
    public const int MaxFactors = 1024, MaxIterations = 1000;
    /// <summary>The largest confidence and regularisation: beyond them the solver's float sums overflow.</summary>
    public const float MaxAlpha = 10_000, MaxRegularization = 10_000;

    /// <summary>Throws a one-line <see cref="SettingException"/> naming the first setting out of its range by its config key.</summary>
    public void Validate() => SettingTable.Of<AlsSettings>().Validate(this);
}
