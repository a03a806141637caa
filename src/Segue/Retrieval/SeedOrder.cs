namespace Segue.Retrieval;

/// <summary>
/// Whether a playlist's seeds are its first tracks or a sample of it. The RecSys Challenge gives
/// the first 0, 1, 5, 10, 25 or 100 tracks of most playlists, but a random 25 or 100 of some
/// (categories 8 and 10): there the withheld tracks lie between the seeds, not after them.
/// </summary>
public enum SeedOrder
{
    /// <summary>The seeds are the playlist's first tracks, in order (a user's playlist so far).</summary>
    First,
    /// <summary>The seeds are taken from anywhere in the playlist.</summary>
    Sampled,
}

public static class SeedOrderExtensions
{
    extension(SeedOrder)
    {
        /// <summary>The order of seeds taken from these playlist positions (0-based, in the order
        /// given): <see cref="SeedOrder.First"/> exactly when they are 0, 1, ..., n - 1. A random
        /// sample that happens to be the first n tracks is the first n tracks.</summary>
        public static SeedOrder Of(ReadOnlySpan<int> positions)
        {
            for (int i = 0; i < positions.Length; i++)
                if (positions[i] != i) return SeedOrder.Sampled;
            return SeedOrder.First;
        }
    }
}
