using System.IO.Compression;

namespace Segue.Data.Checks;

/// <summary>
/// The MPD's <c>md5sums</c> file (<c>md5sum</c>'s output: a hex digest, two spaces, a path such as
/// <c>data/mpd.slice.0-999.json</c>), found beside the slices: in the folder given, in the folder
/// holding its <c>data/</c>, or in the zip. Slices are matched by file name.
/// </summary>
internal sealed class Md5Sums
{
    public const string FileName = "md5sums";
    private readonly Dictionary<string, string> _sums;
    private readonly HashSet<string> _seen = [];

    private Md5Sums(Dictionary<string, string> sums) => _sums = sums;

    /// <summary>The md5sums file of <paramref name="source"/>, or null when there is none.</summary>
    public static Md5Sums? Find(string source)
    {
        string? text = null;
        if (File.Exists(source) && source.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            using var zip = ZipFile.OpenRead(source);
            if (zip.Entries.FirstOrDefault(e => e.Name == FileName) is { } entry)
                using (var reader = new StreamReader(entry.Open())) text = reader.ReadToEnd();
        }
        else
        {
            string folder = Directory.Exists(source) ? source : Path.GetDirectoryName(Path.GetFullPath(source)) ?? ".";
            foreach (string candidate in (string[])[Path.Combine(folder, FileName), Path.Combine(folder, "..", FileName)])
                if (File.Exists(candidate))
                {
                    text = File.ReadAllText(candidate);
                    break;
                }
        }
        if (text is null) return null;
        var sums = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int space = line.IndexOf(' ');
            if (space > 0) sums[Path.GetFileName(line[(space + 1)..].TrimStart(' ', '*'))] = line[..space].ToLowerInvariant();
        }
        return new Md5Sums(sums);
    }

    public void Check(MpdSliceSource slice, string md5, RuleTallies tallies)
    {
        string name = Path.GetFileName(slice.Name);
        _seen.Add(name);
        if (!_sums.TryGetValue(name, out string? listed))
            tallies.Add(CheckRules.Md5, () => $"{name}: not in {FileName}");
        else if (listed != md5)
            tallies.Add(CheckRules.Md5, () => $"{name}: md5 {md5}, but {FileName} lists {listed}");
    }

    /// <summary>Every slice md5sums lists was read.</summary>
    public void CheckAllRead(IReadOnlyList<MpdSliceSource> slices, RuleTallies tallies)
    {
        foreach (string name in _sums.Keys.Where(n => !_seen.Contains(n)).Order(StringComparer.Ordinal))
            tallies.Add(CheckRules.Md5, () => $"{name}: in {FileName}, but not among the slices");
    }
}
