using static Segue.SettingException;

namespace Segue.Factorisation;

/// <summary>The settings of an implicit ALS factorisation (<see cref="ImplicitAls"/>): the number of
/// factors, the alternating iterations, a held track's confidence 1 + alpha, the L2 regularisation
/// and the seed of the initial factors.</summary>
public sealed record AlsSettings(int Factors, int Iterations, float Alpha, float Regularization, int Seed)
{
    public const int MaxFactors = 1024, MaxIterations = 1000;
    /// <summary>The largest confidence and regularisation: beyond them the solver's float sums overflow.</summary>
    public const float MaxAlpha = 10_000, MaxRegularization = 10_000;

    /// <summary>Throws a one-line <see cref="SettingException"/> naming the first setting out of its range by its config key.</summary>
    public void Validate()
    {
        Require(Factors is > 0 and <= MaxFactors, "als_factors", Factors, $"between 1 and {MaxFactors}");
        Require(Iterations is >= 0 and <= MaxIterations, "als_iterations", Iterations, $"between 0 and {MaxIterations}");
        Require(Alpha is >= 0 and <= MaxAlpha, "als_alpha", Alpha, $"between 0 and {MaxAlpha}");
        Require(Regularization is > 0 and <= MaxRegularization, "als_regularization", Regularization, $"positive and at most {MaxRegularization}");
    }
}
