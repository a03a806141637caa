using System.Numerics.Tensors;

namespace Segue.Model.Optimizers;

/// <summary>The loop every optimiser shares: visit each touched row of each table once, update it,
/// and watch that the updated parameters stay finite. State tables are shaped like the parameters.</summary>
public abstract class RowOptimizer : IOptimizer
{
    private readonly Table[]?[] _state;   // [parameter table id][state slot]; null where the model has no such table
    private readonly Table?[] _parameters; // by table id
    private readonly ModelTable[] _tables;

    protected RowOptimizer(EmbeddingModel model, params string[] slots)
    {
        _tables = model.TableIds;
        _parameters = new Table?[ModelTables.Count];
        _state = new Table[]?[ModelTables.Count];
        foreach (var id in _tables)
        {
            var t = model.TableOf(id)!;
            _parameters[(int)id] = t;
            _state[(int)id] = [.. slots.Select(s => new Table($"{t.Name}.{s}", t.Rows, t.Cols))];
        }
    }

    /// <summary>The ids of the tables this optimiser updates, in the model's file order.</summary>
    protected IReadOnlyList<ModelTable> Tables => _tables;

    protected Table Parameters(ModelTable table) => _parameters[(int)table]!;

    public IReadOnlyList<Table> State => [.. _tables.SelectMany(id => _state[(int)id]!)];

    public bool Apply(ModelGradients gradients, long step)
    {
        float factor = StepFactor(step);
        float check = 0;
        foreach (var t in _tables)
        {
            var gradient = gradients.For(t);
            var parameters = _parameters[(int)t]!;
            for (int s = 0; s < gradient.Count; s++)
            {
                int row = gradient.RowAt(s);
                UpdateRow(t, row, gradient.GradientAt(s), step, factor);
                check += TensorPrimitives.Sum(parameters.Row(row));
            }
        }
        return float.IsFinite(check);
    }

    public void Prepare(ModelGradients touched, long step)
    {
        // All the rows' misses first, overlapping, then the catch-up that reads them.
        foreach (var t in _tables)
        {
            var rows = touched.For(t);
            for (int s = 0; s < rows.Count; s++)
                PrefetchRow(t, rows.RowAt(s));
        }
        foreach (var t in _tables)
        {
            var rows = touched.For(t);
            for (int s = 0; s < rows.Count; s++)
                CatchUpRow(t, rows.RowAt(s), step);
        }
    }

    /// <summary>Starts loading everything a step will read or write for one row.</summary>
    protected virtual void PrefetchRow(ModelTable table, int row)
    {
        CacheLines.Prefetch<float>(_parameters[(int)table]!.Row(row));
        foreach (var state in _state[(int)table]!)
            CacheLines.Prefetch<float>(state.Row(row));
    }

    /// <summary>Brings one row up to date as of the end of step <paramref name="step"/> - 1, ready for
    /// step <paramref name="step"/>'s update of it, and marks it as updated through that step, so
    /// that the update finds nothing left to catch up; lazy optimisers have nothing to catch up.</summary>
    protected virtual void CatchUpRow(ModelTable table, int row, long step) { }

    public virtual void Synchronize(long step) { }

    /// <summary>A factor that depends on the step only (such as Adam's bias correction), computed
    /// once per step rather than once per row.</summary>
    protected virtual float StepFactor(long step) => 1f;

    protected abstract void UpdateRow(ModelTable table, int row, ReadOnlySpan<float> gradient, long step, float stepFactor);

    protected Table StateOf(ModelTable table, int slot) => _state[(int)table]![slot];

    internal void Restore(IReadOnlyList<Table> saved)
    {
        foreach (var table in State)
        {
            var source = saved.FirstOrDefault(s => s.Name == table.Name)
                ?? throw new SegueException($"checkpoint has no optimiser state {table.Name}");
            if (source.Values.Length != table.Values.Length)
                throw new SegueException($"checkpoint optimiser state {table.Name} has {source.Values.Length} values, expected {table.Values.Length}");
            source.Values.CopyTo(table.Values, 0);
        }
    }
}
