using System.Text;
using Segue.Runs;
using Segue.Tests.Data;
using Segue.Tests.Runs;

namespace Segue.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public class RunsCommandTests
{
    /// <summary>A small ingested dataset and two short runs on it that differ in two settings.</summary>
    private static string Dataset(TempDir dir)
    {
        SliceJson.WriteFolder(dir.File("mpd"), slices: 10, perSlice: 30, length: 14);
        Assert.Equal(0, CliRunner.Run("ingest", dir.File("mpd"), "--out", dir.File("d.segue")).Exit);
        return dir.File("d.segue");
    }

    private static void Train(string dataset, string run, params string[] options)
    {
        var (exit, _, err) = CliRunner.Run(["train", dataset, "--out", run, "--steps", "200", "--eval-every", "100", "--eval-cases", "20", "--log-every", "50", .. options]);
        Assert.True(exit == 0, err);
    }

    /// <summary>The output without its colours.</summary>
    private static string Plain(string output) => System.Text.RegularExpressions.Regex.Replace(output, "\u001b\\[[0-9;]*m", "");

    [Fact]
    public void Runs_are_recorded_repeated_compared_plotted_reported_and_exported()
    {
        using var dir = new TempDir();
        string dataset = Dataset(dir);
        Train(dataset, dir.File("runs/a"));
        Train(dataset, dir.File("runs/b"), "--optimizer", "adam", "--feature-size", "8");

        var a = RunRecord.Open(dir.File("runs/a"));
        Assert.Equal(RunStatus.Complete, a.Status);
        Assert.Equal(200, a.Summary!.Steps);
        Assert.Equal(a.Metrics.Last("track_recall@500"), a.Summary.Metrics["track_recall@500"]);
        Assert.Equal(Environment.ProcessorCount, a.Metadata!.Machine.Cores);

        // --from repeats the run exactly: same config, same seed, the same model bit for bit.
        var (exit, _, err) = CliRunner.Run("train", "--from", dir.File("runs/a"), "--out", dir.File("again"));
        Assert.True(exit == 0, err);
        Assert.Equal(File.ReadAllBytes(dir.File("runs/a/model.segue")), File.ReadAllBytes(dir.File("again/model.segue")));
        Assert.Equal(File.ReadAllText(dir.File("runs/a/config.json")), File.ReadAllText(dir.File("again/config.json")));
        (exit, _, err) = CliRunner.Run("train", "--from", dir.File("runs/a"), "--out", dir.File("x"), "--steps", "5");
        Assert.Equal((1, "segue: error: --from repeats a run exactly: drop --steps"), (exit, err.Trim()));

        (exit, var output, err) = CliRunner.Run("runs", "list", dir.File("runs"));
        Assert.True(exit == 0, err);
        output = Plain(output);
        Assert.Matches(@"│ a\s+│ complete │\s+200 │", output);
        Assert.Matches(@"│ b\s+│ complete │\s+200 │", output);

        (exit, output, err) = CliRunner.Run("runs", "compare", dir.File("runs/a"), dir.File("runs/b"));
        Assert.True(exit == 0, err);
        Assert.Matches(@"│ 1 │ a\s+│ 32\s+│ sgd\s+│", output);
        Assert.Matches(@"│ 2 │ b\s+│ 8\s+│ adam\s+│", output);
        Assert.Matches(@"│ ndcg\s+│\s+0\.\d{4} │\s+0\.\d{4} │", output);

        (exit, _, err) = CliRunner.Run("runs", "plot", dir.File("runs"), "--metric", "track_recall@500", "--out", dir.File("recall.png"));
        Assert.True(exit == 0, err);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(dir.File("recall.png"))[..4]);
        (exit, _, err) = CliRunner.Run("runs", "plot", dir.File("runs"), "--metric", "recall", "--out", dir.File("no.png"));
        Assert.Equal(1, exit);
        Assert.StartsWith("segue: error: --metric recall: no run logged it; the metrics are: artist_recall@500, book_artist_recall@500, ", err);
        Assert.False(File.Exists(dir.File("no.png")));

        (exit, _, err) = CliRunner.Run("report", dir.File("runs"), "--out", dir.File("report.html"));
        Assert.True(exit == 0, err);
        string html = File.ReadAllText(dir.File("report.html"));
        Assert.DoesNotContain("://", html); // offline: nothing fetched from anywhere
        Assert.Equal(a.Metrics.Names.Count, html.Split("src=\"data:image/png;base64,").Length - 1);
        Assert.Contains("<td>model.optimizer</td><td>sgd</td><td>adam</td>", html);

