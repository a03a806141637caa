namespace Segue.Structures;

/// <summary>
/// Exact top-K selection over a stream of scored tracks with a bounded min-heap in a
/// caller-owned buffer: O(n log K) worst case, and nearly one comparison per item once the heap
/// is full, since most items fall below its minimum. Allocation-free; reuse one per thread.
/// </summary>
public sealed class TopK
{
    private readonly ScoredTrack[] _heap;
    private int _count;

    public TopK(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _heap = new ScoredTrack[capacity];
    }

    public int Capacity => _heap.Length;
    public int Count => _count;

    /// <summary>The score an item must beat to enter, or -infinity while the heap is not full.</summary>
    public float Threshold => _count < _heap.Length ? float.NegativeInfinity : _heap[0].Score;

    public void Clear() => _count = 0;

    public void Add(int track, float score)
    {
        var item = new ScoredTrack(track, score);
        if (_count < _heap.Length)
        {
            _heap[_count] = item;
            SiftUp(_count++);
        }
        else if (ScoredTrack.Better(item, _heap[0]))
        {
            _heap[0] = item;
            SiftDown(0);
        }
    }

    /// <summary>Writes the selected items best first into <paramref name="destination"/> and empties
    /// the selector; returns how many were written.</summary>
    public int DrainSorted(Span<ScoredTrack> destination)
    {
        int n = Math.Min(_count, destination.Length);
        // Popping the minimum repeatedly yields worst-first; fill from the back.
        while (_count > 0)
        {
            var min = _heap[0];
            _heap[0] = _heap[--_count];
            if (_count > 0) SiftDown(0);
            if (_count < n) destination[_count] = min;
        }
        return n;
    }

    // The heap's root is its worst item.
    private static bool Worse(in ScoredTrack a, in ScoredTrack b) => ScoredTrack.Better(b, a);

    private void SiftUp(int i)
    {
        var item = _heap[i];
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (!Worse(item, _heap[parent])) break;
            _heap[i] = _heap[parent];
            i = parent;
        }
        _heap[i] = item;
    }

    private void SiftDown(int i)
    {
        var item = _heap[i];
        while (true)
        {
            int child = 2 * i + 1;
            if (child >= _count) break;
            if (child + 1 < _count && Worse(_heap[child + 1], _heap[child])) child++;
            if (!Worse(_heap[child], item)) break;
            _heap[i] = _heap[child];
            i = child;
        }
        _heap[i] = item;
    }
}
