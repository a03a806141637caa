namespace Segue.Tests.Runs;

public class CatalogueEscapeTests
{
    [Theory]
    [InlineData("Plain name", "Plain name")]
    [InlineData("a\tb", "a\\tb")]
    [InlineData("line\nbreak\r", "line\\nbreak\\r")]
    [InlineData("back\\slash\t", "back\\\\slash\\t")]
    public void Tabs_newlines_and_backslashes_are_escaped_so_a_track_stays_one_line(string field, string expected) =>
        Assert.Equal(expected, Segue.Runs.ModelExport.Escape(field));
}
