using Segue.Tests.Data;

namespace Segue.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public class ShowCommandTests
{
    [Fact]
    public void Playlists_are_shown_with_their_tracks_and_ids_or_as_the_MPDs_JSON()
    {
        using var dir = new TempDir();
        string table = TableCsv.Write(dir, "t.csv", TableCsv.MinimalHeader, TableCsv.MinimalRow(4, 0, 1, "road trip"), TableCsv.MinimalRow(4, 1, 2, "road trip"),
            TableCsv.MinimalRow(9, 0, 3));
        Assert.Equal(0, CliRunner.Run("ingest", table, "--out", dir.File("t.segue")).Exit);
        var (exit, output, err) = CliRunner.Run("show", dir.File("t.segue"), "0-5");
        Assert.True(exit == 0, err);
        Assert.Contains("=== pid 4 === road trip", output);
        Assert.Contains("2 tracks, 6:00; followers 0, edits 0, modified unknown; training split", output);
        Assert.Contains("│   1 │ Track 2 │ Artist 2 │ Album 2 │     3:00 │ t2 │", output);
        Assert.DoesNotContain("pid 9", output);
        (exit, output, err) = CliRunner.Run("show", dir.File("t.segue"), "9", "--json");
        Assert.True(exit == 0, err);
        Assert.StartsWith("{\n    \"playlists\": [\n        {\n            \"name\": \"mix\", \n", output);
        Assert.Contains("\"track_uri\": \"t3\", ", output);
    }

    [Fact]
    public void A_pid_not_in_the_dataset_is_one_line_naming_it()
    {
        using var dir = new TempDir();
        string table = TableCsv.Write(dir, "t.csv", TableCsv.MinimalHeader, TableCsv.MinimalRow(4, 0, 1));
        Assert.Equal(0, CliRunner.Run("ingest", table, "--out", dir.File("t.segue")).Exit);
        var (exit, _, err) = CliRunner.Run("show", dir.File("t.segue"), "4", "5");
        Assert.Equal(1, exit);
        Assert.Equal($"segue: error: {dir.File("t.segue")}: 5: no such pid in the dataset", err.Trim());
        (exit, _, err) = CliRunner.Run("show", dir.File("t.segue"), "4", "--json", "--compact");
        Assert.Equal(1, exit);
        Assert.Equal("segue: error: --json and --compact: give one, not both", err.Trim());
    }
}
