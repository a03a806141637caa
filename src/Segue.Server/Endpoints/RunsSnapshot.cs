using System.Security.Cryptography;
using System.Text;
using Segue.Runs;
using Segue.Runs.Reports;

namespace Segue.Server.Endpoints;

/// <summary>
/// The runs under the folder given at start, read once and kept until a file of theirs changes:
/// reading every run's metrics and drawing the report's plots costs far more than a request should
/// (0.4 s of CPU for the demo's runs), and runs change rarely. A change is seen from the files'
/// sizes and write times (those of every folder down to the runs' own files), which a look at the
/// folder gives without reading them; the same stamp is the report's ETag.
/// </summary>
public sealed class RunsSnapshot(string folder, bool showPaths)
{
    // A run's files sit at most three levels below the folder (runs are found two levels down).
    private const int Depth = 3;
    private readonly Lock _lock = new();
    private (string Stamp, IReadOnlyList<RunRecord> Runs, Lazy<string?> Report)? _current;

    public string Folder => folder;

    /// <summary><paramref name="text"/> (a path, or a message naming one) with the runs folder's
    /// absolute path cut to the relative, unless paths are to be shown.</summary>
    public string Shown(string text)
    {
        if (showPaths) return text;
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        return text == full ? "." : text.Replace(full + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
    }

    /// <summary>The runs as they are now, the stamp of their files, and the report of the complete
    /// ones (null when none is complete); a <see cref="DirectoryNotFoundException"/> when the folder is gone.</summary>
    public (string Stamp, IReadOnlyList<RunRecord> Runs, Lazy<string?> Report) Current()
    {
        string stamp = Stamp();
        lock (_lock)
        {
            if (_current is { } kept && kept.Stamp == stamp) return kept;
            var runs = RunRecord.Find(folder);
            var complete = runs.Where(r => r.Status == RunStatus.Complete).ToList();
            _current = (stamp, runs, new Lazy<string?>(() => complete.Count == 0 ? null : HtmlReport.Render(new RunComparison(complete), showPaths)));
            return _current.Value;
        }
    }

    private string Stamp()
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException(folder);
        var text = new StringBuilder();
        void Walk(DirectoryInfo dir, int depth)
        {
            foreach (var entry in dir.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                text.Append(entry.FullName).Append('|').Append(entry.LastWriteTimeUtc.Ticks).Append('|');
                if (entry is FileInfo file) text.Append(file.Length).Append('\n');
                else if (depth < Depth) Walk((DirectoryInfo)entry, depth + 1);
            }
        }
        try
        {
            Walk(new DirectoryInfo(folder), 1);
        }
        catch (IOException)
        {
            // Changing under the walk: a stamp that matches nothing kept.
            return Guid.NewGuid().ToString("N");
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
