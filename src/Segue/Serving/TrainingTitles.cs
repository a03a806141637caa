using Segue.Data;

namespace Segue.Serving;

/// <summary>
/// The titles of the training playlists under the MPD's normalisation (<see cref="PlaylistTitle"/>),
/// and their words: what a title model can know. Tells whether a request's title is known (as a
/// whole or by a word) and which training playlists bear exactly it.
/// </summary>
public sealed class TrainingTitles
{
    private readonly Dictionary<string, int> _titleIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);
    private readonly int[] _titleOf;   // per playlist: its title's id, -1 outside the training split

    public TrainingTitles(Dataset dataset)
    {
        _titleOf = new int[dataset.PlaylistCount];
        Array.Fill(_titleOf, -1);
        foreach (int p in dataset.TrainPlaylists)
        {
            string title = PlaylistTitle.Normalize(dataset.PlaylistName(p));
            if (!_titleIds.TryGetValue(title, out int id)) _titleIds.Add(title, id = _titleIds.Count);
            _titleOf[p] = id;
            _words.UnionWith(PlaylistTitle.Tokens(title));
        }
    }

    /// <summary>True when some training playlist bears <paramref name="title"/> or a word of it, normalised.</summary>
    public bool Knows(string title)
    {
        string normalized = PlaylistTitle.Normalize(title);
        return _titleIds.ContainsKey(normalized) || PlaylistTitle.Tokens(normalized).Any(_words.Contains);
    }

    /// <summary>The id of <paramref name="title"/> (normalised here), or -1 when no training playlist bears it.</summary>
    public int Id(string title) => _titleIds.GetValueOrDefault(PlaylistTitle.Normalize(title), -1);

    /// <summary>The title id of <paramref name="playlist"/>, -1 outside the training split.</summary>
    public int TitleOf(int playlist) => _titleOf[playlist];
}
