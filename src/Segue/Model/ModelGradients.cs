namespace Segue.Model;

/// <summary>One step's sparse gradient of every table of a model, in the model's table order.
/// Each training worker owns one.</summary>
public sealed class ModelGradients
{
    private readonly SparseGradient[] _tables;

    public ModelGradients(EmbeddingModel model) =>
        _tables = model.Tables.Select(t => new SparseGradient(t.Rows, t.Cols)).ToArray();

    public int TableCount => _tables.Length;

    public SparseGradient ForTable(int table) => _tables[table];

    public void Clear()
    {
        foreach (var table in _tables) table.Clear();
    }
}
