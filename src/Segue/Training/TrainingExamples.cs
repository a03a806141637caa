namespace Segue.Training;

/// <summary>
/// The book's training examples: the training-split playlists with at least the minimum number
/// of tracks, in dataset order (the book does not shuffle). Example i is played at steps
/// i + 1, i + 1 + Count, ...; its first K tracks are the context and the rest the next tracks.
/// </summary>
public sealed class TrainingExamples
{
    private readonly int[] _tracks;
    private readonly int[] _offsets;

    /// <summary>Keeps the playlists of <paramref name="playlists"/> with at least
    /// <paramref name="minLength"/> tracks, in order.</summary>
    public TrainingExamples(IEnumerable<int[]> playlists, int minLength)
    {
        var kept = playlists.Where(p => p.Length >= minLength).ToArray();
        _offsets = new int[kept.Length + 1];
        for (int i = 0; i < kept.Length; i++)
            _offsets[i + 1] = checked(_offsets[i] + kept[i].Length);
        _tracks = kept.SelectMany(p => p).ToArray();
    }

    /// <summary>The examples of a dataset's training split; a <see cref="SegueException"/> when none
    /// is long enough.</summary>
    public static TrainingExamples FromDataset(Data.Dataset dataset, int minLength)
    {
        var train = dataset.TrainPlaylists.ToArray();
        var examples = new TrainingExamples(train.Select(p => dataset.PlaylistTracks(p).ToArray()), minLength);
        if (examples.Count == 0)
            throw new SegueException($"{dataset.FilePath}: no training playlist has at least {minLength} tracks (min_length)");
        return examples;
    }

    public int Count => _offsets.Length - 1;

    public ReadOnlySpan<int> Playlist(int example) => _tracks.AsSpan(_offsets[example], _offsets[example + 1] - _offsets[example]);

    /// <summary>The example played at step <paramref name="step"/> (1-based).</summary>
    public ReadOnlySpan<int> AtStep(long step) => Playlist((int)((step - 1) % Count));
}
