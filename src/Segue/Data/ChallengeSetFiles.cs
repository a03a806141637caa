using Segue.IO;

namespace Segue.Data;

/// <summary>
/// A challenge set in a folder: <c>challenge_set.json</c>, the seeds in the challenge's layout,
/// beside <c>challenge_truth.json</c>, the withheld tracks. The synthetic generator and
/// <c>segue challenge</c> write it the same way; evaluation and the submission verifier read it.
/// </summary>
public static class ChallengeSetFiles
{
    public const string SetFileName = "challenge_set.json";

    public static string SetPath(string folder) => Path.Combine(folder, SetFileName);

    public static string TruthPath(string folder) => Path.Combine(folder, ChallengeTruth.FileName);

    /// <summary>Writes both files into <paramref name="folder"/>, each atomically, with the tracks'
    /// fields from <paramref name="tracks"/>.</summary>
    internal static void Write(string folder, IMpdTracks tracks, IReadOnlyList<ChallengePlaylist> challenges)
    {
        using (var file = AtomicFile.Create(SetPath(folder)))
        {
            new MpdJsonWriter(tracks).WriteChallengeSet(file.Stream, challenges);
            file.Commit();
        }
        ChallengeTruth.Of(challenges, tracks).Write(TruthPath(folder));
    }
}
