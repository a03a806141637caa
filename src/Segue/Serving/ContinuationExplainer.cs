using System.Text.Json.Serialization;

namespace Segue.Serving;

/// <summary>How a recommender used the title of a request.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TitleUse>))]
public enum TitleUse
{
    /// <summary>The request has no title.</summary>
    [JsonStringEnumMemberName("none")] None,
    /// <summary>The recommender does not read titles.</summary>
    [JsonStringEnumMemberName("ignored")] Ignored,
    /// <summary>No training playlist bears the title or a word of it: the title model knows nothing of it.</summary>
    [JsonStringEnumMemberName("unknown")] Unknown,
    [JsonStringEnumMemberName("used")] Used,
}

/// <summary>Why a track was recommended, from the training playlists that hold it: the seed it
/// shares the most of them with (null when it shares none), how many it shares with that seed, how
/// many hold any seed (the neighbour playlists), and how many bear the request's title. Counts
/// over a track in more than <see cref="ContinuationExplainer.MaxPlaylistsWalked"/> playlists are
/// estimated from an even sample of them, and say so.</summary>
public sealed record RecommendationReason(string? Seed, int WithSeed, int WithSeeds, int WithTitle, bool Estimated);

/// <summary>
/// What a person needs beside a continuation to trust it: whether the title counted, whether the
/// list is the popularity fallback (no known seed, and no title the recommender could use), and a
/// reason for each track. Reads only the served dataset, its training index and titles, never a
/// recommender's internals, so every recommender is explained alike. Thread-safe.
/// </summary>
public sealed class ContinuationExplainer
{
    /// <summary>How many of a recommended track's training playlists are walked to explain it.</summary>
    public const int MaxPlaylistsWalked = 1000;
    private readonly ContinuationService _service;
    private readonly TrainingTitles? _titles;

    public ContinuationExplainer(ContinuationService service)
    {
        _service = service;
        // The titles cost a pass over the training playlists: only when a served recommender reads them.
        if (service.Recommenders.Any(r => RecommenderDescription.Of(r.Spec).Uses is RecommenderInput.Title or RecommenderInput.SeedsAndTitle))
            _titles = new TrainingTitles(service.Dataset);
    }

    /// <summary>How <paramref name="served"/> used <paramref name="title"/>.</summary>
    public TitleUse TitleUseOf(ServedRecommender served, string? title) =>
        string.IsNullOrWhiteSpace(title) ? TitleUse.None
        : RecommenderDescription.Of(served.Spec).Uses is not (RecommenderInput.Title or RecommenderInput.SeedsAndTitle) ? TitleUse.Ignored
        : _titles!.Knows(title) ? TitleUse.Used
        : TitleUse.Unknown;

    /// <summary>True when the list is the most popular tracks because the recommender had nothing of
    /// its own to go on: no known seed, and no title it could use.</summary>
    public static bool IsFallback(ServedRecommender served, int knownSeeds, TitleUse title) =>
        knownSeeds == 0 && RecommenderDescription.Of(served.Spec).Uses switch
        {
            RecommenderInput.Seeds => true,
            RecommenderInput.Title or RecommenderInput.SeedsAndTitle => title != TitleUse.Used,
            _ => false,
        };

    /// <summary>A reason for each of <paramref name="tracks"/> (catalogue URIs), given the request's
    /// seed URIs (unknown ones are passed over) and title.</summary>
    public IReadOnlyList<RecommendationReason> Reasons(IReadOnlyList<string> seeds, string? title, IReadOnlyList<string> tracks)
    {
        var dataset = _service.Dataset;
        var index = _service.Statistics.Index;
        var seedIndex = new Dictionary<int, int>();
        var seedTracks = new List<int>();
        foreach (string uri in seeds)
            if (dataset.TryGetTrack(uri, out int t) && seedIndex.TryAdd(t, seedIndex.Count)) seedTracks.Add(t);
        int titleId = title is not null && _titles is not null ? _titles.Id(title) : -1;
        var together = new int[seedIndex.Count];
        var lastPlaylist = new int[seedIndex.Count];
        var reasons = new RecommendationReason[tracks.Count];
        for (int r = 0; r < tracks.Count; r++)
        {
            if (!dataset.TryGetTrack(tracks[r], out int track))
                throw new RequestFieldException("tracks", $"{tracks[r]}: not in the catalogue");
            Array.Clear(together);
            Array.Fill(lastPlaylist, -1);
            var playlists = index.Playlists(track);
            int walked = Math.Min(playlists.Length, MaxPlaylistsWalked), withSeeds = 0, withTitle = 0;
            for (int i = 0; i < walked; i++)
            {
                int playlist = playlists[(int)((long)i * playlists.Length / walked)];
                bool any = false;
                foreach (int t in dataset.PlaylistTracks(playlist))
                {
                    // A seed repeated in a playlist counts once for it.
                    if (!seedIndex.TryGetValue(t, out int s) || lastPlaylist[s] == i) continue;
                    lastPlaylist[s] = i;
                    together[s]++;
                    any = true;
                }
                if (any) withSeeds++;
                if (titleId >= 0 && _titles!.TitleOf(playlist) == titleId) withTitle++;
            }
            int best = -1;
            for (int s = 0; s < together.Length; s++)
                if (together[s] > 0 && (best < 0 || together[s] > together[best])) best = s;
            double scale = walked == 0 ? 1 : (double)playlists.Length / walked;
            reasons[r] = new RecommendationReason(best < 0 ? null : dataset.TrackUri(seedTracks[best]),
                Scaled(best < 0 ? 0 : together[best]), Scaled(withSeeds), Scaled(withTitle), walked < playlists.Length);

            int Scaled(int count) => (int)Math.Round(count * scale);
        }
        return reasons;
    }
}
