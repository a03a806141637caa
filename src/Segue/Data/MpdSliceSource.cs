using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Segue.Data;

/// <summary>
/// One MPD slice to read: a file on disk or an entry of the MPD zip. <see cref="Start"/> is the
/// first pid of its name (<c>mpd.slice.START-END.json</c>): slices are ordered by it, never by
/// name as text (<c>10000-10999</c> sorts before <c>2000-2999</c> as text).
/// </summary>
public sealed partial record MpdSliceSource(string Name, string Path, string? ZipEntry, int Start, long Length)
{
    [GeneratedRegex(@"(?:^|[/\\])mpd\.slice\.(\d+)-(\d+)\.json$")]
    private static partial Regex SliceName();

    /// <summary>The slices named by <paramref name="sources"/>, each a folder (or a folder whose
    /// <c>data/</c> holds the slices), a glob on file names, the MPD zip, or one slice file;
    /// sorted by first pid.</summary>
    public static IReadOnlyList<MpdSliceSource> Find(IEnumerable<string> sources)
    {
        var found = new List<MpdSliceSource>();
        foreach (string source in sources)
            found.AddRange(FindOne(source));
        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.Name, b.Name));
        return found;
    }

    private static List<MpdSliceSource> FindOne(string source)
    {
        if (source.IndexOfAny(['*', '?']) >= 0)
        {
            string dir = System.IO.Path.GetDirectoryName(source) is { Length: > 0 } d ? d : ".";
            if (!Directory.Exists(dir)) throw new SegueException($"{source}: no such folder: {dir}");
            var matches = FromFiles(Directory.GetFiles(dir, System.IO.Path.GetFileName(source)));
            return matches.Count > 0 ? matches : throw new SegueException($"{source}: no mpd.slice.START-END.json file matches");
        }
        if (Directory.Exists(source))
        {
            var files = FromFiles(Directory.GetFiles(source, "mpd.slice.*.json"));
            string data = System.IO.Path.Combine(source, "data");
            if (files.Count == 0 && Directory.Exists(data))
                files = FromFiles(Directory.GetFiles(data, "mpd.slice.*.json"));
            return files.Count > 0 ? files : throw new SegueException($"{source}: no mpd.slice.START-END.json files in this folder");
        }
        if (!File.Exists(source)) throw new SegueException($"{source}: no such file or folder");
        if (source.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)) return FromZip(source);
        var single = FromFiles([source]);
        return single.Count > 0 ? single
            : throw new SegueException($"{source}: not an MPD slice (expected a file named mpd.slice.START-END.json, a folder or the MPD zip)");
    }

    private static List<MpdSliceSource> FromFiles(IEnumerable<string> files)
    {
        var list = new List<MpdSliceSource>();
        foreach (string file in files)
            if (SliceName().Match(file) is { Success: true } m)
                list.Add(new MpdSliceSource(file, file, null, ParseStart(m, file), new FileInfo(file).Length));
        return list;
    }

    private static List<MpdSliceSource> FromZip(string zipPath)
    {
        var list = new List<MpdSliceSource>();
        try
        {
            using var zip = ZipFile.OpenRead(zipPath);
            foreach (var entry in zip.Entries)
                if (SliceName().Match(entry.FullName) is { Success: true } m)
                    list.Add(new MpdSliceSource($"{zipPath}!{entry.FullName}", zipPath, entry.FullName, ParseStart(m, entry.FullName), entry.Length));
        }
        catch (InvalidDataException e)
        {
            throw new SegueException($"{zipPath}: not a readable zip file ({e.Message})");
        }
        return list.Count > 0 ? list : throw new SegueException($"{zipPath}: the zip holds no mpd.slice.START-END.json entries");
    }

    private static int ParseStart(Match m, string name) =>
        int.TryParse(m.Groups[1].ValueSpan, out int start) ? start
            : throw new SegueException($"{name}: slice start number out of range");

    /// <summary>Reads the whole slice into <paramref name="buffer"/> (grown when too small) and
    /// returns its length. <paramref name="zips"/> caches one open archive per zip path for this
    /// reader's thread: a <see cref="ZipArchive"/> is not safe to share between threads.</summary>
    public int ReadInto(ref byte[] buffer, Dictionary<string, ZipArchive> zips)
    {
        if (Length > Array.MaxLength) throw new SegueException($"{Name}: slice larger than 2 GB");
        // One byte more than the slice, so the read that finds its end needs no bigger buffer.
        if (buffer.Length <= Length) buffer = new byte[Math.Max(Length + 1, buffer.Length * 2L)];
        try
        {
            using var stream = Open(zips);
            int total = 0, read;
            while ((read = stream.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
                if (total == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            }
            return total;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new SegueException($"{Name}: cannot read ({e.Message})");
        }
    }

    private Stream Open(Dictionary<string, ZipArchive> zips)
    {
        if (ZipEntry is null) return new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        if (!zips.TryGetValue(Path, out var zip)) zips[Path] = zip = ZipFile.OpenRead(Path);
        return (zip.GetEntry(ZipEntry) ?? throw new SegueException($"{Name}: entry vanished from the zip")).Open();
    }
}
