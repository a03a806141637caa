using Segue.Data;

namespace Segue.Tests.Data;

public class PlaylistTitleTests
{
    // Expected values are the MPD stats script's normalize_name (Python: lower(), the punctuation
    // class to spaces, \s+ to one space, strip) run on each title.
    [Theory]
    [InlineData("Road Trip!", "road trip")]
    [InlineData("  chill   vibes ", "chill vibes")]
    [InlineData("(work_out)", "work out")]
    [InlineData("Rock & Roll", "rock & roll")]
    [InlineData("..!!", "")]
    [InlineData("\ud83d\udd25 Summer \ud83d\udd25 Party!!!", "\ud83d\udd25 summer \ud83d\udd25 party")]
    [InlineData("S U M M E R", "s u m m e r")]
    [InlineData("\uff23\uff48\uff49\uff4c\uff4c", "\uff43\uff48\uff49\uff4c\uff4c")]
    [InlineData("rap/hip-hop", "rap hip-hop")]
    [InlineData("#TBT", "tbt")]
    [InlineData("\u00dcn\u00efc\u00f6d\u00e9 \u00c9T\u00c9", "\u00fcn\u00efc\u00f6d\u00e9 \u00e9t\u00e9")]
    [InlineData("90's\tjams\n", "90's jams")]
    [InlineData("[gym] {cardio}", "[gym] cardio")]
    [InlineData("\u00a0nbsp\u2003em", "nbsp em")]
    [InlineData("\u03a3\u039f\u03a6\u0399\u0391", "\u03c3\u03bf\u03c6\u03b9\u03b1")]
    [InlineData("l'\u00e9t\u00e9_2017", "l'\u00e9t\u00e9 2017")]
    [InlineData("a\\b|c", "a\\b|c")]
    public void Titles_normalize_as_the_MPD_stats_script_does(string name, string expected) =>
        Assert.Equal(expected, PlaylistTitle.Normalize(name));

    [Fact]
    public void Tokens_are_the_distinct_words_in_order() =>
        Assert.Equal(["summer", "party", "2017"], PlaylistTitle.Tokens(PlaylistTitle.Normalize("Summer PARTY summer_2017!")));
}
