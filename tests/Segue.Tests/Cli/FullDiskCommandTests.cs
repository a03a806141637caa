using System.Text.RegularExpressions;
using Segue.Tests.Data;
using Segue.Tests.IO;

namespace Segue.Tests.Cli;

/// <summary>Each command that writes, on a disk that fills up: one line naming the file and the
/// cause, exit 1, no temporary file left on the disk.</summary>
[Collection(ConsoleCollection.Name)]
public class FullDiskCommandTests
{
    private const string Cause = "cannot write (no space left on device)";

    private static void AssertFails(SmallDisk disk, string path, params string[] args)
    {
        var (exit, _, err) = CliRunner.Run(args);
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: {path}: {Cause}", err.Trim().Split('\n')[^1]);
        Assert.DoesNotContain(disk.Entries(), e => e.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [SmallDisk.Fact]
    public void Ingest()
    {
        using var dir = new TempDir();
        using var disk = new SmallDisk(free: 0);
        SliceJson.WriteFolder(dir.File("mpd"), slices: 2, perSlice: 20);
        AssertFails(disk, disk.File("d.segue"), "ingest", dir.File("mpd"), "--out", disk.File("d.segue"));
        Assert.Empty(disk.Entries());
    }

    [SmallDisk.Fact]
    public void Synth()
    {
        using var disk = new SmallDisk(free: 0);
        AssertFails(disk, disk.File("mpd/data/mpd.slice.0-999.json"), "synth", "--out", disk.File("mpd"), "--playlists", "1000", "--threads", "1");
    }

    [SmallDisk.Fact]
    public void Training_checkpoints_and_the_model()
    {
        using var dir = new TempDir();
        SliceJson.WriteFolder(dir.File("mpd"), slices: 10, perSlice: 30, length: 14);
        Assert.Equal(0, CliRunner.Run("ingest", dir.File("mpd"), "--out", dir.File("d.segue")).Exit);
        // Room for the config, run.json and the metrics; not for a checkpoint or the model.
        using (var disk = new SmallDisk(free: 32 << 10))
            AssertFails(disk, disk.File("run/checkpoints/step-000000000100.ckpt"), "train", dir.File("d.segue"), "--out", disk.File("run"),
                "--steps", "200", "--checkpoint-every", "100", "--eval-every", "0");
        using (var disk = new SmallDisk(free: 32 << 10))
            AssertFails(disk, disk.File("run/model.segue"), "train", dir.File("d.segue"), "--out", disk.File("run"),
                "--steps", "200", "--checkpoint-every", "0", "--eval-every", "0");
    }

    [SmallDisk.Fact]
    public void Export_fails_whole_and_an_earlier_export_survives()
    {
        using var dir = new TempDir();
        var (_, run) = TrainRecommendCommandTests.Trained(dir);
        using var disk = new SmallDisk(free: 64 << 20, megabytes: 64);
        var exported = CliRunner.Run("export", run, "--out", disk.File("export"));
        Assert.True(exported.Exit == 0, exported.Err);
        var before = disk.Entries().ToDictionary(e => e, e => File.Exists(e) ? File.ReadAllBytes(e) : null);
        disk.Fill(free: 0);
        var (exit, _, err) = CliRunner.Run("export", run, "--out", disk.File("export"));
        Assert.Equal(1, exit);
        Assert.Matches($@"^segue: error: {Regex.Escape(disk.File("export"))}/\w+\.npy: {Regex.Escape(Cause)}$", err.Trim());
        Assert.Equal(before.Keys, disk.Entries());
        foreach (var (path, bytes) in before) Assert.Equal(bytes, File.Exists(path) ? File.ReadAllBytes(path) : null);
    }
}
