using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Segue.Server.Tests;

/// <summary>
/// <c>/openapi/v1.json</c> is a valid OpenAPI document (Microsoft.OpenApi's reader and its rules),
/// and exact: every answer the live server gives, to good requests and bad, has its status among
/// those documented for the operation and a body valid against the documented schema (JSON Schema
/// 2020-12, evaluated by JsonSchema.Net).
/// </summary>
public sealed class OpenApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private async Task<(string Text, JsonObject Json)> Document()
    {
        string text = await server.Client.GetStringAsync("/openapi/v1.json");
        return (text, JsonNode.Parse(text)!.AsObject());
    }

    [Fact]
    public async Task The_document_is_valid_openapi()
    {
        var (text, _) = await Document();
        var read = OpenApiDocument.Parse(text, "json", new OpenApiReaderSettings());
        Assert.Empty(read.Diagnostic!.Errors.Select(e => e.ToString()));
        Assert.Equal("3.1.1", read.Diagnostic.SpecificationVersion switch { OpenApiSpecVersion.OpenApi3_1 => "3.1.1", var v => v.ToString() });
        Assert.Empty(read.Document!.Validate(ValidationRuleSet.GetDefaultRuleSet())!.Select(e => e.ToString()));
    }

    [Fact]
    public async Task Requests_are_described_with_their_types_bounds_and_defaults()
    {
        var (text, json) = await Document();
        // Numbers are numbers: the server refuses "10" for k, so the document may not offer it.
        Assert.DoesNotContain("(?:0|[1-9]", text);
        Assert.DoesNotContain(Types(json), t => t.Contains("string") && (t.Contains("integer") || t.Contains("number")));
        var body = json["paths"]!["/api/continue"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!;
        Assert.True((bool)json["paths"]!["/api/continue"]!["post"]!["requestBody"]!["required"]!);
        Assert.False((bool)body["additionalProperties"]!);
        var k = body["properties"]!["k"]!;
        Assert.Equal(("integer", 1, 500, 50), ((string)k["type"]!, (int)k["minimum"]!, (int)k["maximum"]!, (int)k["default"]!));
        Assert.Equal(250, (int)body["properties"]!["tracks"]!["maxItems"]!);
        Assert.Equal("^spotify:track:.+$", (string)body["properties"]!["tracks"]!["items"]!["pattern"]!);
        Assert.Equal(200, (int)body["properties"]!["title"]!["maxLength"]!);
        Assert.Equal(["book", "cooc", "title", null], body["properties"]!["recommender"]!["enum"]!.AsArray().Select(n => (string?)n));
        Assert.False((bool)body["properties"]!["reasons"]!["default"]!);

        var search = json["paths"]!["/api/tracks"]!["get"]!["parameters"]!.AsArray().ToDictionary(p => (string)p!["name"]!, p => p!);
        Assert.True((bool)search["q"]["required"]!);
        Assert.Equal(("integer", 1, 100, 20), ((string)search["limit"]["schema"]!["type"]!, (int)search["limit"]["schema"]!["minimum"]!,
            (int)search["limit"]["schema"]!["maximum"]!, (int)search["limit"]["schema"]!["default"]!));
        Assert.Equal(("integer", 0), ((string)search["offset"]["schema"]!["type"]!, (int)search["offset"]["schema"]!["minimum"]!));

        // Every response object lists all its members as required: each is always written (null when empty).
        var continuation = json["components"]!["schemas"]!["ContinueResponse"]!;
        Assert.Equal(["recommender", "title_use", "fallback", "unknown", "tracks"], continuation["required"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(["none", "ignored", "unknown", "used"], json["components"]!["schemas"]!["TitleUse"]!["enum"]!.AsArray().Select(n => (string)n!));
        // Every operation can fail on the server's side, and says how.
        foreach (var (path, item) in json["paths"]!.AsObject())
            foreach (var (method, operation) in item!.AsObject())
                if (!path.StartsWith("/health", StringComparison.Ordinal))
                    Assert.True(operation!["responses"]!.AsObject().ContainsKey("500"), $"{method} {path}: no 500");
    }

    public static TheoryData<string, string, string?> Exchanges => new()
    {
        { "GET", "/api/recommenders", null },
        { "GET", "/api/limits", null },
        { "POST", "/api/continue", $$"""{"title": "list 3", "tracks": ["{{ServedData.Uri(1)}}", "spotify:track:nope"], "k": 5, "recommender": "cooc", "reasons": true}""" },
        { "POST", "/api/continue", """{"title": "list 3", "recommender": "title", "k": 3}""" },
        { "POST", "/api/continue", """{"k": 0}""" },
        { "POST", "/api/continue", """{"k": 1, "k": 2}""" },
        { "POST", "/api/continue", "not json" },
        { "POST", "/api/continue", "text/plain:{}" },
        { "POST", "/api/continue", "{\"tracks\": [] " + new string(' ', 70_000) + "}" },
        { "POST", "/api/tracks/lookup", $$"""{"uris": ["{{ServedData.Uri(2)}}", "spotify:track:nope"]}""" },
        { "POST", "/api/tracks/lookup", """{"uris": [7]}""" },
        { "GET", "/api/tracks?q=song&limit=3", null },
        { "GET", "/api/tracks?q=song&limit=3&offset=3000", null },
        { "GET", "/api/tracks?q=", null },
        { "GET", $"/api/tracks/{ServedData.Uri(3)}", null },
        { "GET", "/api/tracks/spotify:track:nope", null },
        { "GET", "/api/tracks/nope", null },
        { "GET", $"/api/tracks/{ServedData.Uri(3)}/similar?k=4&reasons=true", null },
        { "GET", $"/api/tracks/{ServedData.Uri(3)}/similar?k=x", null },
        { "GET", "/api/playlists/1051", null },
        { "GET", "/api/playlists/7", null },
        { "GET", "/api/playlists/x", null },
        { "GET", "/api/stats", null },
        { "GET", "/api/runs", null },
        { "GET", "/runs/report", null },
        { "GET", "/health/live", null },
        { "GET", "/health/ready", null },
    };

    [Theory]
    [MemberData(nameof(Exchanges))]
    public async Task Every_live_answer_is_one_the_document_describes(string method, string url, string? body)
    {
        var (text, json) = await Document();
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
            request.Content = body.StartsWith("text/plain:", StringComparison.Ordinal)
                ? new StringContent(body["text/plain:".Length..], Encoding.UTF8, "text/plain")
                : new StringContent(body, Encoding.UTF8, "application/json");
        var response = await server.Client.SendAsync(request);
        string answer = await response.Content.ReadAsStringAsync();

        string path = url.Split('?')[0];
        var (template, operation) = json["paths"]!.AsObject()
            .Where(p => Matches(p.Key, path)).Select(p => (p.Key, p.Value![method.ToLowerInvariant()]))
            .FirstOrDefault(p => p.Item2 is not null);
        Assert.True(operation is not null, $"{method} {path}: not in the document");
        string status = ((int)response.StatusCode).ToString();
        var documented = operation!["responses"]![status];
        Assert.True(documented is not null, $"{method} {template}: {status} is not documented ({answer})");
        string mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        if (response.StatusCode == HttpStatusCode.NotModified) return;
        var schema = documented!["content"]?[mediaType]?["schema"];
        Assert.True(schema is not null, $"{method} {template} {status}: {mediaType} is not documented");
        if (!mediaType.Contains("json", StringComparison.Ordinal))
        {
            if (schema!["enum"] is JsonArray values) Assert.Contains(answer, values.Select(v => (string)v!));
            return;
        }
        var results = Compile(json, schema!).Evaluate(JsonDocument.Parse(answer).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(results.IsValid, $"{method} {url} {status}: {answer}\n" + string.Join("\n", (results.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))));
    }

    /// <summary>Every type list of the document's schemas.</summary>
    private static IEnumerable<string[]> Types(JsonNode? node) => node switch
    {
        JsonObject o => (o["type"] is JsonArray types ? [types.Select(t => (string)t!).ToArray()] : Enumerable.Empty<string[]>())
            .Concat(o.SelectMany(p => Types(p.Value))),
        JsonArray a => a.SelectMany(Types),
        _ => [],
    };

    private static bool Matches(string template, string path)
    {
        var a = template.Split('/');
        var b = path.Split('/');
        return a.Length == b.Length && a.Zip(b).All(p => p.First.StartsWith('{') || p.First == p.Second);
    }

    /// <summary>The response schema as a standalone JSON Schema: the document's component schemas
    /// as its <c>$defs</c>, which its references then point to.</summary>
    private static JsonSchema Compile(JsonObject document, JsonNode schema)
    {
        var standalone = schema.DeepClone().AsObject();
        standalone["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        standalone["$defs"] = document["components"]!["schemas"]!.DeepClone();
        string text = standalone.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        return JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri($"https://segue.test/{Guid.NewGuid():N}"));
    }
}
