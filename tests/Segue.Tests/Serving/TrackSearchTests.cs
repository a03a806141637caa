using Segue.Data;
using Segue.Serving;
using Segue.Statistics;

namespace Segue.Tests.Serving;

public sealed class TrackSearchTests
{
    private static (string Name, string Artist)[] Names { get; } =
    [
        ("Blue Monday", "New Order"), ("blue velvet", "Bobby Vinton"), ("Bluebird", "Paul McCartney"), ("Feeling Good", "Nina Simone"),
        ("Sinnerman", "Nina Simone"), ("Ne me quitte pas", "Nina Simone"), ("Ça plane pour moi", "Plastic Bertrand"), ("Über", "Ñu"),
        ("Regret", "New Order"), ("Temptation", "New Order"), ("Ninja", "Blue Öyster Cult"),
    ];

    private static TrackRecord T(int n) => new($"spotify:track:s{n}", $"spotify:album:a{n}", $"spotify:artist:{Names[n].Artist.GetHashCode():x}",
        Names[n].Name, $"Album {n}", Names[n].Artist, 1000);

    private static Dataset Build(TempDir dir)
    {
        var builder = new DatasetBuilder(testEvery: 10, testOffset: 9);
        var random = new Random(3);
        for (int p = 0; p < 60; p++)
            builder.AddPlaylist(p, $"p{p}", 0, [.. Enumerable.Range(0, 4).Select(_ => T((int)(Names.Length * Math.Pow(random.NextDouble(), 1.5))))]);
        builder.Write(dir.File("names.segue"));
        return Dataset.Open(dir.File("names.segue"));
    }

    /// <summary>The naive reference: every track each of whose query words (letters and digits,
    /// accents and case ignored) starts some word of its name, its artist's or its album's, most
    /// popular first, ties by id; one page of it.</summary>
    private static IEnumerable<string> Naive(Dataset dataset, TrackPlaylistIndex index, string query, int offset, int limit)
    {
        static string[] Words(string text) => [.. System.Text.RegularExpressions.Regex.Split(Plain(text).Replace("'", ""), @"[^\p{L}\p{N}]+").Where(w => w.Length > 0)];
        static string Plain(string text) => new([.. text.Normalize(System.Text.NormalizationForm.FormD).ToLowerInvariant()
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)]);
        var wanted = Words(query);
        return Enumerable.Range(0, dataset.TrackCount)
            .Where(t =>
            {
                var words = Words(dataset.TrackName(t)).Concat(Words(dataset.ArtistName(dataset.TrackArtists[t]))).Concat(Words(dataset.AlbumName(dataset.TrackAlbums[t])));
                return wanted.Length > 0 && wanted.All(q => words.Any(w => w.StartsWith(q, StringComparison.Ordinal)));
            })
            .OrderByDescending(index.Count).ThenBy(t => t).Skip(offset).Take(limit).Select(dataset.TrackUri);
    }

    [Theory]
    [InlineData("blue", 0, 20)]
    [InlineData("BLUE ", 0, 2)]
    [InlineData("BLUE ", 2, 2)]
    [InlineData("nina", 0, 20)]
    [InlineData("simone", 0, 20)]
    [InlineData("ni", 1, 3)]
    [InlineData("new order", 0, 20)]
    [InlineData("order new", 0, 20)]
    [InlineData("monday", 0, 20)]
    [InlineData("album 1", 0, 20)]
    [InlineData("ça", 0, 20)]
    [InlineData("ca plane", 0, 20)]
    [InlineData("uber", 0, 20)]
    [InlineData("oyster", 0, 20)]
    [InlineData("ñu", 0, 20)]
    [InlineData("zzz", 0, 20)]
    [InlineData("!!!", 0, 20)]
    public void Search_matches_the_naive_reference(string query, int offset, int limit)
    {
        using var dir = new TempDir();
        using var dataset = Build(dir);
        var statistics = TrainingStatistics.Of(dataset);
        var index = statistics.Index;
        var search = new TrackSearch(statistics);
        var page = search.Search(query, offset, limit);
        Assert.Equal(Naive(dataset, index, query, offset, limit), page.Tracks.Select(t => t.Uri));
        bool more = Naive(dataset, index, query, offset + limit, 1).Any();
        Assert.Equal(more ? offset + limit : null, page.NextOffset);
    }

    [Fact]
    public void Pages_follow_each_other_to_the_whole_list()
    {
        using var dir = new TempDir();
        using var dataset = Build(dir);
        var statistics = TrainingStatistics.Of(dataset);
        var index = statistics.Index;
        var search = new TrackSearch(statistics);
        var all = new List<string>();
        for (int? offset = 0; offset is { } o;)
        {
            var page = search.Search("a", o, 2);
            all.AddRange(page.Tracks.Select(t => t.Uri));
            offset = page.NextOffset;
        }
        Assert.Equal(Naive(dataset, index, "a", 0, 100), all);
    }

    [Fact]
    public void Bad_queries_name_the_field()
    {
        using var dir = new TempDir();
        using var dataset = Build(dir);
        var search = new TrackSearch(TrainingStatistics.Of(dataset));
        Assert.Equal("q: must not be empty", Assert.Throws<RequestFieldException>(() => search.Search("  ", 0, 5)).Message);
        Assert.Equal("q: must not be empty", Assert.Throws<RequestFieldException>(() => search.Search(null, 0, 5)).Message);
        Assert.Equal("limit: must be between 1 and 100, got 101", Assert.Throws<RequestFieldException>(() => search.Search("a", 0, 101)).Message);
        Assert.Equal("offset: must be 0 or more, got -1", Assert.Throws<RequestFieldException>(() => search.Search("a", -1, 5)).Message);
        Assert.Equal("q: at most 10 words, got 11", Assert.Throws<RequestFieldException>(() => search.Search("a b c d e f g h i j k", 0, 5)).Message);
    }
}
