using Segue.Data;
using Segue.Structures;

namespace Segue.Statistics;

/// <summary>
/// The inverted index of a set of training playlists: for every track, the playlists that contain
/// it (ascending, each once however often the track repeats there). Its posting lengths are the
/// tracks' popularity; walking a seed's postings gives its co-occurrences. It also keeps each
/// indexed playlist's number of distinct tracks (0 for a playlist not indexed), the length of its
/// binary row for playlist similarities.
/// <para>Built from the dataset's training split, or from any subset of it: a ranker's validation
/// playlists are left out while it is fitted, so nothing they withhold reaches a statistic.</para>
/// </summary>
public sealed class TrackPlaylistIndex
{
    private readonly InvertedIndex _index;
    private readonly int[] _distinct;

    private TrackPlaylistIndex(InvertedIndex index, int[] distinct, int playlistCount)
    {
        _index = index;
        _distinct = distinct;
        PlaylistCount = playlistCount;
    }

    public int TrackCount => _index.KeyCount;

    /// <summary>How many playlists the index holds.</summary>
    public int PlaylistCount { get; }

    /// <summary>Indexed playlists containing <paramref name="track"/>, ascending.</summary>
    public ReadOnlySpan<int> Playlists(int track) => _index.Items(track);

    /// <summary>How many indexed playlists contain <paramref name="track"/>.</summary>
    public int Count(int track) => _index.Count(track);

    /// <summary>The number of distinct tracks of <paramref name="playlist"/>; 0 when not indexed.</summary>
    public int DistinctTracks(int playlist) => _distinct[playlist];

    /// <summary>The index of the dataset's training split.</summary>
    public static TrackPlaylistIndex Build(Dataset dataset) => Build(dataset, dataset.TrainPlaylists);

    /// <summary>The index of <paramref name="playlists"/> (ascending dataset playlist indices).</summary>
    public static TrackPlaylistIndex Build(Dataset dataset, ReadOnlySpan<int> playlists)
    {
        var index = InvertedIndex.Build(dataset.TrackCount, playlists, dataset.PlaylistTracks);
        var distinct = new int[dataset.PlaylistCount];
        var seen = new TrackMarks(dataset.TrackCount);
        foreach (int playlist in playlists)
        {
            seen.Clear();
            foreach (int track in dataset.PlaylistTracks(playlist))
                if (seen.Add(track)) distinct[playlist]++;
        }
        return new TrackPlaylistIndex(index, distinct, playlists.Length);
    }
}
