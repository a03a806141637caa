namespace Segue.Retrieval;

/// <summary>
/// A playlist to continue, as a recommender sees it: its seed tracks (dataset track ids, in
/// playlist order; may be empty), its title (may be null) and whether the seeds are its first
/// tracks or a sample of it. A view over the caller's buffers: building one allocates nothing.
/// </summary>
public readonly ref struct PlaylistQuery(ReadOnlySpan<int> seeds, string? title, SeedOrder seedOrder)
{
    public ReadOnlySpan<int> Seeds { get; } = seeds;
    public string? Title { get; } = title;
    public SeedOrder SeedOrder { get; } = seedOrder;
}
