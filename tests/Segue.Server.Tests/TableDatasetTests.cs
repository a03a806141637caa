using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Segue.Data;
using Segue.Serving;

namespace Segue.Server.Tests;

/// <summary>A dataset read from a playlist table: ids that are no Spotify URIs (commas, spaces,
/// slashes) are taken and shown as they are by the API and described as such by its document.</summary>
public sealed class TableDatasetTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("segue-table-test-").FullName;
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public static string Id(int track) => $"isrc/{track}, take 2";

    /// <summary>A table dataset of 200 playlists over 60 tracks (ids by <see cref="Id"/>), every other slice held out.</summary>
    public static string Build(string folder)
    {
        string path = Path.Combine(folder, "table.segue");
        var builder = new DatasetBuilder(testEvery: 2, testOffset: 1, format: DatasetMeta.Table);
        var random = new Random(3);
        for (int p = 0; p < 200; p++)
            builder.AddPlaylist(p, $"mix {p % 5}", p / 20, [.. Enumerable.Range(0, 12).Select(_ => random.Next(60))
                .Select(t => new TrackRecord(Id(t), $"album {t / 4}", $"artist {t / 8}", $"Song {t}", $"Album {t / 4}", $"Artist {t / 8}", 200_000))]);
        builder.Write(path);
        return path;
    }

    public async Task InitializeAsync()
    {
        var options = new ServeOptions([RecommenderSpec.Parse("cooc=baseline:cooccurrence", "model")], Build(_folder));
        _app = SegueServer.Build(options, builder => builder.WebHost.UseTestServer());
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    [Fact]
    public async Task Any_id_is_a_seed_and_shown_as_it_is()
    {
        var response = await _client.PostAsync("/api/continue",
            new StringContent($$"""{"tracks": ["{{Id(1)}}", "{{Id(2)}}", "not there"], "k": 5}""", Encoding.UTF8, "application/json"));
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, json["tracks"]!.AsArray().Count);
        Assert.All(json["tracks"]!.AsArray(), t => Assert.Matches(@"^isrc/\d+, take 2$", (string)t!["track"]!["uri"]!));
        Assert.Equal(["not there"], json["unknown"]!.AsArray().Select(u => (string)u!));

        var got = await _client.GetAsync($"/api/tracks/{Uri.EscapeDataString(Id(7))}");
        Assert.True(got.IsSuccessStatusCode, await got.Content.ReadAsStringAsync());
        var track = JsonNode.Parse(await got.Content.ReadAsStringAsync());
        Assert.Equal((Id(7), "Song 7"), ((string)track!["uri"]!, (string)track["name"]!));
        var lookup = await _client.PostAsJsonAsync("/api/tracks/lookup", new { uris = new[] { Id(3), "spotify:track:x" } });
        var found = JsonNode.Parse(await lookup.Content.ReadAsStringAsync())!;
        Assert.Equal([Id(3)], found["tracks"]!.AsArray().Select(t => (string)t!["uri"]!));
        Assert.Equal(["spotify:track:x"], found["unknown"]!.AsArray().Select(u => (string)u!));
    }

    [Fact]
    public async Task An_empty_id_is_refused_naming_the_field()
    {
        var response = await _client.PostAsync("/api/continue", new StringContent("""{"tracks": ["a", ""]}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("expected a track id, got \"\"", (string)problem["errors"]!["tracks[1]"]![0]!);
        response = await _client.PostAsJsonAsync("/api/tracks/lookup", new { uris = new string?[] { null } });
        problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("expected a track id, got null", (string)problem["errors"]!["uris[0]"]![0]!);
    }

    [Fact]
    public async Task The_document_asks_for_ids_not_spotify_uris()
    {
        var document = JsonNode.Parse(await _client.GetStringAsync("/openapi/v1.json"))!;
        var items = document["paths"]!["/api/continue"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!["properties"]!["tracks"]!["items"]!;
        Assert.Null(items["pattern"]);
        Assert.Equal(1, (int)items["minLength"]!);
        var uri = document["paths"]!["/api/tracks/{uri}"]!["get"]!["parameters"]!.AsArray().Single(p => (string)p!["name"]! == "uri")!;
        Assert.Equal(1, (int)uri["schema"]!["minLength"]!);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
