using Segue.Data;
using Segue.Factorisation;
using Segue.Model;
using Segue.Retrieval;
using Segue.Statistics;

namespace Segue.Ranking;

/// <summary>
/// Everything a ranker draws on, built once and shared by all threads: the training statistics
/// (index, popularity of tracks, albums and artists), the candidate generators (co-occurrence,
/// playlist kNN, the title model, popularity, the seeds' albums and artists), the implicit
/// factorisation's track factors, what the name and playlist-length features read, and, when
/// given, a trained model. The factors and the model give features of every candidate but no list:
/// ranking the catalogue by them reads a whole table per query (the model's list was 2.3 ms of a
/// 13 ms query at 100k, the factors' 30 ms at MPD scale) for little recall the other generators
/// lack. A fit builds one per validation fold, from the training split without the fold, and
/// factorises it; a fitted ranker one from the whole training split (the statistics the service
/// shares), with the factors the fit saved (a factorisation is too slow to repeat on every open).
/// </summary>
public sealed class CandidateSources
{
    /// <param name="factors">The saved factors; null to factorise the statistics' playlists here,
    /// on <paramref name="threads"/> threads.</param>
    /// <param name="names">The catalogue's name words, when another source of the same dataset has
    /// them (they do not depend on the playlists); null to build them.</param>
    public CandidateSources(TrainingStatistics statistics, GeneratorSettings settings, EmbeddingModel? model,
        TrackFactors? factors = null, int threads = 1, IProgressSink? progress = null, NameWords? names = null)
    {
        var dataset = statistics.Dataset;
        Statistics = statistics;
        Settings = settings;
        Popularity = new PopularityRecommender(statistics);
        CoOccurrence = new CoOccurrenceRecommender(statistics, settings.CoOccurrence);
        PlaylistKnn = new PlaylistKnnRecommender(statistics, settings.PlaylistKnn);
        Title = new TitleRecommender(statistics, settings.Title);
        Artist = new ArtistRecommender(statistics);
        Generators = [CoOccurrence, PlaylistKnn, Title, Popularity, Artist];
        Factors = factors ?? ImplicitAls.Fit(statistics, settings.Als, threads, progress);
        Model = model;
        var index = statistics.Index;
        HolderLength = new float[dataset.TrackCount];
        for (int t = 0; t < HolderLength.Length; t++)
        {
            double sum = 0;
            foreach (int p in index.Playlists(t)) sum += Math.Log(dataset.PlaylistTracks(p).Length);
            HolderLength[t] = index.Count(t) > 0 ? (float)(sum / index.Count(t)) : 0;
        }
        Names = names ?? new NameWords(dataset);
    }

    public TrainingStatistics Statistics { get; }
    public Dataset Dataset => Statistics.Dataset;
    public TrackPlaylistIndex Index => Statistics.Index;
    public GeneratorSettings Settings { get; }
    public PopularityRecommender Popularity { get; }
    public CoOccurrenceRecommender CoOccurrence { get; }
    public PlaylistKnnRecommender PlaylistKnn { get; }
    public TitleRecommender Title { get; }
    public ArtistRecommender Artist { get; }
    public TrackFactors Factors { get; }
    public EmbeddingModel? Model { get; }
    /// <summary>The mean log length of the training playlists holding each track (0 for none).</summary>
    public float[] HolderLength { get; }
    /// <summary>The words of the catalogue's names, for the title-to-name features.</summary>
    public NameWords Names { get; }

    /// <summary>The generators' places, in <see cref="Generators"/> order: their features are declared
    /// from this list (<see cref="RankingFeatures.Generators"/>).</summary>
    public static IReadOnlyList<GeneratorSlot> Slots { get; } =
        [new("cooc", true), new("pknn", true), new("title", true), new("popularity", false), new("artist", false)];

    /// <summary>The generators that feed the pool, in <see cref="Slots"/> order, each returning only
    /// what it ranks. The factorisation and the model are not among them (see above); they are
    /// measured beside them.</summary>
    public IReadOnlyList<IRecommender> Generators { get; }

    /// <summary>Everything the ranker draws on that ranks tracks alone, what it is measured against:
    /// the generators, the trained model and the factorisation, whose recommenders (the model's
    /// indexes of its units, a packed copy of the factors) are built by this call, since a ranker
    /// itself reads only their vectors.</summary>
    public IReadOnlyList<IRecommender> Alone() =>
        [.. Generators, .. Model is null ? Array.Empty<IRecommender>() : [new ModelRecommender(Model)], new FactorRecommender(Factors, Statistics)];
}
