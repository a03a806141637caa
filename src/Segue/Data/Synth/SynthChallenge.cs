namespace Segue.Data.Synth;

/// <summary>
/// A challenge playlist: a generated playlist held out of the slices, the category that says
/// how much of it is shown, and which of its positions are the seeds (ascending).
/// </summary>
internal sealed record SynthChallenge(SynthPlaylist Playlist, ChallengeCategory Category, int[] SeedPositions)
{
    /// <summary>The <paramref name="index"/>-th of <paramref name="count"/> challenge playlists: the
    /// categories take equal consecutive blocks, as in the real challenge set.</summary>
    public static SynthChallenge Make(PlaylistModel model, long seed, int index, int count, int pid)
    {
        var category = ChallengeCategory.All[(int)((long)index * ChallengeCategory.All.Count / count)];
        var random = SynthRandom.For(seed, SynthRandom.Streams.Challenge, index);
        // At least one track must be left to predict.
        var playlist = model.Generate(ref random, pid, Math.Max(PlaylistModel.MinLength, category.Seeds + 1));
        int[] positions = new int[playlist.Tracks.Length];
        for (int i = 0; i < positions.Length; i++) positions[i] = i;
        if (category.RandomSeeds)
        {
            // A partial Fisher-Yates shuffle puts a uniform sample of positions in front.
            for (int i = 0; i < category.Seeds; i++)
            {
                int j = i + random.Next(positions.Length - i);
                (positions[i], positions[j]) = (positions[j], positions[i]);
            }
        }
        int[] seeds = positions[..category.Seeds];
        Array.Sort(seeds);
        return new SynthChallenge(playlist, category, seeds);
    }

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
