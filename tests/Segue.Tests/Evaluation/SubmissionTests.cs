using Segue.Data;
using Segue.Evaluation;
using Segue.Retrieval;
using Segue.Statistics;

namespace Segue.Tests.Evaluation;

public class SubmissionTests
{
    // One training playlist of 510 tracks: enough for a full list of 500 beside a few seeds.
    private static Dataset Catalogue(TempDir dir)
    {
        var builder = new DatasetBuilder(testEvery: 2, testOffset: 1);
        builder.AddPlaylist(1, "all", 0, [.. Enumerable.Range(0, 510).Select(n => EvalDatasets.T(n))]);
        builder.Write(dir.File("catalogue.segue"));
        return Dataset.Open(dir.File("catalogue.segue"));
    }

    [Fact]
    public void Each_line_has_the_pid_and_500_distinct_uris_none_a_seed()
    {
        using var dir = new TempDir();
        using var ds = Catalogue(dir);
        EvalCase[] cases = [new(1000000, 0, [0, 3], [], "a", SeedOrder.First), new(1000001, 0, [], [], "b", SeedOrder.First)];
        var popularity = Baselines.Build(TrainingStatistics.Of(ds), [PopularityRecommender.BaselineName])[0];
        var rankings = new Evaluator(ds, k: Submission.Length).Rank(popularity, cases);
        string path = dir.File("submission.csv");
        Submission.Write(path, "segue", "me@example.com", "popularity", ds, cases, rankings);

        var lines = File.ReadAllLines(path);
        Assert.Equal(["# popularity", "team_info,segue,me@example.com"], lines[..2]);
        Assert.Equal(4, lines.Length);
        var first = lines[2].Split(", ");
        Assert.Equal("1000000", first[0]);
        Assert.Equal(500, first[1..].Distinct().Count());
        Assert.Equal(["spotify:track:t1", "spotify:track:t2", "spotify:track:t4"], first[1..4]);
        Assert.DoesNotContain("spotify:track:t0", first);
        Assert.Equal("spotify:track:t0", lines[3].Split(", ")[1]);
    }

    [Fact]
    public void A_short_list_writes_nothing()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(EvalDatasets.Small(dir));
        EvalCase[] cases = [new(1000000, 0, [0], [], null, SeedOrder.First)];
        var popularity = Baselines.Build(TrainingStatistics.Of(ds), [PopularityRecommender.BaselineName])[0];
        var rankings = new Evaluator(ds, k: Submission.Length).Rank(popularity, cases);
        string path = dir.File("submission.csv");
        var e = Assert.Throws<SegueException>(() => Submission.Write(path, "segue", "me@example.com", "x", ds, cases, rankings));
        Assert.Equal($"{path}: pid 1000000: 12 tracks to recommend; a submission needs 500 (the dataset has 13 tracks)", e.Message);
        Assert.Empty(Directory.GetFiles(dir.Path, "*.csv*", SearchOption.AllDirectories));
        e = Assert.Throws<SegueException>(() => Submission.Write(path, "a,b", "me@example.com", "x", ds, cases, rankings));
        Assert.Equal($"{path}: the team 'a,b' must be non-empty, without commas or line breaks", e.Message);
    }
}
