using System.Runtime.InteropServices;

namespace Segue.IO;

/// <summary>
/// What a path names on disk, following symbolic links: whether it is a regular file (not a
/// folder, device, pipe or socket), and an identity that two paths share exactly when they name
/// the same file, through symbolic and hard links alike. .NET tells neither (a device node and a
/// pipe look like empty files), so on Linux this asks <c>statx(2)</c>, whose buffer has the same
/// layout on every architecture; elsewhere the identity is the full path.
/// </summary>
public static unsafe partial class FileNode
{
    public readonly record struct Info(bool IsRegularFile, string Identity);

    /// <summary>What <paramref name="path"/> names, or null when nothing is there.</summary>
    public static Info? Stat(string path)
    {
        if (!OperatingSystem.IsLinux()) return ByPath(path);
        const int AtCurrentDirectory = -100, StatxType = 0x1, StatxIno = 0x100;
        const int ModeOffset = 28, InodeOffset = 32, DeviceMajorOffset = 136, DeviceMinorOffset = 140;
        const int TypeMask = 0xF000, RegularFile = 0x8000;
        var buffer = stackalloc byte[256];
        try
        {
            if (Statx(AtCurrentDirectory, path, 0, StatxType | StatxIno, buffer) != 0) return null;
        }
        catch (EntryPointNotFoundException)
        {
            return ByPath(path);   // a C library older than glibc 2.28
        }
        int mode = *(ushort*)(buffer + ModeOffset);
        string identity = $"{*(uint*)(buffer + DeviceMajorOffset)}:{*(uint*)(buffer + DeviceMinorOffset)}:{*(ulong*)(buffer + InodeOffset)}";
        return new Info((mode & TypeMask) == RegularFile, identity);
    }

    private static Info? ByPath(string path) =>
        File.Exists(path) ? new Info(true, Path.GetFullPath(path))
            : Directory.Exists(path) ? new Info(false, Path.GetFullPath(path)) : null;

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, byte* buffer);
}
