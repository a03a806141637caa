using Segue.IO;

namespace Segue.Tests.IO;

public class AtomicFileTests
{
    /// <summary>A disk that fills up after <c>room</c> bytes, as a file stream on Linux reports it.</summary>
    private sealed class FullDisk(Stream inner, long room) : Stream
    {
        private long _written;
        public override bool CanRead => inner.CanRead;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => inner.CanWrite;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => inner.SetLength(value);

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (_written + count > room) throw new IOException("No space left on device : '/somewhere/.x.1.tmp'", 28);
            _written += count;
            inner.Write(buffer, offset, count);
        }
    }

    [Fact]
    public void A_full_disk_is_an_error_naming_the_destination_and_leaves_the_old_file_and_no_temporary()
    {
        using var dir = new TempDir();
        string path = dir.File("out.bin");
        File.WriteAllText(path, "before");
        var error = Assert.Throws<SegueException>(() =>
        {
            using var file = AtomicFile.Create(path, s => new FullDisk(s, room: 1000));
            file.Stream.Write(new byte[600]);
            file.Stream.Write(new byte[600]);
            file.Commit();
        });
        Assert.Equal($"{path}: cannot write (no space left on device)", error.Message);
        Assert.Equal("before", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void A_write_through_a_stream_writer_that_fails_on_commit_is_the_same_one_error()
    {
        using var dir = new TempDir();
        string path = dir.File("out.txt");
        var error = Assert.Throws<SegueException>(() =>
        {
            using var file = AtomicFile.Create(path, s => new FullDisk(s, room: 10));
            using (var writer = new StreamWriter(file.Stream, leaveOpen: true))
                writer.Write(new string('x', 100));   // buffered: fails when flushed
            file.Commit();
        });
        Assert.Equal($"{path}: cannot write (no space left on device)", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Creating_a_file_removes_the_temporaries_of_dead_writers_of_it_only()
    {
        using var dir = new TempDir();
        int dead = Shell.DeadProcessId();
        string Temp(string name, int pid) => dir.File($".{name}.{pid}.{Guid.NewGuid():N}.tmp");
        string[] stale = [Temp("a.json", dead), Temp("a.json", dead)];
        string[] kept = [..
        new[] {
            Temp("a.json", Environment.ProcessId),  // a live writer's
            Temp("a.json.1", dead),                 // another file's
            dir.File($".a.json.{dead}.tmp"),        // not a name Segue writes
        }.Order(StringComparer.Ordinal)];
        foreach (string path in stale.Concat(kept)) File.WriteAllText(path, "half");
        AtomicFile.WriteAllText(dir.File("a.json"), "{}");
        Assert.Equal([.. kept, dir.File("a.json")], Directory.GetFileSystemEntries(dir.Path).Order(), StringComparer.Ordinal.Equals);
    }

    [Fact]
    public void A_folders_holder_removes_every_dead_writers_temporaries_in_it_and_moves_back_a_folder_moved_aside()
    {
        using var dir = new TempDir();
        int dead = Shell.DeadProcessId();
        string Temp(string name, int pid, string suffix = "tmp") => dir.File($".{name}.{pid}.{Guid.NewGuid():N}.{suffix}");
        foreach (string path in (string[])[Temp("step-000000000100.ckpt", dead), Temp("a.json.1", dead)]) File.WriteAllText(path, "half");
        string aside = Temp("export", dead, "old");
        Directory.CreateDirectory(aside);
        string live = Temp("b.json", Environment.ProcessId);
        File.WriteAllText(live, "being written");
        TempNames.RemoveStaleIn(dir.Path);
        Assert.Equal([live, dir.File("export")], Directory.GetFileSystemEntries(dir.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_destination_that_is_a_folder_is_an_error_naming_it()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("out"));
        var error = Assert.Throws<SegueException>(() => AtomicFile.WriteAllText(dir.File("out"), "x"));
        Assert.StartsWith($"{dir.File("out")}: cannot write (", error.Message);
        Assert.Equal([dir.File("out")], Directory.GetFileSystemEntries(dir.Path));
    }
}
