using Segue.Data;

namespace Segue.Tests.Data;

public class TitleHistogramsTests
{
    [Fact]
    public void Titles_and_descriptions_are_counted_full_and_normalised_most_frequent_first()
    {
        using var dir = new TempDir();
        string[] titles = ["Road Trip", "road trip!!", "Chill", "ROAD TRIP", "Gym", "chill", "Road_Trip"];
        string[] descriptions = ["", "for the car", "", "For the car.", "", "", "for the car"];
        var rows = titles.Select((t, p) => $"{p},0,{t},t{p},T,r,R,a,A,1000,{descriptions[p]}");
        string table = TableCsv.Write(dir, "t.csv", [TableCsv.MinimalHeader + ",description", .. rows]);
        TableIngest.Run([table], dir.File("d.segue"), new IngestOptions(), Progress.None);
        using var ds = Dataset.Open(dir.File("d.segue"));
        var h = TitleHistograms.Compute(ds, top: 3);
        Assert.Equal((7, 3), (h.Playlists, h.Described));
        // Lower case only: "road trip" twice; equal counts in order of first appearance (Python's most_common).
        Assert.Equal(5, h.Titles.Distinct);
        Assert.Equal([("road trip", 2), ("chill", 2), ("road trip!!", 1)], h.Titles.Top.Select(e => (e.Text, e.Playlists)));
        // Normalised: the MPD's punctuation (! and _ among it) to spaces, trimmed: every road trip is one.
        Assert.Equal([("road trip", 4), ("chill", 2), ("gym", 1)], h.NormalizedTitles.Top.Select(e => (e.Text, e.Playlists)));
        Assert.Equal([("for the car", 2), ("For the car.", 1)], h.Descriptions.Top.Select(e => (e.Text, e.Playlists)));
        Assert.Equal([("for the car", 3)], h.NormalizedDescriptions.Top.Select(e => (e.Text, e.Playlists)));
        Assert.Equal(3, TitleHistograms.Compute(ds, top: 10).NormalizedTitles.Top.Count);
    }
}
