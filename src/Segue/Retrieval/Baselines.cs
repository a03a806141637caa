using Segue.Data;

namespace Segue.Retrieval;

/// <summary>The baseline recommenders, by name, so a model's figures always have them beside.</summary>
public static class Baselines
{
    public static IReadOnlyList<string> Names { get; } = [PopularityRecommender.BaselineName, CoOccurrenceRecommender.BaselineName];

    /// <summary>Builds the named baselines (in the order given) over one shared training index:
    /// that of <paramref name="popularity"/> when given (a caller that also needs popularity to
    /// back a model builds it once).</summary>
    public static IReadOnlyList<IRecommender> Build(Dataset dataset, IReadOnlyList<string> names,
        CoOccurrenceNormalization normalization = CoOccurrenceNormalization.Cosine,
        int maxPlaylistsPerSeed = CoOccurrenceRecommender.DefaultMaxPlaylistsPerSeed,
        PopularityRecommender? popularity = null)
    {
        foreach (var name in names)
            if (!Names.Contains(name))
                throw new SegueException($"unknown baseline '{name}' (known: {string.Join(", ", Names)})");
        if (names.Count == 0) return [];
        popularity ??= new PopularityRecommender(TrackPlaylistIndex.Build(dataset));
        var index = popularity.Index;
        return [.. names.Select(name => name == PopularityRecommender.BaselineName
            ? popularity
            : (IRecommender)new CoOccurrenceRecommender(dataset, index, popularity, normalization, maxPlaylistsPerSeed))];
    }
}
