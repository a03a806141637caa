namespace Segue.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public class AppTests
{
    [Fact]
    public void A_file_system_error_no_library_call_words_is_still_one_line()
    {
        using var dir = new TempDir();
        // synth makes OUT/data, which is a file here: the folder cannot be made.
        Directory.CreateDirectory(dir.File("mpd"));
        File.WriteAllText(dir.File("mpd/data"), "mine");
        var (exit, _, err) = CliRunner.Run("synth", "--out", dir.File("mpd"), "--playlists", "1000");
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: The file '{dir.File("mpd/data")}' already exists.", err.Trim());
        Assert.Equal("mine", File.ReadAllText(dir.File("mpd/data")));
    }
}
