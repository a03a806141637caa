namespace Segue.Data.Synth;

/// <summary>What <see cref="SynthGenerator"/> makes: how many playlists, from which seed.</summary>
public sealed record SynthOptions
{
    /// <summary>More playlists than this would overflow the MPD's integer pids in practice and our memory.</summary>
    public const int MaxPlaylists = 10_000_000;

    public long Seed { get; init; }
    /// <summary>Playlists written to slices, pids 0..Playlists-1.</summary>
    public int Playlists { get; init; } = 1_000;
    /// <summary>Challenge playlists (pids following the slices'), 0 for no challenge set.</summary>
    public int ChallengePlaylists { get; init; }
    /// <summary>Worker threads; 0 for one per core. The output does not depend on it.</summary>
    public int Threads { get; init; }
    /// <summary>Playlists per slice file: the MPD's 1,000, or fewer, so that a small dataset has the
    /// ten slices its held-out split (every tenth slice) needs.</summary>
    public int SliceSize { get; init; } = MaxSliceSize;

    public const int MaxSliceSize = 1_000;

    /// <summary>Throws <see cref="SegueException"/> naming the offending option.</summary>
    public void Validate()
    {
        if (Playlists < 1)
            throw new SegueException($"--playlists must be at least 1 (got {Playlists})");
        if (ChallengePlaylists < 0)
            throw new SegueException($"--challenge must be 0 or more (got {ChallengePlaylists})");
        if ((long)Playlists + ChallengePlaylists > MaxPlaylists)
            throw new SegueException($"--playlists plus --challenge must be at most {MaxPlaylists:N0} (got {(long)Playlists + ChallengePlaylists:N0})");
        if (Threads < 0)
            throw new SegueException($"--threads must be 0 (one per core) or more (got {Threads})");
        SettingException.Require(SliceSize is >= 1 and <= MaxSliceSize, "slice_size", SliceSize, $"between 1 and {MaxSliceSize}");
    }
}
