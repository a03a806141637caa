using System.Collections.Concurrent;

namespace Segue.Data;

/// <summary>
/// The buffers a table's chunks are read into, reused: no more exist than chunks are in flight at
/// once (the pipeline bounds them), so ingest's memory does not grow with the table, and nothing
/// is kept once ingest ends (a shared pool would keep its spares).
/// </summary>
internal sealed class ChunkBuffers
{
    private readonly ConcurrentBag<byte[]> _free = [];

    /// <summary>A buffer of at least <paramref name="minimum"/> bytes; a spare too small is let go.</summary>
    public byte[] Rent(int minimum)
    {
        while (_free.TryTake(out var buffer))
            if (buffer.Length >= minimum) return buffer;
        return GC.AllocateUninitializedArray<byte>(minimum);
    }

    public void Return(byte[] buffer) => _free.Add(buffer);
}
