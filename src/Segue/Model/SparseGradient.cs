namespace Segue.Model;

/// <summary>
/// The gradient of one step for one table: only the rows the step touched, each once, with the
/// sum of its contributions (a row used several times in an example receives the sum of its
/// gradients). Clearing costs the touched rows, not the table, so a step's cost never grows
/// with the table size. Buffers grow to the largest example seen and are then reused.
/// </summary>
public sealed class SparseGradient
{
    private readonly int[] _slotOfRow;  // -1 where the row is untouched this step
    private int[] _rows = new int[64];
    private float[] _values;

    public SparseGradient(int tableRows, int cols)
    {
        _slotOfRow = new int[tableRows];
        Array.Fill(_slotOfRow, -1);
        Cols = cols;
        _values = new float[_rows.Length * cols];
    }

    public int Cols { get; }
    /// <summary>How many distinct rows the step touched.</summary>
    public int Count { get; private set; }

    /// <summary>The table row of the <paramref name="slot"/>-th touched row.</summary>
    public int RowAt(int slot) => _rows[slot];

    public Span<float> GradientAt(int slot) => _values.AsSpan(slot * Cols, Cols);

    /// <summary>The gradient accumulator of <paramref name="row"/>, zero when first touched this step.</summary>
    public Span<float> Accumulate(int row)
    {
        int slot = _slotOfRow[row];
        if (slot < 0)
        {
            if (Count == _rows.Length) Grow();
            slot = Count++;
            _slotOfRow[row] = slot;
            _rows[slot] = row;
            GradientAt(slot).Clear();
        }
        return GradientAt(slot);
    }

    public void Clear()
    {
        for (int i = 0; i < Count; i++)
            _slotOfRow[_rows[i]] = -1;
        Count = 0;
    }

    private void Grow()
    {
        Array.Resize(ref _rows, _rows.Length * 2);
        Array.Resize(ref _values, _rows.Length * Cols);
    }
}
