using Segue.Runs;
using Segue.Tests.IO;

namespace Segue.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public class ExportCommandTests(TrainedRun trained) : IClassFixture<TrainedRun>
{
    [Fact]
    public void An_export_replaces_an_earlier_one_whole_and_clears_a_killed_exports_leftovers()
    {
        using var dir = new TempDir();
        string run = trained.Path;
        string output = dir.File("export");
        Assert.Equal(0, CliRunner.Run("export", run, "--out", output).Exit);
        var first = Directory.GetFiles(output).Order().ToArray();
        Assert.Contains(Path.Combine(output, ModelExport.CatalogueFileName), first);
        File.WriteAllText(Path.Combine(output, "stray.npy"), "from an older model");
        string killed = dir.File($".export.{Shell.DeadProcessId()}.{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(killed);
        File.WriteAllText(Path.Combine(killed, "albums.npy"), "half");

        var (exit, _, err) = CliRunner.Run("export", run, "--out", output);
        Assert.True(exit == 0, err);
        Assert.Equal(first, Directory.GetFiles(output).Order());
        Assert.False(Directory.Exists(killed));
        Assert.DoesNotContain(Directory.GetFileSystemEntries(dir.Path), e => Path.GetFileName(e).StartsWith(".export.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_folder_holding_other_files_is_refused_and_left_alone()
    {
        using var dir = new TempDir();
        string run = trained.Path;
        Directory.CreateDirectory(dir.File("mine"));
        File.WriteAllText(dir.File("mine/notes.txt"), "keep");
        var (exit, _, err) = CliRunner.Run("export", run, "--out", dir.File("mine"));
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: {dir.File("mine")}: holds notes.txt, which is not part of a model export; choose another output folder", err.Trim());
        Assert.Equal([dir.File("mine/notes.txt")], Directory.GetFileSystemEntries(dir.File("mine")));
    }
}
