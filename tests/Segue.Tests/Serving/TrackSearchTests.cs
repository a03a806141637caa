using Segue.Data;
using Segue.Retrieval;
using Segue.Serving;

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

    /// <summary>The naive reference: every track whose name or artist's name starts with the query,
    /// case ignored, most popular first, ties by id.</summary>
    private static IEnumerable<string> Naive(Dataset dataset, TrackPlaylistIndex index, string query, int limit) =>
        Enumerable.Range(0, dataset.TrackCount)
            .Where(t => dataset.TrackName(t).StartsWith(query.Trim(), StringComparison.OrdinalIgnoreCase)
                || dataset.ArtistName(dataset.TrackArtists[t]).StartsWith(query.Trim(), StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(index.Count).ThenBy(t => t).Take(limit).Select(dataset.TrackUri);

    [Theory]
    [InlineData("blue", 20)]
    [InlineData("BLUE ", 2)]
    [InlineData("nina", 20)]
    [InlineData("ni", 20)]
    [InlineData("new order", 20)]
    [InlineData("ça", 20)]
    [InlineData("über", 20)]
    [InlineData("ñu", 20)]
    [InlineData("zzz", 20)]
    public void Search_matches_the_naive_reference(string query, int limit)
    {
        using var dir = new TempDir();
        using var dataset = Build(dir);
        var index = TrackPlaylistIndex.Build(dataset);
        var search = new TrackSearch(dataset, index);
        Assert.Equal(Naive(dataset, index, query, limit), search.Search(query, limit).Select(t => t.Uri));
    }

    [Fact]
    public void Bad_queries_name_the_field()
    {
        using var dir = new TempDir();
        using var dataset = Build(dir);
        var search = new TrackSearch(dataset, TrackPlaylistIndex.Build(dataset));
        Assert.Equal("q: must not be empty", Assert.Throws<RequestFieldException>(() => search.Search("  ", 5)).Message);
        Assert.Equal("q: must not be empty", Assert.Throws<RequestFieldException>(() => search.Search(null, 5)).Message);
        Assert.Equal("limit: must be between 1 and 100, got 101", Assert.Throws<RequestFieldException>(() => search.Search("a", 101)).Message);
    }
}
