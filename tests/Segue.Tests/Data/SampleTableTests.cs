using Segue.Data;

namespace Segue.Tests.Data;

/// <summary>The sample table and the columns its documentation lists are the reader's own.</summary>
public class SampleTableTests
{
    [Fact]
    public void The_documented_sample_ingests_keeping_its_ids()
    {
        using var dir = new TempDir();
        string sample = Repository.File("docs/sample-playlists.csv");
        var summary = DatasetIngest.Run([sample], dir.File("d.segue"), new IngestOptions(SlicePlaylists: 1, TestEvery: 3, TestOffset: 2), Progress.None);
        using var ds = Dataset.Open(dir.File("d.segue"));
        Assert.Equal([1, 2, 3], ds.Pids.ToArray());
        Assert.Equal([2], ds.TestPlaylists.ToArray());
        Assert.Equal("Drive, don't stop", ds.PlaylistName(1));
        Assert.Equal("GBAYE0601498", ds.TrackUri(0));
        Assert.Equal("artist/beatles", ds.ArtistUri(0));
        Assert.Equal("\"Heroes\"", ds.AlbumName(ds.TrackAlbums[6]));
        Assert.Equal("Quiet, then brighter", ds.PlaylistDescription(2));
        Assert.Equal(8, summary.Tracks);
        Assert.Empty(summary.Warnings);
    }

    [Fact]
    public void The_documentation_lists_every_column_with_its_aliases()
    {
        string doc = File.ReadAllText(Repository.File("docs/playlist-tables.md"));
        foreach (var column in PlaylistTableColumns.All)
        {
            string aliases = string.Join(", ", column.Aliases.Select(a => $"`{a}`"));
            Assert.Contains($"| `{column.Name}` | {aliases}{(aliases.Length > 0 ? " " : "")}| {(column.Required ? "yes" : "no")} |", doc);
        }
    }
}
