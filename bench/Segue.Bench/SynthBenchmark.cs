using System.Diagnostics;
using Segue.Data.Synth;

namespace Segue.Bench;

/// <summary>
/// <c>synth [--playlists N] [--out DIR] [--seed S] [--threads T] [--no-write]</c>: writes N
/// generated playlists (default 100,000) to DIR and reports the speed, then the calibration
/// figures beside the real MPD's. <c>--no-write</c> only generates and counts, to check the
/// calibration at N = 1,000,000 without writing 30 GB.
/// </summary>
public static class SynthBenchmark
{
    public static int Run(string[] args)
    {
        var bench = new BenchArgs(args);
        var options = new SynthOptions
        {
            Playlists = bench.GetInt("playlists", 100_000),
            Seed = bench.GetInt("seed", 1),
            Threads = bench.GetInt("threads", 0),
        };
        var clock = Stopwatch.StartNew();
        var generator = new SynthGenerator(options);
        Console.WriteLine($"catalogue built in {clock.Elapsed.TotalSeconds:F2} s");

        if (!bench.Has("no-write"))
        {
            string folder = bench.Get("out", Path.Combine(Path.GetTempPath(), "segue-synth-bench"));
            clock.Restart();
            var output = generator.Write(folder, Progress.None);
            double seconds = clock.Elapsed.TotalSeconds;
            double mb = output.BytesWritten / 1e6;
            Console.WriteLine($"playlists {output.Playlists:N0}  files {output.SliceFiles:N0}  written {mb:N0} MB  " +
                              $"in {seconds:F1} s  ({mb / seconds:N0} MB/s, {output.Playlists / seconds:N0} playlists/s)");
        }

        clock.Restart();
        var census = generator.Census(Progress.None);
        Console.WriteLine($"generated and counted (no writing) in {clock.Elapsed.TotalSeconds:F1} s");
        PrintCalibration(census);
        return 0;
    }

    private static void PrintCalibration(SynthCensus c)
    {
        // The real MPD's figures at 1,000,000 playlists, scaled to c.Playlists where they are counts.
        double scale = c.Playlists / 1e6;
        Console.WriteLine($"{"figure",-28} {"generated",14} {"real MPD (scaled)",18}");
        Row("track occurrences", c.Occurrences, 66_346_428 * scale);
        Row("unique tracks", c.UniqueTracks, 2_262_292 * scale);
        Row("unique albums", c.UniqueAlbums, 734_684 * scale);
        Row("unique artists", c.UniqueArtists, 295_860 * scale);
        Console.WriteLine($"{"top track share",-28} {c.TopTrackShare,14:P2} {0.046574,18:P2}");
        Console.WriteLine($"{"tracks in one playlist only",-28} {c.OnePlaylistShare,14:P1} {"~50%",18}");
        Console.WriteLine($"{"mean length",-28} {c.MeanLength,14:F2} {66.35,18:F2}");
        Console.WriteLine($"{"median length",-28} {c.MedianLength,14} {"~49",18}");
        Console.WriteLine($"{"length range",-28} {$"{c.MinLength}..{c.MaxLength}",14} {"5..250",18}");
        // The real figures are those of the 1,037 real MPD playlists in ../shared/data (bench/eval/order.py).
        Console.WriteLine($"{"adjacent: same album",-28} {c.SameAlbumShare,14:P1} {0.1395,18:P1}");
        Console.WriteLine($"{"adjacent: same artist",-28} {c.SameArtistShare,14:P1} {0.2442,18:P1}");
        Console.WriteLine($"{"artist of the last three",-28} {c.RecentArtistShare,14:P1} {0.2739,18:P1}");
        Console.WriteLine($"{"artist of the first three",-28} {c.OpeningArtistShare,14:P1} {0.0551,18:P1}");
    }

    private static void Row(string name, double generated, double real) =>
        Console.WriteLine($"{name,-28} {generated,14:N0} {real,18:N0}  ({generated / real - 1:+0.0%;-0.0%})");
}
