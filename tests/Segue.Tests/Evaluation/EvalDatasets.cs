using Segue.Data;

namespace Segue.Tests.Evaluation;

/// <summary>Small datasets for evaluation and baseline tests, written into a temporary folder.</summary>
public static class EvalDatasets
{
    /// <summary>Track <c>t{n}</c> by artist <c>ar{artist}</c>, on an album of its own.</summary>
    public static TrackRecord T(int n, int artist = -1) =>
        new($"spotify:track:t{n}", $"spotify:album:al{n}", $"spotify:artist:ar{(artist < 0 ? n : artist)}",
            $"Track {n}", $"Album {n}", $"Artist {artist}", 1000);

    /// <summary>
    /// Slice 0 trains, slice 1 is held out. Training playlists (track ids = n, in first appearance):
    /// [0 1 2], [0 1 3], [0 4], [5 1 1]; so the counts are 0:3 1:3 2:1 3:1 4:1 5:1. Held out: one
    /// playlist of tracks 0 6 7 8 9 10 11 12 1 2 (ids 6-12 unseen in training) and a short one.
    /// </summary>
    public static string Small(TempDir dir)
    {
        var builder = new DatasetBuilder(testEvery: 2, testOffset: 1);
        builder.AddPlaylist(100, "a", 0, [T(0), T(1), T(2)]);
        builder.AddPlaylist(101, "b", 0, [T(0), T(1), T(3)]);
        builder.AddPlaylist(102, "c", 0, [T(0), T(4)]);
        builder.AddPlaylist(103, "d", 0, [T(5), T(1), T(1)]);
        builder.AddPlaylist(200, "held", 1, [T(0), T(6), T(7), T(8), T(9), T(10), T(11), T(12), T(1), T(2)]);
        builder.AddPlaylist(201, "short", 1, [T(3), T(4)]);
        string path = dir.File("small.segue");
        builder.Write(path);
        return path;
    }

    /// <summary>A few hundred random playlists (deterministic) with a skewed track distribution,
    /// artists shared by groups of tracks; every other slice held out.</summary>
    public static string Random(TempDir dir, int playlists = 400, int tracks = 300, int seed = 7)
    {
        var random = new Random(seed);
        var builder = new DatasetBuilder(testEvery: 2, testOffset: 1);
        for (int p = 0; p < playlists; p++)
        {
            int length = random.Next(5, 30);
            var list = new List<TrackRecord>(length);
            for (int i = 0; i < length; i++)
            {
                int n = (int)(tracks * Math.Pow(random.NextDouble(), 2));
                list.Add(T(n, n / 7));
            }
            builder.AddPlaylist(p, $"list {p}", p / 50, list);
        }
        string path = dir.File("random.segue");
        builder.Write(path);
        return path;
    }
}
