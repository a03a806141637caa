using System.Text.Json.Serialization;

namespace Segue.Data;

/// <summary>
/// The figures the MPD's own stats file gives (playlists, occurrences, unique tracks, albums,
/// artists, titles and normalised titles, lengths, the most frequent tracks and artists), and a
/// few more, computed from a dataset in one pass over its arrays.
/// </summary>
public sealed record DatasetStats
{
    public required int Playlists { get; init; }
    public required int TrainPlaylists { get; init; }
    public required int TestPlaylists { get; init; }
    public required long TrackOccurrences { get; init; }
    public required int UniqueTracks { get; init; }
    public required int UniqueAlbums { get; init; }
    public required int UniqueArtists { get; init; }
    public required int UniqueTitles { get; init; }
    public required int UniqueNormalizedTitles { get; init; }
    public required double AveragePlaylistLength { get; init; }
    public required int MedianPlaylistLength { get; init; }
    public required int MinPlaylistLength { get; init; }
    public required int MaxPlaylistLength { get; init; }
    /// <summary>Share of unique tracks that occur in exactly one playlist.</summary>
    public required double TracksInOnePlaylist { get; init; }
    public required double CollaborativeShare { get; init; }
    public required double DescriptionShare { get; init; }
    public required double AverageFollowers { get; init; }
    public required double AverageEdits { get; init; }
    /// <summary>Playlists per length bucket: "5-9", "10-19", ..., "250".</summary>
    public required IReadOnlyList<Bucket> LengthHistogram { get; init; }
    public required IReadOnlyList<Count> TopTracks { get; init; }
    public required IReadOnlyList<Count> TopArtists { get; init; }
    public required IReadOnlyList<Count> TopNormalizedTitles { get; init; }

    public sealed record Bucket(string Lengths, int Playlists);
    /// <summary>An item and the number of playlists it occurs in (tracks, artists) or names.</summary>
    public sealed record Count(string Name, string Uri, int Playlists);

    public static DatasetStats Compute(Dataset ds, int top = 20)
    {
        SettingException.Require(top >= 0, "top", top, "0 or more");
        int n = ds.PlaylistCount;
        var lengths = new int[n];
        var trackPlaylists = new int[ds.TrackCount];
        var artistPlaylists = new int[ds.ArtistCount];
        var lastTrackSeen = new int[ds.TrackCount];
        var lastArtistSeen = new int[ds.ArtistCount];
        Array.Fill(lastTrackSeen, -1);
        Array.Fill(lastArtistSeen, -1);
        var artists = ds.TrackArtists;
        // Counting playlists, not occurrences: a track twice in a playlist counts once, as in the
        // MPD's stats.
        for (int p = 0; p < n; p++)
        {
            var tracks = ds.PlaylistTracks(p);
            lengths[p] = tracks.Length;
            foreach (int t in tracks)
            {
                if (lastTrackSeen[t] != p) { lastTrackSeen[t] = p; trackPlaylists[t]++; }
                int a = artists[t];
                if (lastArtistSeen[a] != p) { lastArtistSeen[a] = p; artistPlaylists[a]++; }
            }
        }
        var titles = new HashSet<string>(StringComparer.Ordinal);
        var normalized = new Dictionary<string, int>(StringComparer.Ordinal);
        int collaborative = 0, described = 0;
        long followers = 0, edits = 0;
        for (int p = 0; p < n; p++)
        {
            string name = ds.PlaylistName(p);
            titles.Add(name);
            string key = PlaylistTitle.Normalize(name);
            normalized[key] = normalized.GetValueOrDefault(key) + 1;
            if (ds.IsCollaborative(p)) collaborative++;
            if (ds.PlaylistDescription(p).Length > 0) described++;
            followers += ds.Followers[p];
            edits += ds.Edits[p];
        }
        var sorted = (int[])lengths.Clone();
        Array.Sort(sorted);
        return new DatasetStats
        {
            Playlists = n,
            TrainPlaylists = ds.TrainPlaylists.Length,
            TestPlaylists = ds.TestPlaylists.Length,
            TrackOccurrences = ds.OccurrenceCount,
            UniqueTracks = ds.TrackCount,
            UniqueAlbums = ds.AlbumCount,
            UniqueArtists = ds.ArtistCount,
            UniqueTitles = titles.Count,
            UniqueNormalizedTitles = normalized.Count,
            AveragePlaylistLength = n == 0 ? 0 : (double)ds.OccurrenceCount / n,
            MedianPlaylistLength = n == 0 ? 0 : sorted[(n - 1) / 2],
            MinPlaylistLength = n == 0 ? 0 : sorted[0],
            MaxPlaylistLength = n == 0 ? 0 : sorted[^1],
            TracksInOnePlaylist = ds.TrackCount == 0 ? 0 : (double)trackPlaylists.Count(c => c == 1) / ds.TrackCount,
            CollaborativeShare = n == 0 ? 0 : (double)collaborative / n,
            DescriptionShare = n == 0 ? 0 : (double)described / n,
            AverageFollowers = n == 0 ? 0 : (double)followers / n,
            AverageEdits = n == 0 ? 0 : (double)edits / n,
            LengthHistogram = Histogram(sorted),
            TopTracks = Top(trackPlaylists, top, t => $"{ds.TrackName(t)} — {ds.ArtistName(ds.TrackArtists[t])}", ds.TrackUri),
            TopArtists = Top(artistPlaylists, top, ds.ArtistName, ds.ArtistUri),
            TopNormalizedTitles = [.. normalized.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Take(top).Select(kv => new Count(kv.Key, "", kv.Value))],
        };
    }

    // LINQ's ordered Take selects without sorting everything; equal counts keep id order.
    private static List<Count> Top(int[] counts, int top, Func<int, string> name, Func<int, string> uri) =>
        [.. Enumerable.Range(0, counts.Length).OrderByDescending(i => counts[i]).ThenBy(i => i).Take(top)
            .Select(i => new Count(name(i), uri(i), counts[i]))];

    private static List<Bucket> Histogram(int[] sortedLengths)
    {
        // Bucket edges follow the MPD's range: 5 to 250 tracks.
        int[] edges = [0, 5, 10, 20, 50, 100, 150, 200, 250, 251];
        var buckets = new List<Bucket>();
        for (int b = 0; b + 1 < edges.Length; b++)
        {
            int lo = edges[b], hi = edges[b + 1] - 1;
            int count = LowerBound(sortedLengths, hi + 1) - LowerBound(sortedLengths, lo);
            buckets.Add(new Bucket(lo == hi ? $"{lo}" : $"{lo}-{hi}", count));
        }
        int over = sortedLengths.Length - LowerBound(sortedLengths, edges[^1]);
        if (over > 0) buckets.Add(new Bucket($">{edges[^1] - 1}", over));
        return buckets;
    }

    private static int LowerBound(int[] sorted, int value)
    {
        int i = Array.BinarySearch(sorted, value);
        if (i < 0) return ~i;
        while (i > 0 && sorted[i - 1] == value) i--;
        return i;
    }
}

[JsonSerializable(typeof(DatasetStats))]
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
public sealed partial class DatasetStatsJson : JsonSerializerContext;
