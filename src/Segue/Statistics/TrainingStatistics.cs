using Segue.Data;

namespace Segue.Statistics;

/// <summary>
/// What a set of training playlists says about the catalogue, counted once and shared by every
/// generator, a ranker's pool, search and the service: the track-to-playlists index (the number of
/// a track's playlists is its popularity), every track in popularity order, and the log popularity
/// of each track, album and artist (an album's or artist's count sums its tracks'). Built from a
/// dataset's training split, or from part of it (a fit's validation fold leaves its playlists out).
/// Immutable; thread-safe for reading.
/// </summary>
public sealed class TrainingStatistics
{
    private readonly int[] _playlists, _ranking;
    private readonly float[] _albumLogPopularity, _artistLogPopularity;

    private TrainingStatistics(Dataset dataset, int[] playlists, TrackPlaylistIndex index)
    {
        Dataset = dataset;
        _playlists = playlists;
        Index = index;
        // One sort key per track, most popular first and equal counts by lower id: the negated
        // count in the high half, the id in the low half.
        var keys = new long[index.TrackCount];
        for (int t = 0; t < keys.Length; t++) keys[t] = ((long)-index.Count(t) << 32) | (uint)t;
        Array.Sort(keys);
        _ranking = new int[keys.Length];
        for (int i = 0; i < keys.Length; i++) _ranking[i] = (int)keys[i];
        var albums = new double[dataset.AlbumCount];
        var artists = new double[dataset.ArtistCount];
        var trackAlbums = dataset.TrackAlbums;
        var trackArtists = dataset.TrackArtists;
        for (int t = 0; t < dataset.TrackCount; t++)
        {
            albums[trackAlbums[t]] += index.Count(t);
            artists[trackArtists[t]] += index.Count(t);
        }
        _albumLogPopularity = [.. albums.Select(c => (float)Math.Log(1 + c))];
        _artistLogPopularity = [.. artists.Select(c => (float)Math.Log(1 + c))];
    }

    /// <summary>The statistics of the dataset's training split.</summary>
    public static TrainingStatistics Of(Dataset dataset) => Of(dataset, dataset.TrainPlaylists);

    /// <summary>The statistics of <paramref name="playlists"/> (ascending dataset playlist indices).</summary>
    public static TrainingStatistics Of(Dataset dataset, ReadOnlySpan<int> playlists) =>
        new(dataset, playlists.ToArray(), TrackPlaylistIndex.Build(dataset, playlists));

    public Dataset Dataset { get; }

    /// <summary>The playlists counted, ascending.</summary>
    public ReadOnlySpan<int> Playlists => _playlists;

    /// <summary>Each track's playlists among those counted.</summary>
    public TrackPlaylistIndex Index { get; }

    /// <summary>How many of the counted playlists hold <paramref name="track"/>.</summary>
    public int Count(int track) => Index.Count(track);

    /// <summary>Every track, most popular first, ties by lower id.</summary>
    public ReadOnlySpan<int> Ranking => _ranking;

    /// <summary>log(1 + the playlists holding the track).</summary>
    public float LogPopularity(int track) => MathF.Log(1 + Index.Count(track));

    /// <summary>log(1 + the playlists holding each track of the album, summed).</summary>
    public float AlbumLogPopularity(int album) => _albumLogPopularity[album];

    /// <summary>log(1 + the playlists holding each track of the artist, summed).</summary>
    public float ArtistLogPopularity(int artist) => _artistLogPopularity[artist];
}
