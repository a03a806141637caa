using Segue.Data;
using Segue.Structures;

namespace Segue.Retrieval;

/// <summary>
/// A query's seeds as every generator and ranker feature reads them, built once per query: the
/// distinct seeds in playlist order with a membership test, and how many of them each album and
/// artist has. A ranker builds one and passes it to its generators inside the query
/// (<see cref="PlaylistQuery.With"/>); a generator asked alone builds its own. Per-thread scratch,
/// reused across queries; it allocates only to grow.
/// </summary>
public sealed class QuerySeeds(Dataset dataset)
{
    private readonly TrackMarks _marks = new(dataset.TrackCount);
    private readonly int[] _perAlbum = new int[dataset.AlbumCount], _perArtist = new int[dataset.ArtistCount];
    private int[] _distinct = new int[64], _albums = new int[64], _artists = new int[64];
    private int _count, _albumCount, _artistCount;

    /// <summary>A scorer's own seed set for a query that carries none, created on first use.</summary>
    public static QuerySeeds Of(in PlaylistQuery query, ref QuerySeeds? own, Dataset dataset)
    {
        if (query.SeedSet is { } carried) return carried;
        own ??= new QuerySeeds(dataset);
        return own.Load(query.Seeds);
    }

    /// <summary>The distinct seeds, in first-appearance order.</summary>
    public ReadOnlySpan<int> Distinct => _distinct.AsSpan(0, _count);

    /// <summary>The distinct albums of the seeds, in first-appearance order.</summary>
    public ReadOnlySpan<int> Albums => _albums.AsSpan(0, _albumCount);

    /// <summary>The distinct artists of the seeds, in first-appearance order.</summary>
    public ReadOnlySpan<int> Artists => _artists.AsSpan(0, _artistCount);

    public bool Contains(int track) => _marks.Contains(track);

    /// <summary>How many distinct seeds are on <paramref name="album"/>.</summary>
    public int OnAlbum(int album) => _perAlbum[album];

    /// <summary>How many distinct seeds are by <paramref name="artist"/>.</summary>
    public int ByArtist(int artist) => _perArtist[artist];

    /// <summary>Replaces the set by the seeds of <paramref name="seeds"/>; returns itself.</summary>
    public QuerySeeds Load(ReadOnlySpan<int> seeds)
    {
        foreach (int a in Albums) _perAlbum[a] = 0;
        foreach (int a in Artists) _perArtist[a] = 0;
        _marks.Clear();
        _count = _albumCount = _artistCount = 0;
        var trackAlbums = dataset.TrackAlbums;
        var trackArtists = dataset.TrackArtists;
        foreach (int s in seeds)
        {
            if (!_marks.Add(s)) continue;
            Append(ref _distinct, ref _count, s);
            if (_perAlbum[trackAlbums[s]]++ == 0) Append(ref _albums, ref _albumCount, trackAlbums[s]);
            if (_perArtist[trackArtists[s]]++ == 0) Append(ref _artists, ref _artistCount, trackArtists[s]);
        }
        return this;
    }

    private static void Append(ref int[] items, ref int count, int item)
    {
        if (count == items.Length) Array.Resize(ref items, 2 * count);
        items[count++] = item;
    }
}
