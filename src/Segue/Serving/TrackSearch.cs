using Segue.Data;
using Segue.Statistics;

namespace Segue.Serving;

/// <summary>
/// Finds catalogue tracks by any word of their name, their artist's name or their album's name,
/// most popular first, a page at a time: the search box of the web page. Every query word must
/// start a word of the track's (so "fade ton" finds "Fade Tonight", and "tonight" finds it too);
/// case and accents are ignored (<see cref="SearchWords"/>).
/// <para>Built once: the distinct words of every name, sorted, so that the words a query word
/// starts are one range of word ids, and each track, artist and album as the ids of its words.
/// A query walks the tracks most popular first and tests each against the query's ranges, so a
/// page is exact however many tracks match, and costs at most one pass over the catalogue.</para>
/// </summary>
public sealed class TrackSearch
{
    public const int MaxLimit = 100;
    public const int MaxQueryWords = 10;
    private readonly Dataset _dataset;
    private readonly TrainingStatistics _statistics;
    private readonly string[] _words;          // sorted (ordinal): a word's id is its position
    private readonly WordLists _trackWords, _artistWords, _albumWords;

    public TrackSearch(TrainingStatistics statistics)
    {
        var dataset = statistics.Dataset;
        _dataset = dataset;
        _statistics = statistics;
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        _trackWords = WordLists.Collect(dataset.TrackCount, dataset.TrackName, ids);
        _artistWords = WordLists.Collect(dataset.ArtistCount, dataset.ArtistName, ids);
        _albumWords = WordLists.Collect(dataset.AlbumCount, dataset.AlbumName, ids);
        _words = [.. ids.Keys.Order(StringComparer.Ordinal)];
        var sortedId = new int[_words.Length];
        for (int i = 0; i < _words.Length; i++) sortedId[ids[_words[i]]] = i;
        foreach (var lists in new[] { _trackWords, _artistWords, _albumWords }) lists.Renumber(sortedId);
    }

    /// <summary>
    /// The tracks matching every word of <paramref name="query"/>, most popular first, skipping the
    /// first <paramref name="offset"/> and returning at most <paramref name="limit"/>, with the
    /// offset of the next page (null when there is none). Errors name the field: <c>q</c>,
    /// <c>offset</c>, <c>limit</c>.
    /// </summary>
    public SearchPage Search(string? query, int offset, int limit)
    {
        if (string.IsNullOrWhiteSpace(query)) throw new RequestFieldException("q", "must not be empty");
        if (offset < 0) throw new RequestFieldException("offset", $"must be 0 or more, got {offset}");
        if (limit is < 1 or > MaxLimit) throw new RequestFieldException("limit", $"must be between 1 and {MaxLimit}, got {limit}");
        var words = SearchWords.Split(query);
        if (words.Count > MaxQueryWords) throw new RequestFieldException("q", $"at most {MaxQueryWords} words, got {words.Count}");
        var ranges = new (int Start, int End)[words.Count];
        for (int w = 0; w < words.Count; w++)
        {
            ranges[w] = Starting(words[w]);
            if (ranges[w].Start == ranges[w].End) return new SearchPage([], null);
        }
        // A query of no word (only punctuation or symbols) matches nothing rather than everything.
        if (ranges.Length == 0) return new SearchPage([], null);

        var found = new List<CatalogueTrack>(limit);
        int matched = 0;
        foreach (int track in _statistics.Ranking)
        {
            if (!Matches(track, ranges)) continue;
            if (matched++ < offset) continue;
            if (found.Count == limit) return new SearchPage(found, offset + limit);
            found.Add(CatalogueTrack.From(_dataset, track, _statistics.Count(track)));
        }
        return new SearchPage(found, null);
    }

    // Every query word starts a word of the track's name, its artist's or its album's.
    private bool Matches(int track, (int Start, int End)[] ranges)
    {
        var name = _trackWords[track];
        var artist = _artistWords[_dataset.TrackArtists[track]];
        var album = _albumWords[_dataset.TrackAlbums[track]];
        foreach (var (start, end) in ranges)
            if (!Any(name, start, end) && !Any(artist, start, end) && !Any(album, start, end)) return false;
        return true;
    }

    private static bool Any(ReadOnlySpan<int> words, int start, int end)
    {
        foreach (int w in words)
            if (w >= start && w < end) return true;
        return false;
    }

    /// <summary>The ids of the words that start with <paramref name="prefix"/>: one range, the words being sorted.</summary>
    private (int Start, int End) Starting(string prefix)
    {
        int start = LowerBound(prefix), end = start;
        while (end < _words.Length && _words[end].StartsWith(prefix, StringComparison.Ordinal)) end++;
        return (start, end);
    }

    private int LowerBound(string word)
    {
        int lo = 0, hi = _words.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(_words[mid], word) < 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>The word ids of each entry (a track, an artist, an album), in one array.</summary>
    private sealed class WordLists(int[] start, int[] ids)
    {
        public ReadOnlySpan<int> this[int entry] => ids.AsSpan(start[entry], start[entry + 1] - start[entry]);

        /// <summary>The words of each of <paramref name="count"/> names, as ids in order of first arrival in <paramref name="ids"/>.</summary>
        public static WordLists Collect(int count, Func<int, string> name, Dictionary<string, int> ids)
        {
            var start = new int[count + 1];
            var words = new List<int>(count);
            for (int i = 0; i < count; i++)
            {
                foreach (string word in SearchWords.Split(name(i)))
                {
                    if (!ids.TryGetValue(word, out int id)) ids.Add(word, id = ids.Count);
                    words.Add(id);
                }
                start[i + 1] = words.Count;
            }
            return new WordLists(start, [.. words]);
        }

        /// <summary>Replaces every arrival id by <paramref name="sortedId"/>[id].</summary>
        public void Renumber(int[] sortedId)
        {
            for (int i = 0; i < ids.Length; i++) ids[i] = sortedId[ids[i]];
        }
    }
}

/// <summary>A page of search results, and where the next page starts (null: this is the last).</summary>
public sealed record SearchPage(IReadOnlyList<CatalogueTrack> Tracks, int? NextOffset);
