using Segue.IO;

namespace Segue.Cli.Commands;

/// <summary>A seed track's URI as given, and where it was given (<c>--tracks</c>, or a file and
/// line), for the warning that names it when the catalogue does not know it.</summary>
public readonly record struct SeedUri(string Uri, string Where);

/// <summary>Reads the seed URIs of <c>recommend</c>: comma-separated in <c>--tracks</c>, or one a
/// line in <c>--tracks-file</c>, which takes more than the 128 KiB an argument may hold on Linux
/// (and, for Spotify URIs, which hold no comma, comma-separated too: <see cref="SplitCommas"/>).</summary>
public static class SeedUris
{
    public const string StandardInput = "-";

    public static IReadOnlyList<SeedUri> FromArgument(string text) => [.. Split(text, "--tracks")];

    /// <summary>The lines of <paramref name="path"/> (<c>-</c>: standard input), trimmed; blank lines are skipped.</summary>
    public static IReadOnlyList<SeedUri> FromFile(string path)
    {
        bool stdin = path == StandardInput;
        string name = stdin ? "standard input" : path;
        if (!stdin && Directory.Exists(path)) throw new SegueException($"{path}: is a folder; give a file of track URIs");
        if (!stdin && !File.Exists(path)) throw new SegueException($"{path}: no such file");
        var uris = new List<SeedUri>();
        try
        {
            int line = 0;
            foreach (string text in stdin ? Lines(Console.In) : File.ReadLines(path))
            {
                ++line;
                // A binary file given by mistake: said as such, not quoted byte for byte.
                if (text.Any(c => char.IsControl(c) && c != '\t'))
                    throw new SegueException($"{name} line {line}: not text (it holds control bytes); give a file of track URIs, one a line or comma-separated");
                if (!string.IsNullOrWhiteSpace(text)) uris.Add(new SeedUri(text.Trim(), $"{name} line {line}"));
            }
        }
        catch (Exception e) when (FileError.Is(e))
        {
            throw FileError.Reading(name, e);
        }
        return uris;
    }

    private static IEnumerable<string> Lines(TextReader reader)
    {
        for (string? line; (line = reader.ReadLine()) is not null;) yield return line;
    }

    /// <summary>Each of <paramref name="lines"/> split at its commas: a file of Spotify URIs may list several a line.</summary>
    public static IReadOnlyList<SeedUri> SplitCommas(IReadOnlyList<SeedUri> lines) => [.. lines.SelectMany(l => Split(l.Uri, l.Where))];

    private static IEnumerable<SeedUri> Split(string text, string where) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(uri => new SeedUri(uri, where));
}
