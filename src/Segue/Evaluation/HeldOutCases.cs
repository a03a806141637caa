using Segue.Data;
using Segue.Retrieval;

namespace Segue.Evaluation;

/// <summary>Evaluation cases taken from a dataset's held-out split.</summary>
public static class HeldOutCases
{
    /// <summary>
    /// The book's test examples: test-split playlists with at least <paramref name="minLength"/>
    /// tracks, in split order, the first <paramref name="contextLength"/> as seeds and the rest
    /// withheld; the first <paramref name="limit"/> of them when it is above 0.
    /// </summary>
    public static IReadOnlyList<EvalCase> FromTestSplit(Dataset dataset, int contextLength = 5, int minLength = 10, int limit = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(contextLength);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(minLength, contextLength);
        var cases = new List<EvalCase>();
        foreach (int playlist in dataset.TestPlaylists)
        {
            if (limit > 0 && cases.Count == limit) break;
            var tracks = dataset.PlaylistTracks(playlist);
            if (tracks.Length < minLength) continue;
            cases.Add(new EvalCase(dataset.Pids[playlist], 0, tracks[..contextLength].ToArray(),
                tracks[contextLength..].ToArray(), dataset.PlaylistName(playlist), SeedOrder.First));
        }
        return cases;
    }
}
