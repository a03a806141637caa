namespace Segue.Retrieval;

/// <summary>
/// A playlist to continue, as a recommender sees it: its seed tracks (dataset track ids, in
/// playlist order; may be empty), its title (may be null), whether the seeds are its first tracks
/// or a sample of it, and where in the playlist each seed stands (empty: the seeds are positions
/// 0, 1, ..., as a playlist being built is). It may carry its seed set, built once by whoever asks
/// several recommenders (a ranker its generators), so that none builds it again. A view over the
/// caller's buffers: building one allocates nothing.
/// </summary>
public readonly ref struct PlaylistQuery(ReadOnlySpan<int> seeds, string? title, SeedOrder seedOrder, ReadOnlySpan<int> seedPositions = default,
    QuerySeeds? seedSet = null)
{
    public ReadOnlySpan<int> Seeds { get; } = seeds;
    public string? Title { get; } = title;
    public SeedOrder SeedOrder { get; } = seedOrder;
    /// <summary>Each seed's 0-based position in the playlist, aligned with <see cref="Seeds"/>; empty when they are 0, 1, ....</summary>
    public ReadOnlySpan<int> SeedPositions { get; } = seedPositions;
    /// <summary>The seed set of these seeds, when the query carries one (<see cref="With"/>).</summary>
    public QuerySeeds? SeedSet { get; } = seedSet;

    /// <summary>The position of seed <paramref name="i"/>.</summary>
    public int PositionOf(int i) => SeedPositions.IsEmpty ? i : SeedPositions[i];

    /// <summary>This query carrying its seed set, built into <paramref name="set"/>.</summary>
    public PlaylistQuery With(QuerySeeds set) => new(Seeds, Title, SeedOrder, SeedPositions, set.Load(Seeds));
}
