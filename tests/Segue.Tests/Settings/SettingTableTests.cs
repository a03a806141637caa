using System.Text.Json;
using Segue.Data;
using Segue.Data.Synth;
using Segue.Evaluation;
using Segue.Factorisation;
using Segue.Model;
using Segue.Ranking;
using Segue.Retrieval;
using Segue.Runs;
using Segue.Settings;
using Segue.Training;

namespace Segue.Tests.Settings;

public class SettingTableTests
{
    /// <summary>Every settings record of a job.</summary>
    public static TheoryData<Type> Records => new()
    {
        typeof(IngestOptions), typeof(SynthOptions), typeof(ModelConfig), typeof(TrainerOptions), typeof(SweepOptions),
        typeof(RankerOptions), typeof(GeneratorSettings), typeof(EvaluationOptions),
    };

    [Theory]
    [MemberData(nameof(Records))]
    public void Every_table_has_distinct_keys_and_options_help_and_defaults_in_range(Type record)
    {
        var table = SettingTable.Of(record);
        Assert.NotEmpty(table.All);
        Assert.Equal(table.All.Count, table.All.Select(s => s.Key).Distinct().Count());
        Assert.Equal(table.All.Count, table.All.Select(s => s.Option).Distinct().Count());
        foreach (var setting in table.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(setting.Help), setting.Key);
            Assert.Matches("^[a-z][a-z0-9-]*$", setting.Option);
            setting.Check(setting.Default);
        }
    }

    [Fact]
    public void Nested_records_contribute_their_settings_under_their_own_keys()
    {
        var keys = SettingTable.Of<RankerOptions>().All.Select(s => s.Key).ToList();
        Assert.Equal(["cooccurrence_a", "cooccurrence_b", "cooccurrence_max_playlists_per_seed", "pknn_k", "pknn_rho", "pknn_alpha", "pknn_max_playlists_per_seed",
            "title_token_weight", "title_max_playlists", "als_factors", "als_iterations", "als_alpha", "als_regularization", "als_seed", "depth"], keys.Take(15));
        Assert.Contains("weights.negative_self", SettingTable.Of<ModelConfig>().All.Select(s => s.Key));
    }

    [Fact]
    public void One_wording_for_every_range()
    {
        string Requirement<T>(string key) => SettingTable.Of<T>().Find(key)!.Requirement;
        Assert.Equal("between 1 and 4096", Requirement<ModelConfig>("feature_size"));
        Assert.Equal("0 (one row per album) or positive", Requirement<ModelConfig>("album_buckets"));
        Assert.Equal("finite and >= 0", Requirement<ModelConfig>("reg"));
        Assert.Equal("finite and positive", Requirement<ModelConfig>("learning_rate"));
        Assert.Equal("in [0, 1)", Requirement<ModelConfig>("momentum"));
        Assert.Equal("positive", Requirement<TrainerOptions>("steps"));
        Assert.Equal("0 (never) or positive", Requirement<TrainerOptions>("eval_every"));
        Assert.Equal("positive and at most 1", Requirement<RankerOptions>("learning_rate"));
        Assert.Equal("at least 10 (one per category)", Requirement<RankerOptions>("validation_cases"));
        Assert.Equal("at least 2", Requirement<RankerOptions>("evaluate_every"));
        Assert.Equal("", Requirement<ModelConfig>("optimizer"));
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void A_number_that_is_not_finite_is_out_of_every_range(float value)
    {
        var reg = SettingTable.Of<ModelConfig>().Find("reg")!;
        var e = Assert.Throws<SettingException>(() => reg.Check(value));
        Assert.Equal($"reg {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}: must be finite and >= 0", e.Message);
    }

    [Fact]
    public void Null_is_the_default_of_a_setting_that_may_be_left_out()
    {
        var threads = SettingTable.Of<IngestOptions>().Find("threads")!;
        Assert.Null(threads.Default);
        threads.Check(null);
        Assert.Equal("threads 0: must be between 1 and 1024", Assert.Throws<SettingException>(() => threads.Check(0)).Message);
    }

    [Fact]
    public void A_setting_is_set_in_a_copy_however_deep_it_sits()
    {
        var table = SettingTable.Of<RankerOptions>();
        var original = new RankerOptions();
        var changed = table.With(original, table.Find("als_factors")!, 8);
        Assert.Equal(8, changed.Generators.Als.Factors);
        Assert.Equal(new AlsSettings().Factors, original.Generators.Als.Factors);
        Assert.Equal(original.Depth, changed.Depth);
    }

    [Fact]
    public void The_generators_keep_one_flat_object_of_keys_in_config_files()
    {
        var settings = new GeneratorSettings { PlaylistKnn = new() { K = 7 }, Als = new(Factors: 8) };
        var json = JsonSerializer.Serialize(settings, ModelConfig.Json);
        Assert.StartsWith("{\n  \"cooccurrence_a\": 0.3,\n  \"cooccurrence_b\": 0.3,\n  \"cooccurrence_max_playlists_per_seed\": 5000,\n  \"pknn_k\": 7,", json);
        Assert.Equal(settings, JsonSerializer.Deserialize<GeneratorSettings>(json, ModelConfig.Json));
        Assert.Equal(new GeneratorSettings { Title = new() { MaxPlaylists = 3 } },
            JsonSerializer.Deserialize<GeneratorSettings>("""{ "title_max_playlists": 3 }""", ModelConfig.Json));
        // A config saved before playlist kNN had a bound reads as it was fitted: every playlist.
        Assert.Equal(0, JsonSerializer.Deserialize<GeneratorSettings>("""{ "pknn_k": 4000 }""", ModelConfig.Json)!.PlaylistKnn.MaxPlaylistsPerSeed);
        Assert.Equal("pknn_kk: not a field here",
            Assert.Throws<SegueException>(() => JsonSerializer.Deserialize<GeneratorSettings>("""{ "pknn_kk": 3 }""", ModelConfig.Json)).Message);
        Assert.Equal("pknn_k: expected an integer",
            Assert.Throws<SegueException>(() => JsonSerializer.Deserialize<GeneratorSettings>("""{ "pknn_k": "many" }""", ModelConfig.Json)).Message);
    }
}
