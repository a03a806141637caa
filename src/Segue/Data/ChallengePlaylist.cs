namespace Segue.Data;

/// <summary>
/// A challenge playlist: a playlist held out of the training slices, the category that says how
/// much of it is shown, and which of its positions are the seeds (ascending).
/// </summary>
internal sealed record ChallengePlaylist(MpdPlaylist Playlist, ChallengeCategory Category, int[] SeedPositions)
{
    /// <summary>The positions not given as seeds, in playlist order.</summary>
    public IEnumerable<int> HoldoutPositions()
    {
        int next = 0;
        for (int pos = 0; pos < Playlist.Tracks.Length; pos++)
        {
            if (next < SeedPositions.Length && SeedPositions[next] == pos) next++;
            else yield return pos;
        }
    }
}
