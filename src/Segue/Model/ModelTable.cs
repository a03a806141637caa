namespace Segue.Model;

/// <summary>
/// The parameter tables a model can hold, by name rather than by position: a model always has
/// <see cref="Albums"/> and <see cref="Artists"/>, and <see cref="Tracks"/> and
/// <see cref="Duration"/> when its config switches them on. Gradients, optimiser state and files
/// address a table by its id, so a new table is one more member here, not a shift of every index.
/// </summary>
public enum ModelTable { Albums, Artists, Tracks, Duration }

public static class ModelTables
{
    /// <summary>How many kinds of table there are: the length of an array indexed by <see cref="ModelTable"/>.</summary>
    public const int Count = 4;

    /// <summary>The table's name in model files, checkpoints and exports.</summary>
    public static string FileName(this ModelTable table) => table switch
    {
        ModelTable.Albums => "albums",
        ModelTable.Artists => "artists",
        ModelTable.Tracks => "tracks",
        ModelTable.Duration => "duration",
        _ => throw new ArgumentOutOfRangeException(nameof(table)),
    };
}
