using Segue.Data;
using Segue.Evaluation;
using Segue.Retrieval;

namespace Segue.Tests.Evaluation;

public class ChallengeCasesTests
{
    private const string Set = """
        {"date": "2018-01-16 08:47:28.198015", "version": "v1", "playlists": [
          {"name": "road", "num_holdouts": 4, "pid": 1000000, "num_tracks": 6, "num_samples": 2, "tracks": [
            {"pos": 0, "artist_name": "A", "track_uri": "spotify:track:t0", "artist_uri": "spotify:artist:ar0",
             "track_name": "T", "album_uri": "spotify:album:al0", "duration_ms": 1, "album_name": "B"},
            {"pos": 1, "track_uri": "spotify:track:unknown-seed"}]},
          {"num_holdouts": 1, "pid": 1000001, "num_tracks": 1, "num_samples": 0, "tracks": []}
        ]}
        """;

    private const string Truth = """
        {"version": 1, "playlists": [
          {"pid": 1000001, "category": 1, "holdouts": ["spotify:track:t1"]},
          {"pid": 1000000, "category": 3, "holdouts": ["spotify:track:t2", "spotify:track:nope", "spotify:track:t2", "spotify:track:nope2", "spotify:track:nope"]}
        ]}
        """;

    private static IReadOnlyList<EvalCase> Load(TempDir dir, Dataset ds, string set, string? truth, out bool hasTruth)
    {
        File.WriteAllText(dir.File(ChallengeSetFiles.SetFileName), set);
        if (truth is not null) File.WriteAllText(dir.File(ChallengeTruth.FileName), truth);
        return ChallengeCases.Load(dir.Path, ds, out hasTruth);
    }

