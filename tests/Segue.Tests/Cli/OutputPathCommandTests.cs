using Segue.Tests.IO;

namespace Segue.Tests.Cli;

/// <summary>Every command that writes checks its output path before it starts: one line naming
/// the path and what is wrong with it, exit 1, nothing written. The inputs here do not exist,
/// so a command that read them first would fail with another message.</summary>
[Collection(ConsoleCollection.Name)]
public class OutputPathCommandTests
{
    public static TheoryData<string, bool> Commands() => new()
    {
        { "ingest nothing --out OUT", false },
        { "runs plot nothing --metric mean_loss --out OUT", false },
        { "report nothing --out OUT", false },
        { "eval --dataset nothing.segue --json OUT", false },
        { "eval --dataset nothing.segue --test nothing --team t --email e --submission OUT", false },
        { "train nothing.segue --out OUT", true },
        { "fit nothing.segue --out OUT", true },
        { "sweep nothing.segue --steps 10 --out OUT", true },
        { "export nothing --out OUT", true },
        { "synth --out OUT", true },
    };

    public static TheoryData<string> CommandLines() => [.. Commands().Select(row => (string)row[0])];

    private static (int Exit, string Err) Run(string command, string output)
    {
        var (exit, _, err) = CliRunner.Run([.. command.Split(' ').Select(a => a == "OUT" ? output : a)]);
        return (exit, err.TrimEnd('\n'));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void An_output_of_the_wrong_kind_is_one_line(string command, bool folder)
    {
        using var dir = new TempDir();
        string output = dir.File("out");
        if (folder) File.WriteAllText(output, "mine");
        else Directory.CreateDirectory(output);
        var (exit, err) = Run(command, output);
        Assert.Equal(1, exit);
        Assert.Equal(folder ? $"segue: error: {output}: is a file; give the path of a folder to write"
            : $"segue: error: {output}: is a folder; give the path of a file to write", err);
        Assert.Equal([output], Directory.GetFileSystemEntries(dir.Path));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void An_empty_output_is_one_line(string command, bool folder)
    {
        var (exit, err) = Run(command, "");
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: an empty path; give the path of a {(folder ? "folder" : "file")} to write", err);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_trailing_slash_names_the_folder_itself_or_is_refused_for_a_file(string command, bool folder)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("file"), "mine");
        // A folder output with a trailing slash is checked as that folder: here a file is in its place.
        string output = folder ? dir.File("file") + "/" : dir.File("out") + "/";
        var (exit, err) = Run(command, output);
        Assert.Equal(1, exit);
        Assert.Equal(folder ? $"segue: error: {output}: is a file; give the path of a folder to write"
            : $"segue: error: {output}: ends in '/'; give the path of a file to write", err);
        Assert.Equal([dir.File("file")], Directory.GetFileSystemEntries(dir.Path));
    }

    [Theory]
    [MemberData(nameof(CommandLines))]
    public void An_output_under_a_regular_file_is_one_line(string command)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("file"), "mine");
        string output = dir.File("file/out");
        var (exit, err) = Run(command, output);
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: {output}: {dir.File("file")} is a file, not a folder", err);
        Assert.Equal("mine", File.ReadAllText(dir.File("file")));
    }

    [ReadOnlyFolder.Theory]
    [MemberData(nameof(CommandLines))]
    public void An_output_in_a_read_only_folder_is_one_line(string command)
    {
        using var dir = new TempDir();
        using var readOnly = new ReadOnlyFolder(dir.File("ro"));
        string output = Path.Combine(readOnly.Path, "out");
        var (exit, err) = Run(command, output);
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: {output}: cannot write in {readOnly.Path} (permission denied)", err);
        Assert.Empty(Directory.GetFileSystemEntries(readOnly.Path));
    }
}
