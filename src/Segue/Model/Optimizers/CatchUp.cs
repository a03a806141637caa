namespace Segue.Model.Optimizers;

/// <summary>
/// The step each row was last brought up to, for optimisers whose zero-gradient update has a
/// closed form: a row touched at step t after sitting out k steps first catches up those k
/// steps at once. The exchange is atomic so that, under lock-free multi-threaded training,
/// exactly one worker claims each stretch of skipped steps.
/// </summary>
internal sealed class CatchUp
{
    private readonly long[]?[] _last = new long[]?[ModelTables.Count];   // by table id
    private readonly ModelTable[] _tables;

    public CatchUp(EmbeddingModel model, long step)
    {
        _tables = model.TableIds;
        foreach (var id in _tables)
        {
            var rows = new long[model.TableOf(id)!.Rows];
            Array.Fill(rows, step);
            _last[(int)id] = rows;
        }
    }

    /// <summary>Marks the row as up to date as of step <paramref name="step"/> and returns how many
    /// steps up to and including it the row had missed.</summary>
    public long Claim(ModelTable table, int row, long step)
    {
        ref long last = ref _last[(int)table]![row];
        // A row claimed already (an update claims the step its Prepare claimed) costs a plain read:
        // the locked exchange would stall the loads of the rows after it.
        if (Volatile.Read(ref last) >= step) return 0;
        return Math.Max(step - Interlocked.Exchange(ref last, step), 0);
    }

    public void Prefetch(ModelTable table, int row) => CacheLines.Prefetch(new ReadOnlySpan<long>(in _last[(int)table]![row]));

    /// <summary>Calls <paramref name="catchUp"/>(table, row, missed steps) for every row behind
    /// <paramref name="step"/> and marks them all up to date.</summary>
    public void SynchronizeAll(long step, Action<ModelTable, int, long> catchUp)
    {
        foreach (var t in _tables)
        {
            var rows = _last[(int)t]!;
            for (int row = 0; row < rows.Length; row++)
            {
                if (rows[row] >= step) continue;
                catchUp(t, row, step - rows[row]);
                rows[row] = step;
            }
        }
    }
}