        (exit, _, err) = CliRunner.Run("export", dir.File("runs/b"), "--out", dir.File("export"));
        Assert.True(exit == 0, err);
        using var data = Segue.Data.Dataset.Open(dataset);
        byte[] artists = File.ReadAllBytes(dir.File("export/artists.npy"));
        Assert.Contains($"'shape': ({data.ArtistCount}, 8), }}", Encoding.ASCII.GetString(artists, 10, 118));
        Assert.Equal(128 + data.ArtistCount * 8 * 4, artists.Length);
        var tsv = File.ReadAllLines(dir.File("export/tracks.tsv"));
        Assert.Equal(data.TrackCount + 1, tsv.Length);
        Assert.Equal($"0\t{data.TrackUri(0)}\t{data.TrackName(0)}\t{data.TrackAlbums[0]}\t{data.AlbumName(data.TrackAlbums[0])}\t{data.TrackArtists[0]}\t{data.ArtistName(data.TrackArtists[0])}\t{data.TrackDurationsMs[0]}", tsv[1]);
    }

    [Fact]
    public void A_killed_run_is_listed_as_incomplete_and_cannot_be_compared_or_exported()
    {
        using var dir = new TempDir();
        RunRecordTests.Write(dir, "killed", RunRecordTests.Config(), summary: false, model: false);
        var (exit, output, _) = CliRunner.Run("runs", "list", dir.Path);
        Assert.Equal(0, exit);
        output = Plain(output);
        Assert.Matches(@"│ killed\s+│ incomplete │\s+100 │", output);
        string expected = $"segue: error: {dir.File("killed")}: incomplete run (no summary.json: killed mid-run, or still training)";
        Assert.Equal(expected, CliRunner.Run("runs", "compare", dir.File("killed")).Err.Trim());
        Assert.Equal(expected, CliRunner.Run("export", dir.File("killed"), "--out", dir.File("e")).Err.Trim());
        Assert.Equal(expected, CliRunner.Run("report", dir.Path, "--out", dir.File("r.html")).Err.Trim());
        Assert.False(Directory.Exists(dir.File("e")));
        Assert.False(File.Exists(dir.File("r.html")));
    }

    [Fact]
    public void A_damaged_run_is_listed_among_the_others_marked_damaged()
    {
        using var dir = new TempDir();
        RunRecordTests.Write(dir, "a", RunRecordTests.Config());
        RunRecordTests.Write(dir, "b", RunRecordTests.Config(), metrics: "{not json}\n", summary: false);
        RunRecordTests.Write(dir, "c", RunRecordTests.Config());
        var (exit, output, err) = CliRunner.Run("runs", "list", dir.Path);
        Assert.True(exit == 0, err);
        output = Plain(output);
        Assert.Matches(@"│ a\s+│ complete │\s+100 │", output);
        Assert.Matches(@"│ b\s+│ damaged\s+│\s+0 │", output);
        Assert.Matches(@"│ c\s+│ complete │\s+100 │", output);
        Assert.StartsWith($"segue: warning: {dir.File("b")}: damaged run: {Path.Combine(dir.File("b"), "metrics.jsonl")}: line 1: not valid JSON (", err);
        Assert.Single(err.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void A_sweep_trains_every_combination_reports_and_keeps_complete_runs_when_run_again()
    {
        using var dir = new TempDir();
        string dataset = Dataset(dir);
        string[] sweep = ["sweep", dataset, "--grid", "optimizer=sgd,adam", "--grid", "aggregation=max,mean", "--steps", "100",
            "--eval-every", "100", "--eval-cases", "20", "--log-every", "50", "--out", dir.File("sweep"), "--parallel", "2"];
        var (exit, output, err) = CliRunner.Run(sweep);
        Assert.True(exit == 0, err);
        string[] names = ["optimizer=adam,aggregation=max", "optimizer=adam,aggregation=mean", "optimizer=sgd,aggregation=max", "optimizer=sgd,aggregation=mean"];
        Assert.Equal(names, Directory.GetDirectories(dir.File("sweep")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var run = RunRecord.Open(dir.File("sweep/optimizer=adam,aggregation=mean"));
        Assert.Equal(("adam", "mean", "100"), (run.Settings["model.optimizer"], run.Settings["model.aggregation"], run.Settings["training.steps"]));
        Assert.True(File.Exists(dir.File("sweep/report.html")));
        Assert.Contains("aggregation", output);

        byte[] model = File.ReadAllBytes(dir.File("sweep/optimizer=sgd,aggregation=max/model.segue"));
        (exit, output, err) = CliRunner.Run(sweep);
        Assert.True(exit == 0, err);
        Assert.Contains("optimizer=sgd,aggregation=max: already complete, kept", output);
        Assert.Equal(model, File.ReadAllBytes(dir.File("sweep/optimizer=sgd,aggregation=max/model.segue")));

        (exit, _, err) = CliRunner.Run([.. sweep, "--set", "eval_cases=10"]);
        Assert.Equal($"segue: error: {dir.File("sweep/optimizer=sgd,aggregation=max")}: holds a run with other training options; remove it or sweep into another folder", err.Trim());
    }
}
