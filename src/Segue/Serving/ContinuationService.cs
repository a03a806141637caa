using Segue.Data;
using Segue.Retrieval;
using Segue.Statistics;

namespace Segue.Serving;

/// <summary>
/// The query path, whatever the front end: one dataset and the recommenders served over it, and
/// <see cref="Continue"/>, which turns a title and seed URIs into ranked tracks with their catalogue
/// entries. <c>segue recommend</c> and <c>segue serve</c> both call it. Thread-safe: the dataset
/// and the recommenders are immutable, and each query rents its scratch from the recommender's pool.
/// </summary>
public sealed class ContinuationService : IDisposable
{
    private const string TrackPrefix = "spotify:track:";
    private const int MaxQuotedLength = 80;
    private readonly Dictionary<string, ServedRecommender> _byName;
    private readonly bool _ownsDataset;

    private ContinuationService(TrainingStatistics statistics, IReadOnlyList<ServedRecommender> recommenders, ContinuationLimits limits, bool ownsDataset)
    {
        _ownsDataset = ownsDataset;
        Dataset = statistics.Dataset;
        Limits = limits;
        Statistics = statistics;
        Popularity = new PopularityRecommender(statistics);
        Recommenders = recommenders;
        _byName = recommenders.ToDictionary(r => r.Name, StringComparer.Ordinal);
    }

    /// <summary>Opens the dataset (by default the one the first model's run folder records) and every
    /// recommender of <paramref name="specs"/> over it, sharing one set of training statistics. Errors name the
    /// setting: <c>dataset</c>, <c>name</c> (two recommenders under one name).</summary>
    public static ContinuationService Open(IReadOnlyList<RecommenderSpec> specs, string? datasetPath, ContinuationLimits limits, bool cosine = false)
    {
        CheckSpecs(specs);
        datasetPath ??= specs.Select(s => s.RecordedDatasetPath).FirstOrDefault(p => p is not null)
            ?? throw new RequestFieldException("dataset", "no run folder records the dataset to serve: give it");
        var dataset = Dataset.Open(datasetPath);
        try
        {
            return Serve(specs, dataset, limits, cosine, ownsDataset: true);
        }
        catch
        {
            dataset.Dispose();
            throw;
        }
    }

    /// <summary>Opens every recommender of <paramref name="specs"/> over <paramref name="dataset"/>, already
    /// open, which stays the caller's to dispose. Errors name the setting: <c>recommenders</c> (none), <c>name</c> (two under one name).</summary>
    public static ContinuationService Over(Dataset dataset, IReadOnlyList<RecommenderSpec> specs, ContinuationLimits limits, bool cosine = false)
    {
        CheckSpecs(specs);
        return Serve(specs, dataset, limits, cosine, ownsDataset: false);
    }

