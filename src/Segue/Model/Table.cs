namespace Segue.Model;

/// <summary>A named row-major matrix of parameters (or of optimiser state shaped like them).</summary>
public sealed class Table
{
    public Table(string name, int rows, int cols, float[]? values = null)
    {
        if (values is not null && values.LongLength != (long)rows * cols)
            throw new ArgumentException($"table {name}: {values.LongLength} values for {rows} x {cols}");
        Name = name;
        Rows = rows;
        Cols = cols;
        Values = values ?? new float[checked(rows * cols)];
    }

    public string Name { get; }
    public int Rows { get; }
    public int Cols { get; }
    public float[] Values { get; }

    public Span<float> Row(int row) => Values.AsSpan(row * Cols, Cols);
}
