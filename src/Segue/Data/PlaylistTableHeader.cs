using System.Text;

namespace Segue.Data;

/// <summary>
/// A playlist table's first row: which field of a row holds each column. A required column
/// missing, or one named twice, is refused naming the file and the header's line; columns Segue
/// does not know are kept in <see cref="Ignored"/> so that ingest can say they were left out.
/// </summary>
internal sealed class PlaylistTableHeader
{
    private readonly Dictionary<PlaylistTableColumn, int> _fields = [];

    public int FieldCount { get; }
    public IReadOnlyList<string> Names { get; }
    public IReadOnlyList<string> Ignored { get; }

    private PlaylistTableHeader(string file, IReadOnlyList<string> names)
    {
        FieldCount = names.Count;
        Names = names;
        var ignored = new List<string>();
        for (int i = 0; i < names.Count; i++)
        {
            if (PlaylistTableColumns.Named(names[i]) is not { } column)
            {
                ignored.Add(names[i]);
                continue;
            }
            if (!_fields.TryAdd(column, i))
                throw new SegueException($"{file}: line 1, column {i + 1}: '{names[i]}' names the column '{column.Name}' again (column {_fields[column] + 1})");
        }
        foreach (var column in PlaylistTableColumns.All.Where(c => c.Required && !_fields.ContainsKey(c)))
            throw new SegueException($"{file}: line 1: no column '{column.Name}'{(column.Aliases.Count > 0 ? $" (or {string.Join(", ", column.Aliases)})" : "")} in the header ({string.Join(", ", names)}); a playlist table has the columns {string.Join(", ", PlaylistTableColumns.All.Where(c => c.Required).Select(c => c.Name))}");
        Ignored = ignored;
    }

    /// <summary>The header of <paramref name="file"/>, its first row as <paramref name="splitter"/> split it.</summary>
    public static PlaylistTableHeader Read(string file, ReadOnlySpan<byte> row, RowSplitter splitter)
    {
        if (splitter.Split(row) is var (problem, field))
            throw new SegueException($"{file}: line 1, column {field}: {problem}");
        var names = new string[splitter.Count];
        for (int i = 0; i < names.Length; i++)
        {
            var bytes = splitter.Field(row, i);
            if (!System.Text.Unicode.Utf8.IsValid(bytes)) throw new SegueException($"{file}: line 1, column {i + 1}: not valid UTF-8 text");
            names[i] = Encoding.UTF8.GetString(bytes).Trim();
        }
        return new PlaylistTableHeader(file, names);
    }

    /// <summary>Field <paramref name="field"/> (0-based) in a message: its number and its name in the header.</summary>
    public string Column(int field) => $"column {field + 1} ({Names[field]})";

    /// <summary>The field (0-based) holding <paramref name="column"/>, or -1 when the table has none.</summary>
    public int FieldOf(PlaylistTableColumn column) => _fields.GetValueOrDefault(column, -1);
}
