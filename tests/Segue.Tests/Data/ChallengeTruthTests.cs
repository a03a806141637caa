using Segue.Data;

namespace Segue.Tests.Data;

public sealed class ChallengeTruthTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "segue-tests-truth-" + Guid.NewGuid().ToString("N"));

    public ChallengeTruthTests() => Directory.CreateDirectory(_folder);
    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void RoundTripsAndHasTheDocumentedLayout()
    {
        var path = Path.Combine(_folder, "truth.json");
        var truth = new ChallengeTruth([
            new ChallengeTruthPlaylist(1_000_000, 3, ["spotify:track:a", "spotify:track:b"]),
            new ChallengeTruthPlaylist(1_000_001, 10, ["spotify:track:c"]),
        ]);
        truth.Write(path);
        Assert.StartsWith(
            "{\n    \"version\": 1,\n    \"playlists\": [\n        {\n            \"pid\": 1000000,\n            \"category\": 3,\n" +
            "            \"holdouts\": [\n                \"spotify:track:a\",\n                \"spotify:track:b\"\n            ]\n        },\n",
            File.ReadAllText(path));
        var read = ChallengeTruth.Read(path);
        Assert.Equal(2, read.Playlists.Count);
        Assert.Equal((1_000_001, 10), (read.Playlists[1].Pid, read.Playlists[1].Category));
        Assert.Equal(["spotify:track:a", "spotify:track:b"], read.Playlists[0].Holdouts);
    }

    [Theory]
    [InlineData("{\"version\": 2, \"playlists\": []}", "field 'version' is 2; this Segue reads version 1")]
    [InlineData("{\"version\": 1, \"playlists\": [{\"pid\": 5, \"category\": 11, \"holdouts\": []}]}", "playlist 0 (pid 5): field 'category' is 11; expected 1..10")]
    [InlineData("{\"version\": 1, \"playlists\": [{\"pid\": 5, \"category\": 1, \"holdouts\": [3]}]}", "playlist 0 (pid 5): field 'holdouts' holds a Number; expected track URI strings")]
    [InlineData("{\"version\": 1, \"playlists\": [{\"category\": 1}]}", "playlist 0: field 'pid' is missing")]
    public void BadFilesNameTheRecordAndField(string json, string expected)
    {
        var path = Path.Combine(_folder, "bad.json");
        File.WriteAllText(path, json);
        var error = Assert.Throws<SegueException>(() => ChallengeTruth.Read(path));
        Assert.Equal($"{path}: {expected}", error.Message);
    }
}
