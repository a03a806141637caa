using Segue.IO;

namespace Segue.Tests.IO;

public class AtomicFolderTests
{
    [Fact]
    public void A_failure_while_writing_leaves_the_earlier_folder_whole_and_no_temporary()
    {
        using var dir = new TempDir();
        string dest = dir.File("export");
        AtomicFolder.Write(dest, temp => { File.WriteAllText(Path.Combine(temp, "a"), "1"); File.WriteAllText(Path.Combine(temp, "b"), "1"); });
        var error = Assert.Throws<SegueException>(() => AtomicFolder.Write(dest, temp =>
        {
            AtomicFile.WriteAllText(Path.Combine(temp, "a"), "2");
            AtomicFile.WriteAllText(Path.Combine(temp, "b"), "2");
            AtomicFile.WriteAllText(Path.Combine(temp, "b", "c"), "2");   // b is a file: cannot be a folder
        }));
        Assert.StartsWith($"{Path.Combine(dest, "b", "c")}: cannot write (", error.Message);
        Assert.Equal([dest], Directory.GetFileSystemEntries(dir.Path));
        Assert.Equal(["1", "1"], Directory.GetFiles(dest).Order().Select(File.ReadAllText));
    }

    [Fact]
    public void A_new_folder_replaces_the_old_one_whole()
    {
        using var dir = new TempDir();
        string dest = dir.File("export");
        AtomicFolder.Write(dest, temp => { File.WriteAllText(Path.Combine(temp, "a"), "1"); File.WriteAllText(Path.Combine(temp, "old"), "1"); });
        AtomicFolder.Write(dest, temp => File.WriteAllText(Path.Combine(temp, "a"), "2"));
        Assert.Equal([dest], Directory.GetFileSystemEntries(dir.Path));
        Assert.Equal([Path.Combine(dest, "a")], Directory.GetFiles(dest));
        Assert.Equal("2", File.ReadAllText(Path.Combine(dest, "a")));
    }

    [Fact]
    public void The_leftovers_of_a_killed_writer_are_cleared_and_a_folder_it_moved_aside_comes_back()
    {
        using var dir = new TempDir();
        int dead = Shell.DeadProcessId();
        string dest = dir.File("export");
        // Killed between moving the old export aside and renaming the new one in.
        string aside = dir.File($".export.{dead}.{Guid.NewGuid():N}.old");
        string temp = dir.File($".export.{dead}.{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(aside);
        File.WriteAllText(Path.Combine(aside, "a"), "old");
        Directory.CreateDirectory(temp);
        File.WriteAllText(Path.Combine(temp, "a"), "half");

        var error = Assert.Throws<SegueException>(() => AtomicFolder.Write(dest, _ => throw new SegueException("stopped")));
        Assert.Equal("stopped", error.Message);
        Assert.Equal([dest], Directory.GetFileSystemEntries(dir.Path));
        Assert.Equal("old", File.ReadAllText(Path.Combine(dest, "a")));
    }

    [Fact]
    public void Create_leaves_a_folder_made_meanwhile_as_it_is_and_writes_nothing()
    {
        using var dir = new TempDir();
        string dest = dir.File("ranker");
        var error = Assert.Throws<SegueException>(() => AtomicFolder.Create(dest, temp =>
        {
            File.WriteAllText(Path.Combine(temp, "a"), "new");
            Directory.CreateDirectory(dest);   // a person makes the folder while it is written
            File.WriteAllText(Path.Combine(dest, "notes.txt"), "mine");
        }));
        Assert.Equal($"{dest}: appeared while this was being written; left as it is, and nothing written there: choose another output", error.Message);
        Assert.Equal([dest], Directory.GetFileSystemEntries(dir.Path));
        Assert.Equal([Path.Combine(dest, "notes.txt")], Directory.GetFileSystemEntries(dest));
    }

    [Fact]
    public void A_destination_with_a_trailing_slash_is_that_folder()
    {
        using var dir = new TempDir();
        string dest = dir.File("export");
        AtomicFolder.Create(dest + "/", temp => File.WriteAllText(Path.Combine(temp, "a"), "1"));
        Assert.Equal([dest], Directory.GetFileSystemEntries(dir.Path));
        Assert.Equal("1", File.ReadAllText(Path.Combine(dest, "a")));
    }
}
