using System.Numerics.Tensors;

namespace Segue.Model.Optimizers;

/// <summary>The loop every optimiser shares: visit each touched row of each table once, update it,
/// and watch that the updated parameters stay finite. State tables are shaped like the parameters.</summary>
public abstract class RowOptimizer : IOptimizer
{
    private readonly Table[][] _state;   // [parameter table][state slot]

    protected RowOptimizer(EmbeddingModel model, params string[] slots)
    {
        Parameters = model.Tables;
        _state = Parameters.Select(t => slots.Select(s => new Table($"{t.Name}.{s}", t.Rows, t.Cols)).ToArray()).ToArray();
    }

    protected IReadOnlyList<Table> Parameters { get; }

    public IReadOnlyList<Table> State => _state.SelectMany(s => s).ToArray();

    public bool Apply(ModelGradients gradients, long step)
    {
        float factor = StepFactor(step);
        float check = 0;
        for (int t = 0; t < gradients.TableCount; t++)
        {
            var gradient = gradients.ForTable(t);
            for (int s = 0; s < gradient.Count; s++)
            {
                int row = gradient.RowAt(s);
                UpdateRow(t, row, gradient.GradientAt(s), step, factor);
                check += TensorPrimitives.Sum(Parameters[t].Row(row));
            }
        }
        return float.IsFinite(check);
    }

    public void Prepare(ModelGradients rows, long step)
    {
        // All the rows' misses first, overlapping, then the catch-up that reads them.
        for (int t = 0; t < rows.TableCount; t++)
        {
            var touched = rows.ForTable(t);
            for (int s = 0; s < touched.Count; s++)
                PrefetchRow(t, touched.RowAt(s));
        }
        for (int t = 0; t < rows.TableCount; t++)
        {
            var touched = rows.ForTable(t);
            for (int s = 0; s < touched.Count; s++)
                CatchUpRow(t, touched.RowAt(s), step);
        }
    }

    /// <summary>Starts loading everything a step will read or write for one row.</summary>
    protected virtual void PrefetchRow(int table, int row)
    {
        CacheLines.Prefetch<float>(Parameters[table].Row(row));
        foreach (var state in _state[table])
            CacheLines.Prefetch<float>(state.Row(row));
    }

    /// <summary>Brings one row up to date as of the end of step <paramref name="step"/> - 1, ready for
    /// step <paramref name="step"/>'s update of it, and marks it as updated through that step, so
    /// that the update finds nothing left to catch up; lazy optimisers have nothing to catch up.</summary>
    protected virtual void CatchUpRow(int table, int row, long step) { }

    public virtual void Synchronize(long step) { }

    /// <summary>A factor that depends on the step only (such as Adam's bias correction), computed
    /// once per step rather than once per row.</summary>
    protected virtual float StepFactor(long step) => 1f;

    protected abstract void UpdateRow(int table, int row, ReadOnlySpan<float> gradient, long step, float stepFactor);

    protected Table StateOf(int table, int slot) => _state[table][slot];

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
