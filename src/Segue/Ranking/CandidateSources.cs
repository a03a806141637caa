using Segue.Data;
using Segue.Factorisation;
using Segue.Retrieval;

namespace Segue.Ranking;

/// <summary>
/// Everything a ranker counts from its training playlists, built once and shared by all threads:
/// the track-to-playlists index, popularity (of tracks, albums and artists), the candidate
/// generators (co-occurrence, playlist kNN, the title model), the implicit factorisation's track
/// factors (embeddings for features: scoring every track by them reads the whole factor table per
/// query, 30 ms at MPD scale, for little recall the other generators lack) and, when given, a
/// trained model. A fit builds it from the training split minus its validation playlists and
/// factorises those; a fitted ranker from the whole training split, with the factors the fit
/// saved (a factorisation is too slow to repeat on every open).
/// </summary>
public sealed class CandidateSources
{
    /// <param name="factors">The saved factors; null to factorise <paramref name="playlists"/> here,
    /// on <paramref name="threads"/> threads.</param>
    public CandidateSources(Dataset dataset, ReadOnlySpan<int> playlists, GeneratorSettings settings, ModelRecommender? model,
        TrackFactors? factors = null, int threads = 1, IProgressSink? progress = null)
    {
        Dataset = dataset;
        Settings = settings;
        Index = TrackPlaylistIndex.Build(dataset, playlists);
        Popularity = new PopularityRecommender(Index);
        CoOccurrence = (CoOccurrenceRecommender)Baselines.Generator(dataset, CoOccurrenceRecommender.BaselineName, settings, Index, playlists);
        PlaylistKnn = (PlaylistKnnRecommender)Baselines.Generator(dataset, PlaylistKnnRecommender.BaselineName, settings, Index, playlists);
        Title = (TitleRecommender)Baselines.Generator(dataset, TitleRecommender.BaselineName, settings, Index, playlists);
        Factors = factors ?? ImplicitAls.Fit(dataset, Index, settings, threads, progress);
        Model = model;
        var albums = new double[dataset.AlbumCount];
        var artists = new double[dataset.ArtistCount];
        var trackAlbums = dataset.TrackAlbums;
        var trackArtists = dataset.TrackArtists;
        for (int t = 0; t < dataset.TrackCount; t++)
        {
            albums[trackAlbums[t]] += Index.Count(t);
            artists[trackArtists[t]] += Index.Count(t);
        }
        AlbumPopularity = [.. albums.Select(c => (float)Math.Log(1 + c))];
        ArtistPopularity = [.. artists.Select(c => (float)Math.Log(1 + c))];
        HolderLength = new float[dataset.TrackCount];
        for (int t = 0; t < HolderLength.Length; t++)
        {
            double sum = 0;
            foreach (int p in Index.Playlists(t)) sum += Math.Log(dataset.PlaylistTracks(p).Length);
            HolderLength[t] = Index.Count(t) > 0 ? (float)(sum / Index.Count(t)) : 0;
        }
        Names = new NameWords(dataset);
    }

    public Dataset Dataset { get; }
    public GeneratorSettings Settings { get; }
    public TrackPlaylistIndex Index { get; }
    public PopularityRecommender Popularity { get; }
    public CoOccurrenceRecommender CoOccurrence { get; }
    public PlaylistKnnRecommender PlaylistKnn { get; }
    public TitleRecommender Title { get; }
    public TrackFactors Factors { get; }
    public ModelRecommender? Model { get; }
    /// <summary>log(1 + the playlists holding a track of the album), summed over its tracks.</summary>
    public float[] AlbumPopularity { get; }
    /// <summary>log(1 + the playlists holding a track of the artist), summed over its tracks.</summary>
    public float[] ArtistPopularity { get; }

    /// <summary>The mean log length of the training playlists holding each track (0 for none).</summary>
    public float[] HolderLength { get; }
    /// <summary>The words of the catalogue's names, for the title-to-name features.</summary>
    public NameWords Names { get; }

    /// <summary>The generators that feed the pool, in feature order, each returning only what it ranks.
    /// The factorisation is not one of them (see above); it is measured beside them as a baseline.</summary>
    public IReadOnlyList<IRecommender> Generators =>
        Model is null ? [CoOccurrence, PlaylistKnn, Title, Popularity] : [CoOccurrence, PlaylistKnn, Title, Popularity, Model];

    /// <summary>Everything the ranker draws on that ranks tracks alone, what it is measured against:
    /// the generators and the factorisation, whose recommender (a packed copy of the factors) is
    /// built by this call, since a ranker itself never needs it.</summary>
    public IReadOnlyList<IRecommender> Alone() => [.. Generators, new FactorRecommender(Factors, Index)];
}
