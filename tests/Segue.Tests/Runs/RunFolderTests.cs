using System.Text.Json.Nodes;
using Segue.Runs;

namespace Segue.Tests.Runs;

/// <summary>The run folder's files and lock: what a killed, concurrent or hand-edited run leaves.</summary>
public class RunFolderTests
{
    [Fact]
    public void A_folder_is_locked_for_one_run_at_a_time_and_released_when_done()
    {
        using var dir = new TempDir();
        var run = new RunFolder(dir.File("run"));
        using (run.Lock())
        {
            var e = Assert.Throws<SegueException>(() => new RunFolder(dir.File("run")).Lock());
            Assert.Equal($"{run.Path}: in use by another segue command (it holds .lock); wait for it or choose another output", e.Message);
        }
        using (run.Lock()) { }
    }

    [Fact]
    public void An_unusable_folder_is_one_line_naming_it_and_the_cause()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("file"), "x");
        Assert.Equal($"{dir.File("file")}: is a file; give the path of a folder to write",
            Assert.Throws<SegueException>(() => new RunFolder(dir.File("file")).Lock()).Message);
        string under = Path.Combine(dir.File("file"), "run");
        Assert.Equal($"{under}: {dir.File("file")} is a file, not a folder",
            Assert.Throws<SegueException>(() => new RunFolder(under).Lock()).Message);
    }

    private static RunConfig Config(TempDir dir, string datasetJson)
    {
        var run = new RunFolder(dir.File("run"));
        Directory.CreateDirectory(run.Path);
        File.WriteAllText(run.ConfigPath, $$"""{ "model": {}, "training": {}, "dataset": {{datasetJson}} }""");
        return RunConfig.Read(run);
    }

    [Theory]
    [InlineData("""{ "path": 5, "fingerprint": "ab" }""", "dataset.path: expected a non-empty string, got 5")]
    [InlineData("""{ "path": ["a"], "fingerprint": "ab" }""", """dataset.path: expected a non-empty string, got ["a"]""")]
    [InlineData("""{ "fingerprint": "ab" }""", "dataset.path: expected a non-empty string, got nothing")]
    [InlineData("\"d.segue\"", "dataset.path: expected a non-empty string, got nothing")]
    [InlineData("""{ "path": "d.segue", "fingerprint": 171 }""", "dataset.fingerprint: expected a non-empty string, got 171")]
    public void A_bad_dataset_entry_is_one_line_naming_the_field(string dataset, string message)
    {
        using var dir = new TempDir();
        var config = Config(dir, dataset);
        Assert.Equal($"{config.Path}: {message}", Assert.Throws<SegueException>(() => config.Dataset).Message);
    }

    [Fact]
    public void The_dataset_path_is_recorded_absolute_and_a_relative_one_is_taken_from_the_run_folder()
    {
        using var dir = new TempDir();
        var run = new RunFolder(dir.File("run"));
        Directory.CreateDirectory(run.Path);
        RunConfig.Write(run, [], Path.Combine("data", "d.segue"), 0xab);
        Assert.Equal(Path.GetFullPath(Path.Combine("data", "d.segue")), (string)JsonNode.Parse(File.ReadAllText(run.ConfigPath))!["dataset"]!["path"]!);

        var config = Config(dir, """{ "path": "../d.segue", "fingerprint": "00000000000000ab" }""");
        Assert.Equal(new RunDataset(dir.File("d.segue"), "00000000000000ab"), config.Dataset);
    }

    [Fact]
    public void A_summary_without_a_status_is_damaged_and_a_listing_shows_the_damaged_run_among_the_others()
    {
        using var dir = new TempDir();
        RunRecordTests.Write(dir, "a", RunRecordTests.Config());
        string b = RunRecordTests.Write(dir, "b", RunRecordTests.Config());
        File.WriteAllText(Path.Combine(b, "summary.json"), """{ "steps": 100, "wall_seconds": 3, "finished": "2026-01-01T00:00:00Z", "metrics": {} }""");
        RunRecordTests.Write(dir, "c", "{ not json");
        RunRecordTests.Write(dir, "d", RunRecordTests.Config());

        var runs = RunRecord.Find(dir.Path);
        Assert.Equal(["a", "b", "c", "d"], runs.Select(r => r.Name));
        Assert.Equal([RunStatus.Complete, RunStatus.Damaged, RunStatus.Damaged, RunStatus.Complete], runs.Select(r => r.Status));
        Assert.Equal($"{Path.Combine(b, "summary.json")}: bad run summary: missing 'status'", runs[1].Problem);
        Assert.Equal($"{Path.Combine(dir.File("c"), "config.json")}: unreadable run config (not valid JSON at line 1, byte 2: " +
            "'n' is an invalid start of a property name. Expected a '\"')", runs[2].Problem);
        Assert.Throws<SegueException>(() => RunRecord.Open(b));
        Assert.Throws<SegueException>(() => new RunComparison(runs));
    }

    [Fact]
    public void A_torn_last_metrics_line_is_skipped_by_readers_and_dropped_by_the_next_writer()
    {
        using var dir = new TempDir();
        string path = dir.File("metrics.jsonl");
        File.WriteAllText(path, "{\"step\":1,\"wall_seconds\":0.5,\"mean_loss\":2}\n{\"step\":2,\"wall_seconds\":1.0,\"mean_loss\":1.5}\n{\"step\":3,\"mea");
        var metrics = RunMetrics.Read(path);
        Assert.Equal(2, metrics.LastStep);
        Assert.Equal(1.5, metrics.Last("mean_loss"));

        // A run resumed from step 1 drops the line of step 2 and the torn tail, then appends whole lines.
        using (var log = MetricsLog.Open(path, keepThroughStep: 1))
        {
            Assert.Equal(0.5, log.LastWallSeconds);
            log.Append(new JsonObject { ["step"] = 2, ["mean_loss"] = 1.25 });
        }
        Assert.Equal("{\"step\":1,\"wall_seconds\":0.5,\"mean_loss\":2}\n{\"step\":2,\"mean_loss\":1.25}\n", File.ReadAllText(path));
    }
}
