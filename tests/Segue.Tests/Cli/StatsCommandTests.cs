using Segue.Data;

namespace Segue.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public class StatsCommandTests
{
    private static string Small(TempDir dir)
    {
        var builder = new DatasetBuilder(testEvery: 2, testOffset: 1);
        builder.AddPlaylist(1, "a", 0, [new("spotify:track:t1", "spotify:album:a1", "spotify:artist:r1", "t", "a", "r", 1000)]);
        builder.AddPlaylist(2, "b", 1, [new("spotify:track:t2", "spotify:album:a1", "spotify:artist:r1", "t", "a", "r", 1000)]);
        string path = dir.File("d.segue");
        builder.Write(path);
        return path;
    }

    [Fact]
    public void A_damaged_dataset_is_one_line_and_a_non_zero_exit_not_other_figures()
    {
        using var dir = new TempDir();
        string path = Small(dir);
        var bytes = File.ReadAllBytes(path);
        bytes[Array.FindLastIndex(bytes, b => b != 0)] ^= 0x01;   // in the last section, test_playlists
        File.WriteAllBytes(path, bytes);
        var (exit, output, err) = CliRunner.Run("stats", path);
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: {path}: damaged dataset: checksum mismatch in section 51 (test_playlists)\n", err);
        Assert.Equal("", output);
    }

    [Fact]
    public void A_negative_top_is_refused()
    {
        using var dir = new TempDir();
        var (exit, _, err) = CliRunner.Run("stats", Small(dir), "--top", "-1");
        Assert.Equal(1, exit);
        Assert.Equal("segue: error: --top -1: must be 0 or more\n", err);
    }

    [Fact]
    public void Titles_give_the_title_histograms_as_json_and_a_negative_top_is_refused_there_too()
    {
        using var dir = new TempDir();
        var (exit, output, err) = CliRunner.Run("stats", Small(dir), "--titles", "--json");
        Assert.True(exit == 0, err);
        var json = System.Text.Json.Nodes.JsonNode.Parse(output)!;
        Assert.Equal(2, (int)json["titles"]!["distinct"]!);
        Assert.Equal("a", (string)json["normalized_titles"]!["top"]![0]!["text"]!);
        (exit, _, err) = CliRunner.Run("stats", Small(dir), "--titles", "--top", "-1");
        Assert.Equal(1, exit);
        Assert.Equal("segue: error: --top -1: must be 0 or more\n", err);
    }
}
