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
    [InlineData(new string[0], "--grid: none given; a sweep needs at least one, e.g. --grid optimizer=sgd,adam")]
    [InlineData(new[] { "optimizer=" }, "--grid optimizer=: no values")]
    [InlineData(new[] { "feature_size=16,16" }, "--grid feature_size=16,16: 16 is listed twice")]
    [InlineData(new[] { "seed=1", "seed=2" }, "--grid seed: given twice; list all its values in one --grid")]
    [InlineData(new[] { "sgd,adam" }, "--grid sgd,adam: expected KEY=VALUE,VALUE,...")]
    public void Bad_grids_are_refused(string[] grid, string message) =>
        Assert.Equal(message, Assert.Throws<SegueException>(() => SweepGrid.Combinations(grid)).Message);

    [Fact]
    public void A_key_that_is_not_a_setting_lists_the_settings()
    {
        var e = Assert.Throws<SegueException>(() => SweepGrid.Combinations(["optimiser=sgd"]));
        Assert.StartsWith("--grid optimiser: not a setting; the settings are: feature_size, album_buckets, ", e.Message);
        Assert.Contains(", weights.mean_triplet, ", e.Message);
        Assert.EndsWith(", eval_cosine, checkpoint_every, keep_checkpoints", e.Message);
    }

    [Fact]
    public void Settings_apply_to_the_config_by_type_and_are_validated()
    {
        var (model, training) = ConfigKeys.Apply(new ModelConfig(), new TrainerOptions(),
            [("optimizer", "adagrad"), ("feature_size", "16"), ("aggregation", "mean"), ("duration", "true"),
             ("weights.reg", "0.5"), ("steps", "300"), ("eval_cosine", "true")], "--grid");
        Assert.Equal(OptimizerKind.Adagrad, model.Optimizer);
        Assert.Equal(ModelConfig.DefaultLearningRate(OptimizerKind.Adagrad), model.LearningRate); // the optimiser's own default
        Assert.Equal((16, Aggregation.Mean, true, 0.5f), (model.FeatureSize, model.Aggregation, model.Duration, model.Weights.Reg));
        Assert.Equal((300L, true), (training.Steps, training.EvalCosine));

        var explicitRate = ConfigKeys.Apply(new ModelConfig(), new TrainerOptions(), [("optimizer", "rmsprop"), ("learning_rate", "0.05")], "--grid").Model;
        Assert.Equal((OptimizerKind.RmsProp, 0.05f), (explicitRate.Optimizer, explicitRate.LearningRate));

        Assert.Equal("--grid optimizer=adamm: not one of sgd, adam, rms_prop, adagrad",
            Assert.Throws<SegueException>(() => ConfigKeys.Apply(new ModelConfig(), new TrainerOptions(), [("optimizer", "adamm")], "--grid")).Message);
        Assert.Equal("--grid feature_size=big: not an integer",
            Assert.Throws<SegueException>(() => ConfigKeys.Apply(new ModelConfig(), new TrainerOptions(), [("feature_size", "big")], "--grid")).Message);
        var invalid = Assert.Throws<SegueException>(() => ConfigKeys.Apply(new ModelConfig(), new TrainerOptions(), [("feature_size", "0")], "--grid"));
        Assert.Equal("--grid feature_size=0: feature_size 0: must be between 1 and 4096", invalid.Message);
    }
}
