namespace Segue.Data.Synth;

/// <summary>The synthetic challenge set: generated playlists held out of the slices.</summary>
internal static class SynthChallenge
{
    /// <summary>The <paramref name="index"/>-th of <paramref name="count"/> challenge playlists: the
    /// categories take equal consecutive blocks, as in the real challenge set.</summary>
    public static ChallengePlaylist Make(PlaylistModel model, long seed, int index, int count, int pid)
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
        return new ChallengePlaylist(playlist, category, seeds);
    }
}
