using Segue.Settings;

namespace Segue.Data.Synth;

/// <summary>What <see cref="SynthGenerator"/> makes: how many playlists, from which seed.</summary>
public sealed record SynthOptions
{
    /// <summary>More playlists than this would overflow the MPD's integer pids in practice and our memory.</summary>
    public const int MaxPlaylists = 10_000_000;

    [Setting("seed", "Random seed; the same seed, sizes and slice size give the same bytes")]
    public long Seed { get; init; } = 1;
    /// <summary>Playlists written to slices, pids 0..Playlists-1.</summary>
    [Setting("playlists", "Playlists in the slices (1,000 per file)", Min = 1, Max = MaxPlaylists)]
    public int Playlists { get; init; } = 10_000;
    /// <summary>Challenge playlists (pids following the slices'), 0 for no challenge set.</summary>
    [Setting("challenge_playlists", "Also write a challenge set of this many extra playlists and its answers", Option = "challenge",
        Min = 0, Zero = "no challenge set")]
    public int ChallengePlaylists { get; init; }
    /// <summary>Worker threads; 0 for one per core. The output does not depend on it.</summary>
    [Setting("threads", "Worker threads, 0 for one per core (the output does not depend on it)", Min = 0, Zero = "one per core")]
    public int Threads { get; init; }
    /// <summary>Playlists per slice file: the MPD's 1,000, or fewer, so that a small dataset has the
    /// ten slices its held-out split (every tenth slice) needs.</summary>
    [Setting("slice_size", "Playlists per slice file (fewer than the MPD's 1,000 give a small dataset the ten slices its held-out split needs)",
        Min = 1, Max = MaxSliceSize)]
    public int SliceSize { get; init; } = MaxSliceSize;

    public const int MaxSliceSize = 1_000;

    /// <summary>Throws a one-line <see cref="SettingException"/> naming the first setting out of its range by its key.</summary>
    public void Validate()
    {
        SettingTable.Of<SynthOptions>().Validate(this);
        SettingException.Require((long)Playlists + ChallengePlaylists <= MaxPlaylists, "challenge_playlists", ChallengePlaylists,
            $"at most {MaxPlaylists - Playlists} beside {Playlists} playlists: together at most {MaxPlaylists}");
    }
}
