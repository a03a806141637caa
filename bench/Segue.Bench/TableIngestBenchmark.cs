using System.Text;
using Segue.Data;

namespace Segue.Bench;

/// <summary>
/// A playlist table against the MPD JSON it was written from: the same playlists ingested from
/// both, alternated in one session, each ingest in a child process (its own peak RSS).
///   table-ingest --mpd DIR [--dataset D] [--table T.csv] [--threads 2] [--rounds 2]
/// The table is written once from the dataset of the JSON (ingested first when not given), one
/// row per playlist track with every column, quoted as RFC 4180 says.
/// </summary>
public static class TableIngestBenchmark
{
    public static int Run(string[] args)
    {
        var a = new BenchArgs(args);
        string mpd = a.Get("mpd", "");
        string work = a.Get("dir", Path.Combine(Path.GetTempPath(), "segue-bench-table"));
        Directory.CreateDirectory(work);
        string dataset = a.Get("dataset", Path.Combine(work, "json.segue"));
        string table = a.Get("table", Path.Combine(work, "playlists.csv"));
        int threads = a.GetInt("threads", Environment.ProcessorCount), rounds = a.GetInt("rounds", 2);
        if (!File.Exists(dataset))
        {
            Console.WriteLine($"ingesting {mpd} into {dataset} ...");
            MpdIngest.Run([mpd], dataset, new IngestOptions(threads), Segue.Progress.None);
        }
        if (!File.Exists(table))
        {
            Console.WriteLine($"writing {table} ...");
            using var ds = Dataset.Open(dataset);
            Write(ds, table);
        }
        string data = Directory.Exists(Path.Combine(mpd, "data")) ? Path.Combine(mpd, "data") : mpd;
        long jsonBytes = Directory.GetFiles(data, "mpd.slice.*.json").Sum(f => new FileInfo(f).Length);
        long tableBytes = new FileInfo(table).Length;
        Console.WriteLine($"JSON {jsonBytes / 1e9:N2} GB; table {tableBytes / 1e9:N2} GB; {threads} threads; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine($"{"run",-22} {"seconds",9} {"MB/s",8} {"peak RSS MB",12}");
        for (int r = 0; r < rounds; r++)
            foreach (var (what, source, bytes) in (ReadOnlySpan<(string, string, long)>)[("MPD JSON", data, jsonBytes), ("table (CSV)", table, tableBytes)])
            {
                var (seconds, rss) = IngestBenchmark.RunChild(source, Path.Combine(work, "bench.segue"), threads);
                Console.WriteLine($"{what + $" #{r + 1}",-22} {seconds,9:N1} {bytes / 1e6 / seconds,8:N0} {rss / 1e6,12:N0}");
            }
        return 0;
    }

    /// <summary>Every playlist of <paramref name="ds"/> as table rows.</summary>
    public static void Write(Dataset ds, string path)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write(string.Join(',', PlaylistTableColumns.All.Select(c => c.Name)) + "\n");
        for (int p = 0; p < ds.PlaylistCount; p++)
        {
            string title = Quote(ds.PlaylistName(p)), description = Quote(ds.PlaylistDescription(p));
            var tracks = ds.PlaylistTracks(p);
            for (int i = 0; i < tracks.Length; i++)
            {
                int t = tracks[i], album = ds.TrackAlbums[t], artist = ds.TrackArtists[t];
                writer.Write($"{ds.Pids[p]},{i},{title},{Quote(ds.TrackUri(t))},{Quote(ds.TrackName(t))},{Quote(ds.ArtistUri(artist))},{Quote(ds.ArtistName(artist))},");
                writer.Write($"{Quote(ds.AlbumUri(album))},{Quote(ds.AlbumName(album))},{ds.TrackDurationsMs[t]},{description},{ds.Followers[p]},{ds.ModifiedAt[p]},{ds.Edits[p]},{(ds.IsCollaborative(p) ? "true" : "false")}\n");
            }
        }
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{field.Replace("\"", "\"\"")}\"" : field;
}
