namespace Segue.Data.Synth;

/// <summary>The synthetic challenge set: generated playlists held out of the slices.</summary>
internal static class SynthChallenge
{
    /// <summary>The <paramref name="index"/>-th of <paramref name="count"/> challenge playlists, in
    /// its category's block (<see cref="ChallengeCategory.Quota"/>).</summary>
    public static ChallengePlaylist Make(PlaylistModel model, long seed, int index, int count, int pid)
    {
        var category = ChallengeCategory.At(index, count);
        var random = SynthRandom.For(seed, SynthRandom.Streams.Challenge, index);
        // The model's floor, not a dataset's: the short categories have always drawn synthetic
        // playlists from the model's shortest up, and a seed's challenge set keeps its bytes.
        var playlist = model.Generate(ref random, pid, ChallengeSeeds.MinLengthOf(category, PlaylistModel.MinLength));
        return new ChallengePlaylist(playlist, category, ChallengeSeeds.Positions(category, playlist.Tracks.Length, ref random));
    }
}
