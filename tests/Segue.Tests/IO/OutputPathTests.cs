using Segue.IO;

namespace Segue.Tests.IO;

public class OutputPathTests
{
    [Fact]
    public void A_file_path_that_is_a_folder_or_under_a_file_is_refused()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("f"), "");
        Assert.Equal($"{dir.Path}: is a folder; give the path of a file to write",
            Assert.Throws<SegueException>(() => OutputPath.File(dir.Path)).Message);
        Assert.Equal($"{dir.File("f/g/x")}: {dir.File("f")} is a file, not a folder",
            Assert.Throws<SegueException>(() => OutputPath.File(dir.File("f/g/x"))).Message);
        Assert.Equal($"{dir.File("f")}: is a file; give the path of a folder to write",
            Assert.Throws<SegueException>(() => OutputPath.Folder(dir.File("f"))).Message);
    }

    [Fact]
    public void A_writable_path_passes_and_nothing_is_left_behind()
    {
        using var dir = new TempDir();
        Assert.Equal(dir.File("x"), OutputPath.File(dir.File("x")));
        Assert.Equal(dir.File("new/run"), OutputPath.Folder(dir.File("new/run")));
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [ReadOnlyFolder.Theory]
    [InlineData("x.json", false)]
    [InlineData("run", true)]
    [InlineData("deeper/run", true)]
    public void A_path_in_a_read_only_folder_is_refused_even_for_root(string name, bool folder)
    {
        using var dir = new TempDir();
        using var readOnly = new ReadOnlyFolder(dir.File("ro"));
        string path = Path.Combine(readOnly.Path, name);
        var error = Assert.Throws<SegueException>(() => { if (folder) OutputPath.Folder(path); else OutputPath.File(path); });
        Assert.Equal($"{path}: cannot write in {readOnly.Path} (permission denied)", error.Message);
    }
}
