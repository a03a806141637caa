using Segue.Model;
using Segue.Runs;
using Segue.Training;

namespace Segue.Tests.Runs;

public class SweepGridTests
{
    [Fact]
    public void Every_combination_is_named_after_its_settings_first_key_slowest()
    {
        var points = SweepGrid.Combinations(["optimizer=sgd,adam", "feature_size=16,32,64"]);
        Assert.Equal(
        [
            "optimizer=sgd,feature_size=16", "optimizer=sgd,feature_size=32", "optimizer=sgd,feature_size=64",
            "optimizer=adam,feature_size=16", "optimizer=adam,feature_size=32", "optimizer=adam,feature_size=64",
        ], points.Select(p => p.Name));
        Assert.Equal([("optimizer", "adam"), ("feature_size", "32")], points[4].Settings);
    }

    [Theory]
    [InlineData(new string[0], "grid: none given; a sweep needs at least one, e.g. optimizer=sgd,adam")]
    [InlineData(new[] { "optimizer=" }, "grid optimizer=: no values")]
    [InlineData(new[] { "feature_size=16,16" }, "grid feature_size=16,16: 16 is listed twice")]
    [InlineData(new[] { "seed=1", "seed=2" }, "grid seed: given twice; list all its values at once")]
    [InlineData(new[] { "sgd,adam" }, "grid sgd,adam: expected KEY=VALUE,VALUE,...")]
    [InlineData(new[] { "feature_size=8,,16" }, "grid feature_size=8,,16: an empty value")]
    [InlineData(new[] { "feature_size=8," }, "grid feature_size=8,: an empty value")]
    public void Bad_grids_are_refused(string[] grid, string message) =>
        Assert.Equal(message, Assert.Throws<SettingException>(() => SweepGrid.Combinations(grid)).Message);

    [Fact]
    public void A_shared_setting_that_is_also_a_grid_key_or_given_twice_is_refused()
    {
        var points = SweepGrid.Combinations(["feature_size=8,16"]);
        Assert.Equal("set feature_size: also a grid key; give it in one of them",
            Assert.Throws<SettingException>(() => SweepGrid.CheckShared(points, [("feature_size", "4")])).Message);
        Assert.Equal("set seed: given twice",
            Assert.Throws<SettingException>(() => SweepGrid.CheckShared(points, [("seed", "1"), ("seed", "2")])).Message);
        SweepGrid.CheckShared(points, [("seed", "1")]);
    }

    [Theory]
    [InlineData("learning_rate", "NaN", "grid learning_rate=NaN: not a finite number")]
    [InlineData("reg", "Infinity", "grid reg=Infinity: not a finite number")]
    [InlineData("learning_rate", "-0.5", "grid learning_rate=-0.5: learning_rate -0.5: must be finite and positive")]
    [InlineData("num_negatives", "1000000000", "grid num_negatives=1000000000: num_negatives 1000000000: must be between 1 and 4096")]
    [InlineData("threads", "100000", "grid threads=100000: threads 100000: must be between 1 and 1024")]
    public void Out_of_range_values_are_refused_naming_the_setting(string key, string value, string message) =>
        Assert.Equal(message, Assert.Throws<SettingException>(() => ConfigKeys.Apply(new ModelConfig(), new TrainerOptions(), [(key, value)], "grid")).Message);

    [Fact]
    public void A_key_that_is_not_a_setting_lists_the_settings()
    {
        var e = Assert.Throws<SettingException>(() => SweepGrid.Combinations(["optimiser=sgd"]));
        Assert.StartsWith("grid optimiser: not a setting; the settings are: feature_size, album_buckets, ", e.Message);
        Assert.Contains(", weights.mean_triplet, ", e.Message);
        Assert.EndsWith(", eval_cosine, checkpoint_every, keep_checkpoints", e.Message);
    }

    [Fact]
    public void Settings_apply_to_the_config_by_type_and_are_validated()
    {
        var (model, training) = ConfigKeys.Apply(new ModelConfig(), new TrainerOptions(),
            [("optimizer", "adagrad"), ("feature_size", "16"), ("aggregation", "mean"), ("duration", "true"),
             ("weights.reg", "0.5"), ("steps", "300"), ("eval_cosine", "true")], "grid");
        Assert.Equal(OptimizerKind.Adagrad, model.Optimizer);
        Assert.Equal(ModelConfig.DefaultLearningRate(OptimizerKind.Adagrad), model.LearningRate); // the optimiser's own default
        Assert.Equal((16, Aggregation.Mean, true, 0.5f), (model.FeatureSize, model.Aggregation, model.Duration, model.Weights.Reg));
        Assert.Equal((300L, true), (training.Steps, training.EvalCosine));

        var explicitRate = ConfigKeys.Apply(new ModelConfig(), new TrainerOptions(), [("optimizer", "rmsprop"), ("learning_rate", "0.05")], "grid").Model;
        Assert.Equal((OptimizerKind.RmsProp, 0.05f), (explicitRate.Optimizer, explicitRate.LearningRate));

        Assert.Equal("grid optimizer=adamm: not one of sgd, adam, rms_prop, adagrad",
            Assert.Throws<SettingException>(() => ConfigKeys.Apply(new ModelConfig(), new TrainerOptions(), [("optimizer", "adamm")], "grid")).Message);
        Assert.Equal("grid feature_size=big: not an integer",
            Assert.Throws<SettingException>(() => ConfigKeys.Apply(new ModelConfig(), new TrainerOptions(), [("feature_size", "big")], "grid")).Message);
        var invalid = Assert.Throws<SettingException>(() => ConfigKeys.Apply(new ModelConfig(), new TrainerOptions(), [("feature_size", "0")], "grid"));
        Assert.Equal("grid feature_size=0: feature_size 0: must be between 1 and 4096", invalid.Message);
    }
}
