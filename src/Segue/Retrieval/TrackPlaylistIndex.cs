using Segue.Data;

namespace Segue.Retrieval;

/// <summary>
/// The inverted index of the training split: for every track, the training playlists that contain
/// it (ascending, each once however often the track repeats there), as CSR arrays. Its posting
/// lengths are the tracks' popularity; walking a seed's postings gives its co-occurrences.
/// </summary>
public sealed class TrackPlaylistIndex
{
    private readonly int[] _offsets;
    private readonly int[] _playlists;

    private TrackPlaylistIndex(int[] offsets, int[] playlists)
    {
        _offsets = offsets;
        _playlists = playlists;
    }

    public int TrackCount => _offsets.Length - 1;

    /// <summary>Training playlists containing <paramref name="track"/>, ascending.</summary>
    public ReadOnlySpan<int> Playlists(int track) => _playlists.AsSpan(_offsets[track], _offsets[track + 1] - _offsets[track]);

    /// <summary>How many training playlists contain <paramref name="track"/>.</summary>
    public int Count(int track) => _offsets[track + 1] - _offsets[track];

    /// <summary>Two passes over the training playlists: count, then place.</summary>
    public static TrackPlaylistIndex Build(Dataset dataset)
    {
        var offsets = new int[dataset.TrackCount + 1];
        var seen = new TrackMarks(dataset.TrackCount);
        foreach (int playlist in dataset.TrainPlaylists)
        {
            seen.Clear();
            foreach (int track in dataset.PlaylistTracks(playlist))
                if (seen.Add(track)) offsets[track + 1]++;
        }
        for (int t = 0; t < dataset.TrackCount; t++)
            offsets[t + 1] = checked(offsets[t + 1] + offsets[t]);
        var playlists = new int[offsets[^1]];
        var fill = offsets[..^1];
        foreach (int playlist in dataset.TrainPlaylists)
        {
            seen.Clear();
            foreach (int track in dataset.PlaylistTracks(playlist))
                if (seen.Add(track)) playlists[fill[track]++] = playlist;
        }
        return new TrackPlaylistIndex(offsets, playlists);
    }
}