    [Fact]
    public void Seeds_and_withheld_tracks_become_dataset_ids()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(EvalDatasets.Small(dir));
        var cases = Load(dir, ds, Set, Truth, out bool hasTruth);
        Assert.True(hasTruth);
        Assert.Equal(2, cases.Count);
        var road = cases[0];
        Assert.Equal((1000000, 3, "road"), (road.Pid, road.Category, road.Title));
        Assert.Equal([0], road.Seeds);                          // the unknown seed is dropped
        Assert.Equal([2, -1, 2, -2, -1], road.Withheld);        // unknown withheld tracks stay, one id per URI
        Assert.Equal((1000001, 1, (string?)null), (cases[1].Pid, cases[1].Category, cases[1].Title));
        Assert.Empty(cases[1].Seeds);
        Assert.Equal([1], cases[1].Withheld);
    }

    /// <summary>A challenge playlist of pid 1000000 + <paramref name="index"/> whose tracks are
    /// (URI, pos) pairs.</summary>
    private static string Playlist(int index, params (string Uri, int Pos)[] tracks) =>
        $$"""{"name": "p", "pid": {{1000000 + index}}, "tracks": [{{string.Join(", ", tracks.Select(t => $$"""{"pos": {{t.Pos}}, "track_uri": "{{t.Uri}}"}"""))}}]}""";

    [Fact]
    public void The_seeds_are_sampled_when_their_positions_are_not_the_first_in_order()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(EvalDatasets.Small(dir));
        string set = $$"""{"playlists": [{{string.Join(", ", (string[])[
            Playlist(0, ("spotify:track:t0", 0), ("spotify:track:t1", 1), ("spotify:track:t2", 2)),
            Playlist(1, ("spotify:track:t0", 0), ("spotify:track:t3", 4), ("spotify:track:t1", 9)),
            // The unknown seed is dropped, but its position still says the seeds are a sample.
            Playlist(2, ("spotify:track:t0", 0), ("spotify:track:t1", 1), ("spotify:track:unknown", 6)),
            Playlist(3, ("spotify:track:t1", 1), ("spotify:track:t0", 0)),
            Playlist(4, ("spotify:track:unknown", 0), ("spotify:track:t4", 1)),
            Playlist(5)])}}]}""";
        var cases = Load(dir, ds, set, null, out _);
        Assert.Equal([SeedOrder.First, SeedOrder.Sampled, SeedOrder.Sampled, SeedOrder.Sampled, SeedOrder.First, SeedOrder.First],
            cases.Select(c => c.SeedOrder));
        Assert.Equal([0, 1], cases[2].Seeds);
        Assert.Equal([4], cases[4].Seeds);
        Assert.All(cases, c => Assert.Equal(c.SeedOrder, c.Query.SeedOrder));
    }

    [Fact]
    public void A_random_sample_that_is_the_first_tracks_agrees_with_its_random_category()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(EvalDatasets.Small(dir));
        string set = $$"""{"playlists": [{{Playlist(0, ("spotify:track:t0", 0), ("spotify:track:t1", 3))}}, {{Playlist(1, ("spotify:track:t0", 0))}}]}""";
        string truth = """
            {"version": 1, "playlists": [{"pid": 1000000, "category": 10, "holdouts": ["spotify:track:t2"]},
              {"pid": 1000001, "category": 8, "holdouts": ["spotify:track:t2"]}]}
            """;
        var cases = Load(dir, ds, set, truth, out _);
        Assert.Equal([(10, SeedOrder.Sampled), (8, SeedOrder.First)], cases.Select(c => (c.Category, c.SeedOrder)));
    }

    [Fact]
    public void A_byte_order_mark_is_ignored_as_in_a_slice()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(EvalDatasets.Small(dir));
        File.WriteAllText(dir.File(ChallengeSetFiles.SetFileName), Set, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        File.WriteAllText(dir.File(ChallengeTruth.FileName), Truth, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        Assert.Equal(0xEF, File.ReadAllBytes(dir.File(ChallengeSetFiles.SetFileName))[0]);
        Assert.Equal(2, ChallengeCases.Load(dir.Path, ds, out _).Count);
    }

    [Fact]
    public void Without_a_truth_file_the_cases_can_only_be_ranked()
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(EvalDatasets.Small(dir));
        var cases = Load(dir, ds, Set, null, out bool hasTruth);
        Assert.False(hasTruth);
        Assert.All(cases, c => Assert.Equal((0, 0), (c.Category, c.Withheld.Length)));
    }

    [Theory]
    [InlineData("""{"playlists": [{"tracks": []}]}""", null, "challenge_set.json: playlist 0: field 'pid' is missing")]
    [InlineData("""{"playlists": [{"pid": 5, "tracks": [{"pos": 0, "track_uri": 7}]}]}""", null,
        "challenge_set.json: playlist 0 (pid 5), track 0: field 'track_uri' is a Number; expected a String")]
    [InlineData("""{"playlists": [{"pid": 5, "tracks": [{"pos": 0, "track_uri": "spotify:track:t0"}, {"track_uri": "spotify:track:t1"}]}]}""", null,
        "challenge_set.json: playlist 0 (pid 5), track 1: field 'pos' is missing")]
    [InlineData("""{"playlists": [{"pid": 5, "tracks": [{"pos": "0", "track_uri": "spotify:track:t0"}]}]}""", null,
        "challenge_set.json: playlist 0 (pid 5), track 0: field 'pos' is a String; expected a Number")]
    [InlineData("""{"playlists": [{"pid": 5, "tracks": [{"pos": 1.5, "track_uri": "spotify:track:t0"}]}]}""", null,
        "challenge_set.json: playlist 0 (pid 5), track 0: field 'pos' is 1.5; expected an integer")]
    [InlineData("""{"playlists": [{"pid": 5, "tracks": [{"pos": -1, "track_uri": "spotify:track:t0"}]}]}""", null,
        "challenge_set.json: playlist 0 (pid 5), track 0: field 'pos' is -1; expected a non-negative integer")]
    [InlineData("""{"playlists": [{"pid": 5, "tracks": [7]}]}""", null,
        "challenge_set.json: playlist 0 (pid 5), track 0: field 'tracks' holds a Number; expected track objects")]
    [InlineData("""{"playlists": [{"pid": 5, "tracks": [{"pos": 0, "track_uri": "x"}, {"pos": 2, "track_uri": "y"}]}]}""",
        """{"version": 1, "playlists": [{"pid": 5, "category": 7, "holdouts": ["z"]}]}""",
        "challenge_set.json: playlist 0 (pid 5): field 'pos': the seeds are not the playlist's first 2 tracks in order, " +
        "but {dir}/challenge_truth.json gives category 7 (title, first 25)")]
    [InlineData("""{"playlists": [{"pid": 5, "tracks": []}, {"pid": 5, "tracks": []}]}""", null,
        "challenge_set.json: playlist 1 (pid 5): field 'pid' repeats an earlier playlist's")]
    [InlineData("""{"playlists": [{"pid": 5, "tracks": []}]}""", """{"version": 1, "playlists": [{"pid": 5, "category": 2, "holdouts": []}]}""",
        "challenge_truth.json: playlist 0 (pid 5): field 'holdouts' is empty; nothing to evaluate")]
    [InlineData("""{"playlists": [{"pid": 5, "tracks": []}]}""", """{"version": 1, "playlists": [{"pid": 6, "category": 2, "holdouts": ["x"]}]}""",
        "challenge_truth.json: no playlist of pid 5 (in {dir}/challenge_set.json)")]
    [InlineData("""{"playlists": [{"pid": 5, "tracks": []}]}""", """{"version": 1, "playlists": [{"pid": 5, "category": 11, "holdouts": ["x"]}]}""",
        "challenge_truth.json: playlist 0 (pid 5): field 'category' is 11; expected 1..10")]
    [InlineData("""{"playlists": [{"pid": 5, "tracks": []}]}""", """{"version": 2, "playlists": []}""",
        "challenge_truth.json: field 'version' is 2; this Segue reads version 1")]
    public void Bad_input_names_the_file_the_playlist_and_the_field(string set, string? truth, string message)
    {
        using var dir = new TempDir();
        using var ds = Dataset.Open(EvalDatasets.Small(dir));
        var e = Assert.Throws<SegueException>(() => Load(dir, ds, set, truth, out _));
        Assert.Equal(Path.Combine(dir.Path, message.Replace("{dir}", dir.Path)), e.Message);
    }
}
