using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Segue.IO;

namespace Segue.Tests.IO;

/// <summary>Edits a section of a <see cref="SectionFile"/> and rewrites its checksums, so a test
/// can make a file whose bytes match their checksums but whose contents are impossible.</summary>
public static class SectionSurgery
{
    public static void Edit<T>(string path, uint id, Action<Span<T>> edit) where T : unmanaged
    {
        var bytes = File.ReadAllBytes(path);
        int count = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12));
        var table = bytes.AsSpan(SectionFile.HeaderSize, count * SectionFile.EntrySize);
        bool found = false;
        for (int i = 0; i < count; i++)
        {
            var entry = table.Slice(i * SectionFile.EntrySize, SectionFile.EntrySize);
            if (BinaryPrimitives.ReadUInt32LittleEndian(entry) != id) continue;
            var section = bytes.AsSpan((int)BinaryPrimitives.ReadInt64LittleEndian(entry[8..]), (int)BinaryPrimitives.ReadInt64LittleEndian(entry[16..]));
            edit(MemoryMarshal.Cast<byte, T>(section));
            BinaryPrimitives.WriteUInt64LittleEndian(entry[24..], XxHash64.HashToUInt64(section));
            found = true;
        }
        Assert.True(found, $"no section {id} in {path}");
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(16), XxHash64.HashToUInt64(table));
        File.WriteAllBytes(path, bytes);
    }
}
