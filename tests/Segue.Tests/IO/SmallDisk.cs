namespace Segue.Tests.IO;

/// <summary>
/// A real file system that fills up: a small tmpfs mounted in a temporary folder, filled
/// until only so many bytes are left. Needs root (as here and in CI); where mounting is
/// impossible the tests marked <see cref="FactAttribute"/> are skipped with the reason, and the
/// fault-injection tests of <see cref="Segue.IO.AtomicFile"/> still cover the same code.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private readonly TempDir _dir = new();

    public string Path { get; }

    public SmallDisk(long free, int megabytes = 1)
    {
        Path = _dir.File("disk");
        Directory.CreateDirectory(Path);
        if (Shell.Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", Path) is { } error) throw new InvalidOperationException(error);
        Fill(free);
    }

    /// <summary>Fills the disk until <paramref name="free"/> bytes are left.</summary>
    public void Fill(long free)
    {
        long fill = new DriveInfo(Path).AvailableFreeSpace - free;
        System.IO.File.WriteAllBytes(System.IO.Path.Combine(Path, $".filler.{Guid.NewGuid():N}"), new byte[Math.Max(0, fill)]);
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Everything on the disk but the filler: what a failed write must not leave.</summary>
    public string[] Entries() =>
        [.. Directory.EnumerateFileSystemEntries(Path, "*", SearchOption.AllDirectories).Where(e => !System.IO.Path.GetFileName(e).StartsWith(".filler.", StringComparison.Ordinal)).Order()];

    public void Dispose()
    {
        Shell.Run("umount", Path);
        _dir.Dispose();
    }

    /// <summary>A test that needs a <see cref="SmallDisk"/>: skipped, with the reason, where a tmpfs cannot be mounted.</summary>
    public sealed class FactAttribute : Xunit.FactAttribute
    {
        private static readonly Lazy<string?> Unavailable = new(() =>
        {
            using var dir = new TempDir();
            string? error = Shell.Run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", dir.Path);
            if (error is null) Shell.Run("umount", dir.Path);
            return error;
        });

        public FactAttribute()
        {
            if (Unavailable.Value is { } error) Skip = $"a full disk is tested on a tmpfs, which cannot be mounted here ({error})";
        }
    }
}
