using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Segue.Data;
using Segue.Serving;

namespace Segue.Server.Tests;

public sealed class ApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private HttpClient Client => server.Client;
    private ContinuationService Service => server.App.Services.GetRequiredService<ContinuationService>();

    private Task<HttpResponseMessage> Post(string json) =>
        Client.PostAsync("/api/continue", new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<JsonNode> Json(HttpResponseMessage response, HttpStatusCode status)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>Asserts an RFC 7807 problem with exactly one field in error, and its message.</summary>
    private static async Task Problem(HttpResponseMessage response, HttpStatusCode status, string field, string message)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Json(response, status);
        Assert.Equal((int)status, (int)problem["status"]!);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal([field], errors.Select(e => e.Key));
        Assert.Equal(message, (string)errors[field]![0]!);
    }

    [Fact]
    public async Task Continue_answers_with_the_ranking_of_the_library_and_the_catalogue_entries()
    {
        var response = await Post($$"""{"title": "mix", "tracks": ["{{ServedData.Uri(0)}}", "spotify:track:nope", "{{ServedData.Uri(9)}}"], "k": 7, "recommender": "book"}""");
        var json = await Json(response, HttpStatusCode.OK);
        var expected = Service.Continue(new ContinuationRequest("mix", [ServedData.Uri(0), "spotify:track:nope", ServedData.Uri(9)], 7, "book"));
        Assert.Equal(7, expected.Tracks.Count);
        Assert.Equal("book", (string)json["recommender"]!);
        Assert.Equal(expected.Tracks.Select(t => t.Uri), Uris(json));
        Assert.Equal(expected.Tracks.Select(t => t.Score), json["tracks"]!.AsArray().Select(t => (float)t!["score"]!));
        Assert.Equal(Enumerable.Range(1, 7), json["tracks"]!.AsArray().Select(t => (int)t!["rank"]!));
        // A recommendation's track is the catalogue's entry, field for field.
        var first = json["tracks"]![0]!["track"]!;
        Assert.Equal(JsonSerializer.Serialize(Service.Track((string)first["uri"]!), ServerJson.Default.CatalogueTrack), first.ToJsonString());
        var track = ServedData.Track(int.Parse(((string)first["uri"]!)["spotify:track:t".Length..]));
        Assert.Equal((track.TrackName, track.ArtistName, track.AlbumName, track.DurationMs),
            ((string)first["name"]!, (string)first["artist"]!, (string)first["album"]!, (int)first["duration_ms"]!));
        Assert.Equal(["spotify:track:nope"], json["unknown"]!.AsArray().Select(u => (string)u!));
        Assert.False((bool)json["fallback"]!);
        Assert.Equal("ignored", (string)json["title_use"]!);   // the book's model reads no title
        Assert.Null(json["tracks"]![0]!["reason"]);             // not asked for
        Assert.DoesNotContain(Uris(json), u => u == ServedData.Uri(0) || u == ServedData.Uri(9));
    }

    [Fact]
    public async Task With_no_known_seed_the_most_popular_tracks_answer_and_fallback_says_so()
    {
        var json = await Json(await Post("""{"tracks": ["spotify:track:nope"], "k": 5}"""), HttpStatusCode.OK);
        Assert.Equal("book", (string)json["recommender"]!);   // the first served
        Assert.True((bool)json["fallback"]!);
        var popular = Service.Popularity.Ranking[..5].ToArray().Select(t => Service.Dataset.TrackUri(t));
        Assert.Equal(popular, Uris(json));

        json = await Json(await Post("""{"title": "only a title", "recommender": "cooc", "k": 3}"""), HttpStatusCode.OK);
        Assert.True((bool)json["fallback"]!);
        Assert.Equal("ignored", (string)json["title_use"]!);
        Assert.Equal(popular.Take(3), Uris(json));
    }

    [Theory]
    [InlineData(null, "none", true)]
    [InlineData("List 7!", "used", false)]       // "list 7" under the MPD's normalisation
    [InlineData("a list", "used", false)]        // a word of it
    [InlineData("zzz qqq", "unknown", true)]
    [InlineData("\ud83c\udf89", "unknown", true)] // an emoji no training title has
    public async Task A_title_model_says_whether_it_knew_the_title_and_falls_back_when_it_did_not(string? title, string use, bool fallback)
    {
        var json = await Json(await Post($$"""{"title": {{(title is null ? "null" : $"\"{title}\"")}}, "recommender": "title", "k": 5}"""), HttpStatusCode.OK);
        Assert.Equal((use, fallback), ((string)json["title_use"]!, (bool)json["fallback"]!));
        if (fallback) Assert.Equal(Service.Popularity.Ranking[..5].ToArray().Select(t => Service.Dataset.TrackUri(t)), Uris(json));
    }

    [Fact]
    public async Task Reasons_name_the_seed_a_track_shares_the_most_training_playlists_with()
    {
        int[] seeds = [2, 5, 11];
        var body = $$"""{"tracks": [{{string.Join(", ", seeds.Select(s => $"\"{ServedData.Uri(s)}\""))}}], "k": 15, "recommender": "cooc", "reasons": true, "title": "list 3"}""";
        var json = await Json(await Post(body), HttpStatusCode.OK);
        var dataset = Service.Dataset;
        var training = dataset.TrainPlaylists.ToArray().Select(p => dataset.PlaylistTracks(p).ToArray().Select(dataset.TrackUri).ToHashSet()).ToList();
        foreach (var rec in json["tracks"]!.AsArray())
        {
            string uri = (string)rec!["track"]!["uri"]!;
            var reason = rec["reason"]!;
            // The naive reference: every training playlist, counted.
            var holding = training.Where(p => p.Contains(uri)).ToList();
            var together = seeds.Select(s => holding.Count(p => p.Contains(ServedData.Uri(s)))).ToArray();
            int best = Array.IndexOf(together, together.Max());
            Assert.Equal(together.Max() == 0 ? null : ServedData.Uri(seeds[best]), (string?)reason["seed"]);
            Assert.Equal(together.Max(), (int)reason["with_seed"]!);
            Assert.Equal(holding.Count(p => seeds.Any(s => p.Contains(ServedData.Uri(s)))), (int)reason["with_seeds"]!);
            Assert.Equal(0, (int)reason["with_title"]!);   // co-occurrence ignores the title: no title reason
            Assert.False((bool)reason["estimated"]!);
        }
        Assert.Contains(json["tracks"]!.AsArray(), rec => rec!["reason"]!["seed"] is not null);

        json = await Json(await Post("""{"title": "list 3", "k": 5, "recommender": "title", "reasons": true}"""), HttpStatusCode.OK);
        var titled = dataset.TrainPlaylists.ToArray().Where(p => dataset.PlaylistName(p) == "list 3").Select(p => dataset.PlaylistTracks(p).ToArray().Select(dataset.TrackUri).ToHashSet()).ToList();
        Assert.All(json["tracks"]!.AsArray(), rec => Assert.Equal(titled.Count(p => p.Contains((string)rec!["track"]!["uri"]!)), (int)rec!["reason"]!["with_title"]!));
        Assert.Contains(json["tracks"]!.AsArray(), rec => (int)rec!["reason"]!["with_title"]! > 0);
    }

    [Fact]
    public async Task Recommenders_are_described_by_what_they_read()
    {
        var json = await Json(await Client.GetAsync("/api/recommenders"), HttpStatusCode.OK);
        Assert.Equal(["book", "cooc", "title"], json.AsArray().Select(r => (string)r!["name"]!));
        Assert.Equal(["model", "cooccurrence", "title"], json.AsArray().Select(r => (string)r!["kind"]!));
        Assert.Equal(["seeds", "seeds", "title"], json.AsArray().Select(r => (string)r!["uses"]!));
        Assert.All(json.AsArray(), r => Assert.False(string.IsNullOrWhiteSpace((string)r!["description"]!)));
        // A model's source is its folder's name, not where it lies on this machine.
        Assert.Equal(["book", "baseline:cooccurrence", "baseline:title"], json.AsArray().Select(r => (string)r!["source"]!));
    }

    [Fact]
    public async Task Limits_are_those_the_server_enforces()
    {
        var json = await Json(await Client.GetAsync("/api/limits"), HttpStatusCode.OK);
        Assert.Equal((250, 500, 200, 100, 65536), ((int)json["max_tracks"]!, (int)json["max_k"]!, (int)json["max_title_length"]!,
            (int)json["max_search_limit"]!, (int)json["max_body_bytes"]!));
    }

    [Fact]
    public async Task Tracks_are_looked_up_many_at_once_in_the_order_given()
    {
        var response = await Client.PostAsync("/api/tracks/lookup", new StringContent(
            $$"""{"uris": ["{{ServedData.Uri(7)}}", "spotify:track:nope", "{{ServedData.Uri(3)}}"]}""", Encoding.UTF8, "application/json"));
        var json = await Json(response, HttpStatusCode.OK);
        Assert.Equal([ServedData.Uri(7), ServedData.Uri(3)], json["tracks"]!.AsArray().Select(t => (string)t!["uri"]!));
        Assert.Equal(["spotify:track:nope"], json["unknown"]!.AsArray().Select(u => (string)u!));
        await Problem(await Client.PostAsync("/api/tracks/lookup", new StringContent("""{"uris": ["x"]}""", Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest, "uris[0]", "expected a spotify:track: URI, got \"x\"");
        var many = string.Join(", ", Enumerable.Repeat($"\"{ServedData.Uri(1)}\"", 251));
        await Problem(await Client.PostAsync("/api/tracks/lookup", new StringContent($$"""{"uris": [{{many}}]}""", Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest, "uris", "at most 250 URIs, got 251");
    }

    private static IEnumerable<string> Uris(JsonNode continuation) => continuation["tracks"]!.AsArray().Select(t => (string)t!["track"]!["uri"]!);

    [Theory]
    [InlineData("""{"tracks": ["spotify:track:t1", "spotify:track:t2", "spotify:track:t3", "spotify:album:x"]}""", "tracks[3]", "expected a spotify:track: URI, got \"spotify:album:x\"")]
    [InlineData("""{"tracks": ["spotify:track:"]}""", "tracks[0]", "expected a spotify:track: URI, got \"spotify:track:\"")]
    [InlineData("""{"tracks": [null]}""", "tracks[0]", "expected a spotify:track: URI, got null")]
    [InlineData("""{"tracks": [7]}""", "tracks[0]", "wrong JSON type (the schema is in /openapi/v1.json)")]
    [InlineData("""{"tracks": [], "k": 0}""", "k", "must be between 1 and 500, got 0")]
    [InlineData("""{"tracks": [], "k": 501}""", "k", "must be between 1 and 500, got 501")]
    [InlineData("""{"k": "ten"}""", "k", "wrong JSON type (the schema is in /openapi/v1.json)")]
    [InlineData("""{"tracks": "spotify:track:t1"}""", "tracks", "wrong JSON type (the schema is in /openapi/v1.json)")]
    [InlineData("""{"recommender": "nope"}""", "recommender", "unknown recommender 'nope' (served: book, cooc, title)")]
    [InlineData("""{"seeds": []}""", "seeds", "not a field of this request (the fields: title, tracks, k, recommender, reasons)")]
    [InlineData("""{"k": 5, "k": 6}""", "k", "given twice")]
    [InlineData("""{"k": "10"}""", "k", "wrong JSON type (the schema is in /openapi/v1.json)")]
    [InlineData("""{"reasons": 1}""", "reasons", "wrong JSON type (the schema is in /openapi/v1.json)")]
    [InlineData("""{"tracks": [""", "body", "not valid JSON: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed. (byte 12 of line 1)")]
    [InlineData("""not json""", "body", "not valid JSON: 'not json' is an invalid JSON literal. Expected the literal 'null'. (byte 1 of line 1)")]
    [InlineData("""{"k": 5} {}""", "body", "not valid JSON: '{' is invalid after a single JSON value. Expected end of data. (byte 9 of line 1)")]
    [InlineData("""[1]""", "body", "expected a JSON object")]
    [InlineData("""null""", "body", "expected a JSON object, got null")]
    public async Task A_bad_request_is_a_400_problem_naming_the_field(string body, string field, string message) =>
        await Problem(await Post(body), HttpStatusCode.BadRequest, field, message);

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_problem_naming_the_body()
    {
        var response = await Client.PostAsync("/api/continue", new StringContent("""{"k": 5}""", Encoding.UTF8, "text/plain"));
        await Problem(response, HttpStatusCode.UnsupportedMediaType, "body", "expected Content-Type application/json, got 'text/plain; charset=utf-8'");
        Assert.Equal("Unsupported Media Type", (string)JsonNode.Parse(await (await Client.PostAsync("/api/continue",
            new StringContent("{}", Encoding.UTF8, "text/plain"))).Content.ReadAsStringAsync())!["title"]!);
    }

    [Fact]
    public async Task Too_many_seeds_and_too_long_a_title_are_refused()
    {
        var tracks = string.Join(", ", Enumerable.Range(0, ContinuationLimits.Server.MaxTracks + 1).Select(i => $"\"{ServedData.Uri(i % ServedData.Tracks)}\""));
        await Problem(await Post($$"""{"tracks": [{{tracks}}]}"""), HttpStatusCode.BadRequest, "tracks", "at most 250 tracks, got 251");
        await Problem(await Post($$"""{"title": "{{new string('x', 201)}}"}"""), HttpStatusCode.BadRequest, "title", "longer than 200 characters");
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem_naming_the_body()
    {
        string padding = new(' ', ServeOptions.MaxBodyBytes);
        var response = await Post($$"""{"tracks": []{{padding}}}""");
        string body = await response.Content.ReadAsStringAsync();
        await Problem(response, HttpStatusCode.RequestEntityTooLarge, "body", "the request body is over the limit of 65,536 bytes");
        Assert.Equal("Payload Too Large", (string)JsonNode.Parse(body)!["title"]!);
    }

    [Fact]
    public async Task Parallel_requests_give_the_answers_of_sequential_ones()
    {
        var bodies = Enumerable.Range(0, 48).Select(i =>
            $$"""{"tracks": ["{{ServedData.Uri(i)}}", "{{ServedData.Uri((i * 7 + 3) % ServedData.Tracks)}}", "{{ServedData.Uri((i * 13 + 5) % ServedData.Tracks)}}"], "k": 20, "recommender": "{{(i % 2 == 0 ? "book" : "cooc")}}"}""").ToArray();
        var sequential = new List<string>();
        foreach (var body in bodies) sequential.Add(await (await Post(body)).Content.ReadAsStringAsync());
        var parallel = await Task.WhenAll(bodies.Select(async body =>
        {
            await Task.Yield();
            return await (await Post(body)).Content.ReadAsStringAsync();
        }));
        Assert.Equal(sequential, parallel);
        Assert.All(sequential, s => Assert.StartsWith("{\"recommender\":", s));
        // Scratch comes from the pool: never one a request.
        Assert.InRange(Service.Recommender("book").ScratchCreated, 1, ServedRecommender.MaxConcurrentQueries);
    }

    [Fact]
    public async Task Search_finds_tracks_by_any_word_of_track_artist_or_album_a_page_at_a_time()
    {
        var json = await Json(await Client.GetAsync("/api/tracks?q=%20SIMONE%20ni&limit=50"), HttpStatusCode.OK);
        var artists = json["tracks"]!.AsArray().Select(t => (string)t!["artist"]!).ToList();
        Assert.Equal(7, artists.Count);   // tracks 21..27: artist 3
        Assert.All(artists, a => Assert.Equal(ServedData.ArtistThree, a));
        Assert.Null(json["next_offset"]);

        // Every track is on an "Album n": "album 12" is every track with a word starting "12" in its name,
        // artist or album, so tracks 36..38 (on Album 12) among them.
        json = await Json(await Client.GetAsync("/api/tracks?q=album%2012&limit=100"), HttpStatusCode.OK);
        var found = json["tracks"]!.AsArray().Select(t => $"{t!["name"]} / {t["artist"]} / {t["album"]}").ToList();
        Assert.Contains("Song 36 / Artist 5 / Album 12", found);
        Assert.All(found, f => Assert.Contains(" 12", f));
        Assert.Equal(found.Count, found.Distinct().Count());

        var first = await Json(await Client.GetAsync("/api/tracks?q=song&limit=4"), HttpStatusCode.OK);
        var second = await Json(await Client.GetAsync("/api/tracks?q=song&limit=4&offset=4"), HttpStatusCode.OK);
        var both = await Json(await Client.GetAsync("/api/tracks?q=song&limit=8"), HttpStatusCode.OK);
        Assert.Equal(4, (int)first["next_offset"]!);
        Assert.Equal(both["tracks"]!.AsArray().Select(t => (string)t!["uri"]!),
            first["tracks"]!.AsArray().Concat(second["tracks"]!.AsArray()).Select(t => (string)t!["uri"]!));
        var counts = both["tracks"]!.AsArray().Select(t => (int)t!["playlists"]!).ToList();
        Assert.Equal(counts.OrderDescending(), counts);

        json = await Json(await Client.GetAsync("/api/tracks?q=qqq"), HttpStatusCode.OK);
        Assert.Empty(json["tracks"]!.AsArray());
        Assert.Null(json["next_offset"]);
    }

    [Theory]
    [InlineData("/api/tracks", "q", "must not be empty")]
    [InlineData("/api/tracks?q=%20", "q", "must not be empty")]
    [InlineData("/api/tracks?q=a&limit=0", "limit", "must be between 1 and 100, got 0")]
    [InlineData("/api/tracks?q=a&limit=ten", "limit", "expected a whole number, got \"ten\"")]
    [InlineData("/api/tracks?q=a&offset=-1", "offset", "must be 0 or more, got -1")]
    [InlineData("/api/tracks/spotify:track:t1/similar?reasons=yes", "reasons", "expected true or false, got \"yes\"")]
    [InlineData("/api/tracks/t1", "uri", "expected a spotify:track: URI, got \"t1\"")]
    [InlineData("/api/tracks/spotify:track:t1/similar?k=0", "k", "must be between 1 and 500, got 0")]
    [InlineData("/api/tracks/spotify:track:t1/similar?recommender=x", "recommender", "unknown recommender 'x' (served: book, cooc, title)")]
    [InlineData("/api/playlists/first", "pid", "expected a whole number, got \"first\"")]
    public async Task A_bad_query_is_a_400_problem_naming_the_field(string url, string field, string message) =>
        await Problem(await Client.GetAsync(url), HttpStatusCode.BadRequest, field, message);

    [Theory]
    [InlineData("/api/tracks/spotify:track:nope", "uri: spotify:track:nope: not in the catalogue")]
    [InlineData("/api/tracks/spotify:track:nope/similar", "uri: spotify:track:nope: not in the catalogue")]
    [InlineData("/api/playlists/7", "pid: no playlist 7 in the dataset")]
    public async Task What_does_not_exist_is_a_404_problem(string url, string detail)
    {
        var problem = await Json(await Client.GetAsync(url), HttpStatusCode.NotFound);
        Assert.Equal(detail, (string)problem["detail"]!);
    }

    [Fact]
    public async Task A_track_and_its_similar_tracks()
    {
        var json = await Json(await Client.GetAsync($"/api/tracks/{ServedData.Uri(4)}"), HttpStatusCode.OK);
        var track = ServedData.Track(4);
        Assert.Equal((track.TrackUri, track.TrackName, track.ArtistUri, track.ArtistName, track.AlbumName, track.DurationMs),
            ((string)json["uri"]!, (string)json["name"]!, (string)json["artist_uri"]!, (string)json["artist"]!, (string)json["album"]!, (int)json["duration_ms"]!));
        Assert.Equal(Service.Statistics.Count(Service.Dataset.TryGetTrack(track.TrackUri, out int id) ? id : -1), (int)json["playlists"]!);

        json = await Json(await Client.GetAsync($"/api/tracks/{ServedData.Uri(4)}/similar?k=6&recommender=cooc&reasons=true"), HttpStatusCode.OK);
        var expected = Service.Continue(new ContinuationRequest(null, [ServedData.Uri(4)], 6, "cooc"));
        Assert.Equal(expected.Tracks.Select(t => t.Uri), Uris(json));
        Assert.All(json["tracks"]!.AsArray(), t => Assert.Equal(ServedData.Uri(4), (string?)t!["reason"]!["seed"]));
    }

    [Fact]
    public async Task A_playlist_of_the_dataset_by_pid()
    {
        var json = await Json(await Client.GetAsync("/api/playlists/1051"), HttpStatusCode.OK);
        var dataset = Service.Dataset;
        int playlist = Enumerable.Range(0, dataset.PlaylistCount).Single(p => dataset.Pids[p] == 1051);
        Assert.Equal("list 51", (string)json["name"]!);
        Assert.Equal("test", (string)json["split"]!);   // slice 1 of every two is held out
        Assert.Equal(5, (int)json["evaluation_seeds"]!);
        Assert.Equal(dataset.PlaylistTracks(playlist).ToArray().Select(dataset.TrackUri), json["tracks"]!.AsArray().Select(t => (string)t!["uri"]!));
        var train = await Json(await Client.GetAsync("/api/playlists/1000"), HttpStatusCode.OK);
        Assert.Equal("train", (string)train["split"]!);
        Assert.Null(train["evaluation_seeds"]);
    }

    [Fact]
    public async Task Stats_are_the_datasets_figures()
    {
        var json = await Json(await Client.GetAsync("/api/stats"), HttpStatusCode.OK);
        var expected = DatasetStats.Compute(Service.Dataset);
        Assert.Equal(expected.Playlists, (int)json["playlists"]!);
        Assert.Equal(expected.UniqueTracks, (int)json["unique_tracks"]!);
        Assert.Equal(expected.LengthHistogram.Select(b => b.Playlists), json["length_histogram"]!.AsArray().Select(b => (int)b!["playlists"]!));
    }

    [Fact]
    public async Task Runs_are_listed_with_their_final_metrics_and_reported_as_segue_report_does()
    {
        var json = await Json(await Client.GetAsync("/api/runs"), HttpStatusCode.OK);
        var run = json["runs"]!.AsArray().Single()!;
        Assert.Equal(("book", "complete", 400L), ((string)run["name"]!, (string)run["status"]!, (long)run["steps"]!));
        // Relative to the runs folder, which is named, not located.
        Assert.Equal(("runs", "book"), ((string)json["folder"]!, (string)run["path"]!));
        Assert.Equal("20 held-out playlists of the test split", (string)run["evaluated_on"]!);
        Assert.DoesNotContain(server.Data.Folder, json.ToJsonString());
        Assert.True(run["metrics"]!.AsObject().ContainsKey("track_recall@500"));

        var report = await Client.GetAsync("/runs/report");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        string html = await report.Content.ReadAsStringAsync();
        var comparison = new Runs.RunComparison(Runs.RunRecord.Find(server.Data.RunsFolder));
        // The page's report is the library's, byte for byte but for the time it was written, without
        // the machine and the paths.
        Assert.Equal(Strip(Runs.Reports.HtmlReport.Render(comparison, machineDetails: false)), Strip(html));
        Assert.DoesNotContain(server.Data.Folder, html);
        Assert.DoesNotContain(Environment.ProcessorCount + " cores", html);
        Assert.Contains("<h2>Final metrics</h2>", html);
        Assert.Contains("data:image/png;base64,", html);
    }

    private static string Strip(string html) => System.Text.RegularExpressions.Regex.Replace(html, "<p>Written [^<]*</p>", "");

    [Fact]
    public async Task Health_openapi_and_the_page()
    {
        Assert.Equal("Healthy", await (await Client.GetAsync("/health/live")).Content.ReadAsStringAsync());
        Assert.Equal("Healthy", await (await Client.GetAsync("/health/ready")).Content.ReadAsStringAsync());

        var openApi = await Json(await Client.GetAsync("/openapi/v1.json"), HttpStatusCode.OK);
        var paths = openApi["paths"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);
        Assert.Equal(["/api/continue", "/api/limits", "/api/playlists/{pid}", "/api/recommenders", "/api/runs", "/api/stats", "/api/tracks",
            "/api/tracks/lookup", "/api/tracks/{uri}", "/api/tracks/{uri}/similar", "/health/live", "/health/ready", "/runs/report"], paths);
        Assert.NotNull(openApi["paths"]!["/api/continue"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]);

        var page = await Client.GetAsync("/");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Segue: playlist continuation</title>", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/app.js")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/nothing-here")).StatusCode);
    }
}
