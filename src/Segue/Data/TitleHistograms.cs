using System.Text.Json.Serialization;

namespace Segue.Data;

/// <summary>
/// How often each playlist title and description occurs, as the MPD's deeper_stats.py and
/// descriptions.py count them: titles in lower case ("full" titles) and normalised (the MPD's own
/// normalisation, <see cref="PlaylistTitle.Normalize"/>); descriptions as written and normalised,
/// over the playlists that have one. Each histogram lists its most frequent <c>top</c> entries,
/// most frequent first, entries of equal count in order of first appearance (Python's
/// <c>Counter.most_common</c>).
/// </summary>
public sealed record TitleHistograms
{
    public required int Playlists { get; init; }
    public required int Described { get; init; }
    public required Histogram Titles { get; init; }
    public required Histogram NormalizedTitles { get; init; }
    public required Histogram Descriptions { get; init; }
    public required Histogram NormalizedDescriptions { get; init; }

    /// <summary>A histogram: how many distinct values, and the most frequent.</summary>
    public sealed record Histogram(int Distinct, IReadOnlyList<Entry> Top);

    public sealed record Entry(string Text, int Playlists);

    public static TitleHistograms Compute(Dataset ds, int top)
    {
        SettingException.Require(top >= 0, "top", top, "0 or more");
        var titles = new Counter();
        var normalizedTitles = new Counter();
        var descriptions = new Counter();
        var normalizedDescriptions = new Counter();
        for (int p = 0; p < ds.PlaylistCount; p++)
        {
            string title = ds.PlaylistName(p);
            titles.Add(title.ToLowerInvariant());
            normalizedTitles.Add(PlaylistTitle.Normalize(title));
            if (ds.PlaylistDescription(p) is { Length: > 0 } description)
            {
                descriptions.Add(description);
                normalizedDescriptions.Add(PlaylistTitle.Normalize(description));
            }
        }
        return new TitleHistograms
        {
            Playlists = ds.PlaylistCount,
            Described = descriptions.Total,
            Titles = titles.Histogram(top),
            NormalizedTitles = normalizedTitles.Histogram(top),
            Descriptions = descriptions.Histogram(top),
            NormalizedDescriptions = normalizedDescriptions.Histogram(top),
        };
    }

    /// <summary>Counts in order of first appearance, as Python's Counter keeps them.</summary>
    private sealed class Counter
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<(string Text, int Count)> _counts = [];

        public int Total { get; private set; }

        public void Add(string text)
        {
            Total++;
            if (_index.TryGetValue(text, out int i)) _counts[i] = (text, _counts[i].Count + 1);
            else
            {
                _index[text] = _counts.Count;
                _counts.Add((text, 1));
            }
        }

        // OrderBy is a stable sort: equal counts keep their order of first appearance.
        public Histogram Histogram(int top) =>
            new(_counts.Count, [.. _counts.OrderByDescending(c => c.Count).Take(top).Select(c => new Entry(c.Text, c.Count))]);
    }
}

[JsonSerializable(typeof(TitleHistograms))]
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
public sealed partial class TitleHistogramsJson : JsonSerializerContext;
