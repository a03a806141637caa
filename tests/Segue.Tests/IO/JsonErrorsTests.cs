using System.Text.Json;
using System.Text.Json.Nodes;
using Segue.IO;
using Segue.Model;
using Segue.Ranking;
using Segue.Runs;

namespace Segue.Tests.IO;

/// <summary>What the serializer says of a file that does not read, worded without .NET type names.</summary>
public class JsonErrorsTests
{
    private static readonly JsonSerializerOptions Options = new(ModelConfig.Json) { RespectRequiredConstructorParameters = true };

    private static string Describe<T>(string json) =>
        JsonErrors.Describe(Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<T>(json, Options)));

    [Fact]
    public void A_field_of_the_wrong_type_says_the_json_expected()
    {
        Assert.Equal("depth: expected an integer", Describe<RankerOptions>("""{"depth": "x"}"""));
        Assert.Equal("depth: expected an integer", Describe<RankerOptions>("""{"depth": 1.5}"""));
        Assert.Equal("weights.reg: expected a number", Describe<ModelConfig>("""{"weights": {"reg": true}}"""));
        Assert.Equal("hard_negatives: expected a number", Describe<RankerOptions>("""{"hard_negatives": "x"}"""));
        Assert.Equal("model: expected a string", Describe<RankerOptions>("""{"model": 3}"""));
        Assert.Equal("generators: expected an object", Describe<RankerOptions>("""{"generators": 3}"""));
        Assert.Equal("expected an object", Describe<RankerOptions>("[1]"));
        Assert.Equal("optimizer: expected one of sgd, adam, rms_prop, adagrad", Describe<ModelConfig>("""{"optimizer": "nope"}"""));
        Assert.Equal("seed: expected an integer", Describe<ModelConfig>("""{"seed": -1}"""));
        const string Summary = """{"status": "complete", "steps": 1, "wall_seconds": 1, "finished": FINISHED, "metrics": METRICS}""";
        Assert.Equal("finished: expected a date and time", Describe<RunSummary>(Summary.Replace("FINISHED", "\"x\"").Replace("METRICS", "{}")));
        Assert.Equal("metrics.a: expected a number", Describe<RunSummary>(Summary.Replace("FINISHED", "\"2020-01-01T00:00:00Z\"").Replace("METRICS", """{"a": "b"}""")));
        Assert.Equal("metrics: expected an object", Describe<RunSummary>(Summary.Replace("FINISHED", "\"2020-01-01T00:00:00Z\"").Replace("METRICS", "[]")));
    }

    [Fact]
    public void Unknown_and_missing_fields_and_broken_json_are_named()
    {
        Assert.Equal("nope: not a field here", Describe<RankerOptions>("""{"nope": 3}"""));
        Assert.Equal("missing 'status', 'wall_seconds', 'finished', 'metrics'", Describe<RunSummary>("""{"steps": 1}"""));
        Assert.Equal("not valid JSON at line 1, byte 10: '}' is an invalid start of a value", Describe<RankerOptions>("""{"depth": }"""));
    }

    [Fact]
    public void A_node_read_as_the_wrong_kind_says_what_it_is()
    {
        var node = JsonNode.Parse("""{"rows": "x", "name": 1}""")!;
        Assert.Equal("a string where an integer belongs", JsonErrors.Describe(Assert.ThrowsAny<Exception>(() => (int)node["rows"]!)));
        Assert.Equal("a number where a string belongs", JsonErrors.Describe(Assert.ThrowsAny<Exception>(() => (string)node["name"]!)));
        Assert.Equal("expected a JSON array", JsonErrors.Describe(Assert.ThrowsAny<Exception>(() => node["rows"]!.AsArray())));
        Assert.Equal("a field is missing", JsonErrors.Describe(Assert.ThrowsAny<Exception>(() => (int)node["missing"]!)));
    }
}
