using Segue.Data;

namespace Segue.Serving;

/// <summary>Finds a dataset playlist by its pid: the pids sorted once beside their playlist
/// numbers, one binary search a lookup.</summary>
public sealed class PlaylistLookup
{
    private readonly long[] _pidThenPlaylist;

    public PlaylistLookup(Dataset dataset)
    {
        var pids = dataset.Pids;
        _pidThenPlaylist = new long[pids.Length];
        for (int p = 0; p < pids.Length; p++) _pidThenPlaylist[p] = (long)pids[p] << 32 | (uint)p;
        Array.Sort(_pidThenPlaylist);
    }

    /// <summary>The playlist number of <paramref name="pid"/>, or -1 when the dataset has no such playlist.</summary>
    public int Find(int pid)
    {
        int lo = LowerBound(pid);
        return lo < _pidThenPlaylist.Length && _pidThenPlaylist[lo] >> 32 == pid ? (int)_pidThenPlaylist[lo] : -1;
    }

    /// <summary>The playlist numbers of the pids from <paramref name="start"/> up to (not including)
    /// <paramref name="end"/>, in pid order.</summary>
    public IReadOnlyList<int> Range(int start, int end)
    {
        int lo = LowerBound(start), hi = LowerBound(end);
        return [.. _pidThenPlaylist[lo..Math.Max(lo, hi)].Select(e => (int)e)];
    }

    private int LowerBound(int pid)
    {
        int lo = 0, hi = _pidThenPlaylist.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_pidThenPlaylist[mid] >> 32 < pid) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
