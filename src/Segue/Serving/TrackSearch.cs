using System.Text;
using Segue.Data;
using Segue.Retrieval;

namespace Segue.Serving;

/// <summary>
/// Finds catalogue tracks by the start of their name or of their artist's name, ignoring case,
/// most popular first: the search box of the web page. Built once: every track name and artist
/// name, lower-cased, as UTF-8 in one buffer, with the entries sorted by it, so a query is a binary
/// search for its first match and a scan of the matches after it (at most
/// <see cref="MaxScanned"/>; beyond that the most popular of the first ones are returned).
/// </summary>
public sealed class TrackSearch
{
    public const int MaxLimit = 100;
    public const int MaxScanned = 5000;
    /// <summary>How many of a matching artist's tracks (its most popular) are candidates.</summary>
    public const int TracksPerArtist = 10;
    private readonly Dataset _dataset;
    private readonly TrackPlaylistIndex _popularity;
    private readonly byte[] _keys;
    private readonly int[] _keyStart;    // entry e's key is _keys[_keyStart[e].._keyStart[e + 1]]; tracks first, then artists
    private readonly int[] _sorted;      // entries in key order
    private readonly int[] _artistTrackStart, _artistTracks;   // each artist's tracks, most popular first

    public TrackSearch(Dataset dataset, TrackPlaylistIndex popularity)
    {
        _dataset = dataset;
        _popularity = popularity;
        int entries = dataset.TrackCount + dataset.ArtistCount;
        _keyStart = new int[entries + 1];
        var keys = new List<byte[]>(entries);
        for (int e = 0; e < entries; e++)
        {
            string name = e < dataset.TrackCount ? dataset.TrackName(e) : dataset.ArtistName(e - dataset.TrackCount);
            var key = Encoding.UTF8.GetBytes(name.ToLowerInvariant());
            keys.Add(key);
            _keyStart[e + 1] = checked(_keyStart[e] + key.Length);
        }
        _keys = new byte[_keyStart[^1]];
        for (int e = 0; e < entries; e++) keys[e].CopyTo(_keys, _keyStart[e]);
        _sorted = Enumerable.Range(0, entries).ToArray();
        _sorted.AsSpan().Sort((a, b) => Key(a).SequenceCompareTo(Key(b)) is var c and not 0 ? c : a.CompareTo(b));

        var byPopularity = Enumerable.Range(0, dataset.TrackCount).ToArray();
        byPopularity.AsSpan().Sort(MorePopular);
        _artistTrackStart = new int[dataset.ArtistCount + 1];
        foreach (int artist in dataset.TrackArtists) _artistTrackStart[artist + 1]++;
        for (int a = 0; a < dataset.ArtistCount; a++) _artistTrackStart[a + 1] += _artistTrackStart[a];
        var fill = _artistTrackStart[..^1];
        _artistTracks = new int[dataset.TrackCount];
        foreach (int t in byPopularity) _artistTracks[fill[dataset.TrackArtists[t]]++] = t;
    }

    /// <summary>The most popular tracks (at most <paramref name="limit"/>) whose name, or whose artist's
    /// name, starts with <paramref name="query"/> (case ignored, surrounding spaces trimmed). Errors
    /// name the field: <c>q</c>, <c>limit</c>.</summary>
    public IReadOnlyList<CatalogueTrack> Search(string? query, int limit)
    {
        query = query?.Trim();
        if (string.IsNullOrEmpty(query)) throw new RequestFieldException("q", "must not be empty");
        if (limit is < 1 or > MaxLimit) throw new RequestFieldException("limit", $"must be between 1 and {MaxLimit}, got {limit}");
        var prefix = Encoding.UTF8.GetBytes(query.ToLowerInvariant());
        var candidates = new HashSet<int>();
        for (int i = LowerBound(prefix), scanned = 0; i < _sorted.Length && scanned < MaxScanned && Key(_sorted[i]).StartsWith(prefix); i++, scanned++)
        {
            int entry = _sorted[i];
            if (entry < _dataset.TrackCount) candidates.Add(entry);
            else
                foreach (int t in ArtistTracks(entry - _dataset.TrackCount)) candidates.Add(t);
        }
        var best = candidates.ToArray();
        best.AsSpan().Sort(MorePopular);
        return [.. best.Take(limit).Select(t => CatalogueTrack.From(_dataset, t, _popularity.Count(t)))];
    }

    private ReadOnlySpan<byte> Key(int entry) => _keys.AsSpan(_keyStart[entry], _keyStart[entry + 1] - _keyStart[entry]);

    private ReadOnlySpan<int> ArtistTracks(int artist)
    {
        int start = _artistTrackStart[artist];
        return _artistTracks.AsSpan(start, Math.Min(TracksPerArtist, _artistTrackStart[artist + 1] - start));
    }

    // In training playlists, most first; equal counts by lower id.
    private int MorePopular(int a, int b) => _popularity.Count(b).CompareTo(_popularity.Count(a)) is var c and not 0 ? c : a.CompareTo(b);

    /// <summary>The first position in key order whose key is not below <paramref name="prefix"/>.</summary>
    private int LowerBound(ReadOnlySpan<byte> prefix)
    {
        int lo = 0, hi = _sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Key(_sorted[mid]).SequenceCompareTo(prefix) < 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
