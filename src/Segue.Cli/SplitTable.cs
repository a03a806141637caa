using Spectre.Console;
using Spectre.Console.Rendering;

namespace Segue.Cli;

/// <summary>
/// A table of figures whose rows are named in its first column, laid out at the width it is
/// rendered in: one table when every column fits, otherwise as many tables as it takes, each with
/// the row names and the next columns that fit, as a data frame prints on a narrow terminal. A
/// table squeezed into too few columns would wrap its headers and names mid-word instead.
/// </summary>
public sealed class SplitTable(string title, string rowHeader) : Renderable
{
    private readonly List<string> _headers = [];
    private readonly List<(string Name, string[] Cells)> _rows = [];

    /// <summary>A right-aligned column of figures under <paramref name="header"/>.</summary>
    public void AddColumn(string header) => _headers.Add(header);

    /// <summary>The row <paramref name="name"/>, with one cell per column added.</summary>
    public void AddRow(string name, IEnumerable<string> cells) => _rows.Add((name, [.. cells]));

    protected override IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        for (int first = 0, end; first < _headers.Count; first = end)
        {
            end = first + 1;
            while (end < _headers.Count && ((IRenderable)Block(first, end + 1)).Measure(options, maxWidth).Max <= maxWidth) end++;
            foreach (var segment in ((IRenderable)Block(first, end)).Render(options, maxWidth)) yield return segment;
        }
    }

    private Table Block(int first, int end)
    {
        var table = new Table().Title(Markup.Escape(first == 0 ? title : $"{title} (continued)")).AddColumn(Markup.Escape(rowHeader));
        for (int c = first; c < end; c++) table.AddColumn(new TableColumn(Markup.Escape(_headers[c])).RightAligned());
        foreach (var (name, cells) in _rows) table.AddRow([Markup.Escape(name), .. cells[first..end].Select(Markup.Escape)]);
        return table;
    }
}
