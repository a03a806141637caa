using Segue.Serving;

namespace Segue.Tests.Serving;

public sealed class RecommenderSpecTests
{
    [Fact]
    public void Names_default_to_the_baseline_the_run_folder_or_the_model_file()
    {
        using var dir = new TempDir();
        string run = dir.File("book-run");
        Directory.CreateDirectory(run);
        Assert.Equal(new RecommenderSpec("cooccurrence", "baseline:cooccurrence"), RecommenderSpec.Parse("baseline:cooccurrence", "s"));
        Assert.Equal(new RecommenderSpec("book-run", run), RecommenderSpec.Parse(run, "s"));
        Assert.Equal("book-run", RecommenderSpec.Parse(run + "/", "s").Name);
        Assert.Equal("book-run", RecommenderSpec.Parse(Path.Combine(run, "model.segue"), "s").Name);
        Assert.Equal("other", RecommenderSpec.Parse(dir.File("other.segue"), "s").Name);
        Assert.Equal(new RecommenderSpec("pop", "baseline:popularity"), RecommenderSpec.Parse("pop=baseline:popularity", "s"));
        Assert.Equal(Path.Combine(run, "model.segue"), RecommenderSpec.Parse(run, "s").ModelPath);
    }

    [Fact]
    public void A_path_with_an_equals_sign_is_a_path()
    {
        // Sweep run folders are named KEY=VALUE: the text before '=' is a name only when it is a plain name.
        var spec = RecommenderSpec.Parse("sweeps/opt/optimizer=adam", "s");
        Assert.Equal(("optimizer=adam", "sweeps/opt/optimizer=adam"), (spec.Name, spec.Source));
    }

    [Theory]
    [InlineData("baseline:nope", "--model: baseline:nope: unknown baseline (known: baseline:popularity, baseline:cooccurrence, baseline:pknn, baseline:title, baseline:artist, baseline:als)")]
    [InlineData("x=", "--model: empty: expected a model file, a run folder or baseline:NAME")]
    [InlineData("runs/a b", "--model: runs/a b: cannot name it 'a b' (a name is letters, digits and -_.=,); give NAME=runs/a b")]
    public void Bad_specs_name_the_setting(string text, string message) =>
        Assert.Equal(message, Assert.Throws<RequestFieldException>(() => RecommenderSpec.Parse(text, "--model")).Message);
}
