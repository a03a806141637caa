namespace Segue.Model;

/// <summary>One step's sparse gradient of every table of a model, by table. Each training worker
/// owns one (inside its <see cref="SparseStep"/>).</summary>
public sealed class ModelGradients
{
    private readonly SparseGradient?[] _byTable = new SparseGradient?[ModelTables.Count];

    public ModelGradients(EmbeddingModel model)
    {
        Tables = model.TableIds;
        foreach (var id in Tables)
        {
            var table = model.TableOf(id)!;
            _byTable[(int)id] = new SparseGradient(table.Rows, table.Cols);
        }
    }

    /// <summary>The tables this gradient covers, in the model's file order.</summary>
    public ModelTable[] Tables { get; }

    /// <summary>The gradient of table <paramref name="table"/>, which the model must have.</summary>
    public SparseGradient For(ModelTable table) => _byTable[(int)table]!;

    public void Clear()
    {
        foreach (var id in Tables) _byTable[(int)id]!.Clear();
    }
}
