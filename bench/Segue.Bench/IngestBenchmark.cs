using System.Diagnostics;
using System.Text.Json;
using Segue.Data;
using Segue.Data.Synth;

namespace Segue.Bench;

/// <summary>
/// Ingest throughput against the book's data passes in plain Python (shared/bench/book_ingest.py),
/// on the same synthetic MPD files in the same run. Each ingest runs in a child process, so its
/// peak RSS is its own.
///   ingest [--playlists 100000] [--dir /tmp/segue-bench-ingest] [--threads 1,2] [--no-python]
/// </summary>
public static class IngestBenchmark
{
    public static int Run(string[] args)
    {
        var a = new BenchArgs(args);
        if (a.Has("child")) return Child(a);
        int playlists = a.GetInt("playlists", 100_000);
        string dir = a.Get("dir", Path.Combine(Path.GetTempPath(), "segue-bench-ingest"));
        string mpd = Path.Combine(dir, $"mpd-{playlists}");
        if (!Directory.Exists(Path.Combine(mpd, "data")))
        {
            Console.WriteLine($"generating {playlists:N0} playlists into {mpd} ...");
            new SynthGenerator(new SynthOptions { Playlists = playlists, Seed = 1 }).Write(mpd, Segue.Progress.None);
        }
        string data = Path.Combine(mpd, "data");
        long bytes = Directory.GetFiles(data).Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"input: {bytes / 1e6:N0} MB of JSON in {Directory.GetFiles(data).Length} slices; warming the page cache");
        foreach (string f in Directory.GetFiles(data)) File.ReadAllBytes(f);

        var rows = new List<(string What, double Seconds, double MBps, long PeakRss)>();
        foreach (string t in a.Get("threads", "1,2").Split(','))
        {
            var (seconds, rss) = RunChild(data, Path.Combine(dir, "bench.segue"), int.Parse(t));
            rows.Add(($"segue ingest, {t} thread(s)", seconds, bytes / 1e6 / seconds, rss));
        }
        string? script = FindBaseline();
        if (!a.Has("no-python") && script is not null)
        {
            var (seconds, rss) = RunPython(script, data);
            rows.Add(("book_ingest.py (plain Python)", seconds, bytes / 1e6 / seconds, rss));
        }
        var (first, warm) = LoadTimes(Path.Combine(dir, "bench.segue"));

        Console.WriteLine();
        Console.WriteLine($"{"run",-34} {"seconds",9} {"MB/s",8} {"peak RSS MB",12} {"vs Python",10}");
        double? python = rows.FirstOrDefault(r => r.What.StartsWith("book")).MBps;
        foreach (var r in rows)
            Console.WriteLine($"{r.What,-34} {r.Seconds,9:N2} {r.MBps,8:N0} {r.PeakRss / 1e6,12:N0} {(python > 0 ? $"{r.MBps / python:N1}x" : "-"),10}");
        Console.WriteLine($"dataset load (Dataset.Open, first in process incl. JIT / warm median of 20): {first:N2} ms / {warm:N3} ms");
        return 0;
    }

    /// <summary>Ingests <paramref name="source"/> (MPD slices or a table) in a child process: its seconds and peak RSS.</summary>
    internal static (double Seconds, long PeakRss) RunChild(string data, string output, int threads)
    {
        var psi = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        foreach (string arg in (string[])[typeof(IngestBenchmark).Assembly.Location, "ingest", "--child", "--source", data, "--out", output, "--threads", threads.ToString()])
            psi.ArgumentList.Add(arg);
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) != "dotnet") psi.ArgumentList.RemoveAt(0);
        using var child = Process.Start(psi)!;
        string line = child.StandardOutput.ReadToEnd().Trim().Split('\n')[^1];
        child.WaitForExit();
        if (child.ExitCode != 0) throw new InvalidOperationException($"ingest child failed: {line}");
        var result = JsonSerializer.Deserialize<JsonElement>(line);
        return (result.GetProperty("seconds").GetDouble(), result.GetProperty("peak_rss").GetInt64());
    }

    private static int Child(BenchArgs a)
    {
        var summary = DatasetIngest.Run([a.Get("source", "")], a.Get("out", ""), new IngestOptions(a.GetInt("threads", Environment.ProcessorCount)), Segue.Progress.None);
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["seconds"] = summary.Elapsed.TotalSeconds,
            ["peak_rss"] = PeakRss(),
            ["playlists"] = summary.Playlists,
        }));
        return 0;
    }

    private static (double Seconds, long PeakRss) RunPython(string script, string data)
    {
        // Peak RSS of the child comes from GNU time's maximum resident set size when present.
        bool gnuTime = File.Exists("/usr/bin/time");
        var psi = new ProcessStartInfo(gnuTime ? "/usr/bin/time" : "python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (gnuTime) { psi.ArgumentList.Add("-f"); psi.ArgumentList.Add("maxrss_kb=%M"); psi.ArgumentList.Add("python3"); }
        psi.ArgumentList.Add(script);
        psi.ArgumentList.Add(data);
        using var p = Process.Start(psi)!;
        string stdout = p.StandardOutput.ReadToEnd();
        string stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        var result = JsonSerializer.Deserialize<JsonElement>(stdout.Trim().Split('\n')[^1]);
        long rss = 0;
        foreach (string l in stderr.Split('\n'))
            if (l.StartsWith("maxrss_kb=")) rss = long.Parse(l["maxrss_kb=".Length..]) * 1024;
        return (result.GetProperty("total_s").GetDouble(), rss);
    }

    private static (double FirstMs, double WarmMs) LoadTimes(string path)
    {
        var clock = Stopwatch.StartNew();
        using (var first = Dataset.Open(path)) _ = first.PlaylistCount;
        double firstMs = clock.Elapsed.TotalMilliseconds;
        var times = new List<double>();
        for (int i = 0; i < 20; i++)
        {
            clock.Restart();
            using var ds = Dataset.Open(path);
            _ = ds.TryGetTrack(ds.TrackUri(0), out _);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (firstMs, times[times.Count / 2]);
    }

    private static long PeakRss()
    {
        foreach (string line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmHWM:"))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        return 0;
    }

    /// <summary>shared/bench/book_ingest.py beside the repository (searched upwards from here).</summary>
    private static string? FindBaseline()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "bench", "book_ingest.py");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
