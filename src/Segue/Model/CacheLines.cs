using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Segue.Model;

/// <summary>
/// Software prefetch. A training step reads a few hundred table rows scattered over tables far
/// larger than the caches; asking for all of them before the first is used lets their misses
/// overlap instead of being waited for one after another. Where the processor has no prefetch
/// instruction this does nothing, which changes no result.
/// </summary>
internal static class CacheLines
{
    private const int LineBytes = 64;

    /// <summary>Starts loading every cache line of <paramref name="values"/>.</summary>
    public static unsafe void Prefetch<T>(ReadOnlySpan<T> values) where T : unmanaged
    {
        if (!Sse.IsSupported || values.IsEmpty) return;
        byte* first = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(values));
        byte* last = first + (nint)values.Length * sizeof(T) - 1;
        // Rows need not start on a line boundary: step from the first byte, then make sure of the last.
        for (byte* p = first; p < last; p += LineBytes)
            Sse.Prefetch0(p);
        Sse.Prefetch0(last);
    }
}
