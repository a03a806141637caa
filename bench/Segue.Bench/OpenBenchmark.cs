using System.Diagnostics;
using System.Runtime.InteropServices;
using Segue.Data;

namespace Segue.Bench;

/// <summary>
/// How long <see cref="Dataset.Open"/> takes now that it checks every checksum and invariant:
/// cold (the file dropped from the page cache first, so it is read from disk; also the first open
/// in the process, JIT included), first from the page cache, and warm (median of repeats).
///   open [--dataset /work/data/mpd1m.segue] [--repeat 20]
/// </summary>
public static partial class OpenBenchmark
{
    public static int Run(string[] args)
    {
        var a = new BenchArgs(args);
        string path = a.Get("dataset", "/work/data/mpd1m.segue");
        int repeat = a.GetInt("repeat", 20);
        bool evicted = Evict(path);
        double cold = Time(path);
        double first = Time(path);
        var warm = Enumerable.Range(0, repeat).Select(_ => Time(path)).Order().ToList();
        using var ds = Dataset.Open(path);
        Console.WriteLine($"{path}: {new FileInfo(path).Length / 1e6:N0} MB, {ds.PlaylistCount:N0} playlists, {ds.TrackCount:N0} tracks, {ds.OccurrenceCount:N0} occurrences, {Environment.ProcessorCount} cores");
        Console.WriteLine($"Dataset.Open {(evicted ? "cold (page cache dropped)" : "first (could not drop the page cache)")}: {cold:N0} ms; " +
            $"next, from the page cache: {first:N0} ms; warm median of {repeat}: {warm[repeat / 2]:N0} ms (min {warm[0]:N0}, max {warm[^1]:N0})");
        return 0;
    }

    private static double Time(string path)
    {
        var clock = Stopwatch.StartNew();
        using (var ds = Dataset.Open(path)) _ = ds.TryGetTrack(ds.TrackUri(0), out _);
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>Drops the file's pages from the page cache (Linux), so the next open reads the disk.</summary>
    private static bool Evict(string path)
    {
        if (!OperatingSystem.IsLinux()) return false;
        using var handle = File.OpenHandle(path);
        const int DontNeed = 4;
        return PosixFadvise((int)handle.DangerousGetHandle(), 0, 0, DontNeed) == 0;
    }

    [LibraryImport("libc", EntryPoint = "posix_fadvise")]
    private static partial int PosixFadvise(int fd, long offset, long length, int advice);
}
