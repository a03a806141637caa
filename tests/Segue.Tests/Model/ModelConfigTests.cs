using Segue.Model;

namespace Segue.Tests.Model;

public class ModelConfigTests
{
    public static TheoryData<ModelConfig, string> OutOfRange => new()
    {
        { new ModelConfig { NumNegatives = 1_000_000_000 }, "num_negatives 1000000000: must be between 1 and 4096" },
        { new ModelConfig { NumNegatives = 0 }, "num_negatives 0: must be between 1 and 4096" },
        { new ModelConfig { AlbumBuckets = 2_000_000_000 }, "album_buckets 2000000000: must be at most 67108862 at feature_size 32: a table holds at most 2147483591 values" },
        { new ModelConfig { TrackBuckets = 100_000_000 }, "track_buckets 100000000: must be at most 33554431 at feature_size 32: a table holds at most 2147483591 values" },
        { new ModelConfig { ContextLength = 5000, MinLength = 6000 }, "context_length 5000: must be between 1 and 1024" },
        { new ModelConfig { LearningRate = float.NaN }, "learning_rate NaN: must be finite and positive" },
        { new ModelConfig { LearningRate = float.PositiveInfinity }, "learning_rate Infinity: must be finite and positive" },
        { new ModelConfig { Reg = -1 }, "reg -1: must be finite and >= 0" },
        { new ModelConfig { Weights = new LossWeights(MeanTriplet: float.NaN) }, "weights.mean_triplet NaN: must be finite and >= 0" },
        { new ModelConfig { Momentum = 1 }, "momentum 1: must be in [0, 1)" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void An_out_of_range_setting_is_refused_naming_its_key(ModelConfig config, string message) =>
        Assert.Equal(message, Assert.Throws<SettingException>(config.Validate).Message);

    [Fact]
    public void The_command_line_words_the_same_error_with_its_option()
    {
        var e = Assert.Throws<SettingException>(new ModelConfig { NumNegatives = -3 }.Validate);
        Assert.Equal("num_negatives", e.Key);
        Assert.Equal("--num-negatives -3: must be between 1 and 4096", e.WordedAs("--num-negatives"));
    }
}
