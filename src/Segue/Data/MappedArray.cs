using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Segue.Data;

/// <summary>A typed window onto part of a memory-mapped file, kept as a pointer so that a class
/// can hold it (a span cannot be a field); valid while the file that made it stays open.</summary>
internal readonly unsafe struct MappedArray<T> where T : unmanaged
{
    private readonly T* _pointer;
    public int Length { get; }

    public MappedArray(ReadOnlySpan<T> span)
    {
        _pointer = (T*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(span));
        Length = span.Length;
    }

    public ReadOnlySpan<T> Span => new(_pointer, Length);

    public T this[int index] => (uint)index < (uint)Length ? _pointer[index] : throw new IndexOutOfRangeException();
}

/// <summary>A mapped string section: UTF-8 bytes and <c>Count + 1</c> offsets.</summary>
internal readonly struct MappedUtf8Strings(MappedArray<byte> bytes, MappedArray<long> offsets) : IUtf8Strings
{
    public int Count => offsets.Length - 1;
    public int ByteCount => bytes.Length;
    /// <summary><c>Count + 1</c> offsets: string i spans <c>[Offsets[i], Offsets[i + 1])</c>.</summary>
    public ReadOnlySpan<long> Offsets => offsets.Span;

    public ReadOnlySpan<byte> this[int index] =>
        bytes.Span[(int)offsets[index]..(int)offsets[index + 1]];

    public string GetString(int index) => System.Text.Encoding.UTF8.GetString(this[index]);
}