    private static void CheckSpecs(IReadOnlyList<RecommenderSpec> specs)
    {
        if (specs.Count == 0) throw new RequestFieldException("recommenders", "none given");
        if (specs.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new RequestFieldException("name", $"two recommenders are named '{twice.Key}' ({string.Join(", ", twice.Select(s => s.Source))}); name them NAME=SPEC");
    }

    private static ContinuationService Serve(IReadOnlyList<RecommenderSpec> specs, Dataset dataset, ContinuationLimits limits, bool cosine, bool ownsDataset)
    {
        var statistics = TrainingStatistics.Of(dataset);
        return new ContinuationService(statistics, [.. specs.Select(s => s.Open(statistics, cosine))], limits, ownsDataset);
    }

    public Dataset Dataset { get; }

    /// <summary>How large a request may be.</summary>
    public ContinuationLimits Limits { get; }

    /// <summary>The training split's statistics, which every served recommender shares.</summary>
    public TrainingStatistics Statistics { get; }

    /// <summary>The popularity baseline over the training split, the fallback of every other recommender.</summary>
    public PopularityRecommender Popularity { get; }

    /// <summary>The served recommenders, in the order given; the first answers requests that name none.</summary>
    public IReadOnlyList<ServedRecommender> Recommenders { get; }

    /// <summary>The recommender named <paramref name="name"/> (null: the first).</summary>
    public ServedRecommender Recommender(string? name) =>
        name is null ? Recommenders[0]
        : _byName.TryGetValue(name, out var served) ? served
        : throw new RequestFieldException("recommender", $"unknown recommender '{Quote(name)}' (served: {string.Join(", ", _byName.Keys)})");

    /// <summary>
    /// Continues the playlist of <paramref name="request"/>. Unknown seed URIs are skipped and listed;
    /// with no known seed a seed-based recommender's list is the popularity fallback, and says so.
    /// Bad requests throw a <see cref="RequestFieldException"/> naming the field (<c>k</c>,
    /// <c>tracks</c>, <c>tracks[3]</c>, <c>title</c>, <c>recommender</c>).
    /// </summary>
    public Continuation Continue(ContinuationRequest request)
    {
        var served = Recommender(request.Recommender);
        if (request.K < 1 || request.K > Limits.MaxK)
            throw new RequestFieldException("k", Limits.MaxK == int.MaxValue ? "must be positive" : $"must be between 1 and {Limits.MaxK}, got {request.K}");
        if (request.Title?.Length > Limits.MaxTitleLength)
            throw new RequestFieldException("title", $"longer than {Limits.MaxTitleLength} characters");
        var uris = request.Tracks ?? [];
        if (uris.Count > Limits.MaxTracks)
            throw new RequestFieldException("tracks", $"at most {Limits.MaxTracks} tracks, got {uris.Count}");
        for (int i = 0; i < uris.Count; i++)
            if (TrackIdProblem(uris[i]) is { } problem)
                throw new RequestFieldException($"tracks[{i}]", problem);

        var scratch = served.Rent();
        try
        {
            var seeds = scratch.Seeds(uris.Count);
            int known = 0;
            List<string>? unknown = null;
            foreach (string uri in uris)
            {
                if (Dataset.TryGetTrack(uri, out int track)) seeds[known++] = track;
                else (unknown ??= []).Add(uri);
            }
            // A k beyond the catalogue lists all of it.
            var results = scratch.Results(Math.Min(request.K, Dataset.TrackCount));
            // A user's playlist so far: its tracks are its first ones.
            int n = scratch.Scorer.Recommend(new PlaylistQuery(seeds.AsSpan(0, known), request.Title, SeedOrder.First), excludeSeeds: true, results);
            var tracks = new RecommendedTrack[n];
            for (int i = 0; i < n; i++)
            {
                int t = results[i].Track;
                tracks[i] = new RecommendedTrack(Dataset.TrackUri(t), Dataset.TrackName(t), Dataset.ArtistName(Dataset.TrackArtists[t]),
                    Dataset.AlbumName(Dataset.TrackAlbums[t]), results[i].Score);
            }
            return new Continuation(served.Name, tracks, unknown ?? [], served.NeedsSeeds && known == 0);
        }
        finally
        {
            served.Return(scratch);
        }
    }

    /// <summary>The catalogue entry of <paramref name="uri"/>, or null when the catalogue lacks it.</summary>
    public CatalogueTrack? Track(string uri) => Dataset.TryGetTrack(uri, out int track) ? Track(track) : null;

    public CatalogueTrack Track(int track) => CatalogueTrack.From(Dataset, track, Statistics.Count(track));

    /// <summary>What is wrong with <paramref name="id"/> as a track of this dataset, known or not, or
    /// null: a dataset of MPD slices takes <c>spotify:track:</c> URIs (as ingest required of the
    /// slices), one of a playlist table any id but an empty one.</summary>
    public string? TrackIdProblem(string? id) => Dataset.Meta.HasSpotifyUris
        ? id is not null && id.Length > TrackPrefix.Length && id.StartsWith(TrackPrefix, StringComparison.Ordinal)
            ? null : $"expected a {TrackPrefix} URI, got {Quoted(id)}"
        : string.IsNullOrEmpty(id) ? $"expected a track id, got {Quoted(id)}" : null;

    private static string Quoted(string? text) => text is null ? "null" : $"\"{Quote(text)}\"";

    // A request's text quoted in a message, cut short so that a huge value cannot flood a log, and
    // with control characters escaped (\u001b...) so that none reaches a terminal or breaks a line.
    private static string Quote(string text)
    {
        string cut = text.Length <= MaxQuotedLength ? text : text[..MaxQuotedLength] + "...";
        return cut.Any(char.IsControl) ? string.Concat(cut.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString())) : cut;
    }

    public void Dispose()
    {
        if (_ownsDataset) Dataset.Dispose();
    }
}
