using Segue.Factorisation;
using Segue.Statistics;

namespace Segue.Retrieval;

/// <summary>The baseline recommenders, by name, so a model's figures always have them beside: every
/// candidate generator of the ranker, alone.</summary>
public static class Baselines
{
    public static IReadOnlyList<string> Names { get; } =
        [PopularityRecommender.BaselineName, CoOccurrenceRecommender.BaselineName, PlaylistKnnRecommender.BaselineName, TitleRecommender.BaselineName,
         ArtistRecommender.BaselineName, FactorRecommender.BaselineName];

    /// <summary>Builds the named baselines (in the order given) over <paramref name="statistics"/>.
    /// Each but popularity is backed by popularity, so every list is full.</summary>
    public static IReadOnlyList<IRecommender> Build(TrainingStatistics statistics, IReadOnlyList<string> names, GeneratorSettings? settings = null)
    {
        foreach (var name in names)
            if (!Names.Contains(name))
                throw new SegueException($"unknown baseline '{name}' (known: {string.Join(", ", Names)})");
        settings ??= new GeneratorSettings();
        var popularity = new PopularityRecommender(statistics);
        return [.. names.Select(name => name == PopularityRecommender.BaselineName
            ? (IRecommender)popularity
            : new PopularityBackfill(Generator(statistics, name, settings), popularity))];
    }

    /// <summary>The named generator over <paramref name="statistics"/>, returning only what it ranks.</summary>
    public static IRecommender Generator(TrainingStatistics statistics, string name, GeneratorSettings settings) => name switch
    {
        CoOccurrenceRecommender.BaselineName => new CoOccurrenceRecommender(statistics, settings.CoOccurrence),
        PlaylistKnnRecommender.BaselineName => new PlaylistKnnRecommender(statistics, settings.PlaylistKnn),
        TitleRecommender.BaselineName => new TitleRecommender(statistics, settings.Title),
        ArtistRecommender.BaselineName => new ArtistRecommender(statistics),
        // The fit's result does not depend on the thread count.
        FactorRecommender.BaselineName => new FactorRecommender(ImplicitAls.Fit(statistics, settings.Als, Environment.ProcessorCount), statistics),
        _ => throw new SegueException($"unknown generator '{name}' (known: {string.Join(", ", Names.Skip(1))})"),
    };
}
