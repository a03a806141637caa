using Segue.Data;
using Segue.Factorisation;

namespace Segue.Retrieval;

/// <summary>The baseline recommenders, by name, so a model's figures always have them beside: every
/// candidate generator of the ranker, alone.</summary>
public static class Baselines
{
    public static IReadOnlyList<string> Names { get; } =
        [PopularityRecommender.BaselineName, CoOccurrenceRecommender.BaselineName, PlaylistKnnRecommender.BaselineName, TitleRecommender.BaselineName,
         FactorRecommender.BaselineName];

    /// <summary>Builds the named baselines (in the order given) over one shared training index:
    /// that of <paramref name="popularity"/> when given (a caller that also needs popularity to
    /// back a model builds it once). Each but popularity is backed by popularity, so every list is full.</summary>
    public static IReadOnlyList<IRecommender> Build(Dataset dataset, IReadOnlyList<string> names,
        GeneratorSettings? settings = null, PopularityRecommender? popularity = null)
    {
        foreach (var name in names)
            if (!Names.Contains(name))
                throw new SegueException($"unknown baseline '{name}' (known: {string.Join(", ", Names)})");
        if (names.Count == 0) return [];
        settings ??= new GeneratorSettings();
        settings.Validate();
        popularity ??= new PopularityRecommender(TrackPlaylistIndex.Build(dataset));
        var index = popularity.Index;
        return [.. names.Select(name => name == PopularityRecommender.BaselineName
            ? (IRecommender)popularity
            : new PopularityBackfill(Generator(dataset, name, settings, index, dataset.TrainPlaylists), popularity, dataset.TrackCount))];
    }

    /// <summary>The named generator over <paramref name="index"/> (titles from <paramref name="playlists"/>, the
    /// playlists indexed), returning only what it ranks; <paramref name="settings"/> out of range are refused.</summary>
    public static IRecommender Generator(Dataset dataset, string name, GeneratorSettings settings, TrackPlaylistIndex index, ReadOnlySpan<int> playlists)
    {
        settings.Validate();
        return name switch
        {
            CoOccurrenceRecommender.BaselineName => new CoOccurrenceRecommender(dataset, index,
                settings.CooccurrenceA, settings.CooccurrenceB, settings.CooccurrenceMaxPlaylistsPerSeed),
            PlaylistKnnRecommender.BaselineName => new PlaylistKnnRecommender(dataset, index, settings.PknnK, settings.PknnRho, settings.PknnAlpha),
            TitleRecommender.BaselineName => new TitleRecommender(dataset, playlists, settings.TitleTokenWeight, settings.TitleMaxPlaylists),
            // The fit's result does not depend on the thread count.
            FactorRecommender.BaselineName => new FactorRecommender(ImplicitAls.Fit(dataset, index, settings, Environment.ProcessorCount), index),
            _ => throw new SegueException($"unknown generator '{name}' (known: {string.Join(", ", Names.Skip(1))})"),
        };
    }
}
