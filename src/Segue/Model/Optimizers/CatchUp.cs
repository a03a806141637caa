namespace Segue.Model.Optimizers;

/// <summary>
/// The step each row was last brought up to, for optimisers whose zero-gradient update has a
/// closed form: a row touched at step t after sitting out k steps first catches up those k
/// steps at once. The exchange is atomic so that, under lock-free multi-threaded training,
/// exactly one worker claims each stretch of skipped steps.
/// </summary>
internal sealed class CatchUp
{
    private readonly long[][] _last;

    public CatchUp(IReadOnlyList<Table> tables, long step)
    {
        _last = tables.Select(t => new long[t.Rows]).ToArray();
        foreach (var rows in _last) Array.Fill(rows, step);
    }

    /// <summary>Marks the row as up to date as of step <paramref name="step"/> and returns how many
    /// steps up to and including it the row had missed.</summary>
    public long Claim(int table, int row, long step)
    {
        ref long last = ref _last[table][row];
        // A row claimed already (an update claims the step its Prepare claimed) costs a plain read:
        // the locked exchange would stall the loads of the rows after it.
        if (Volatile.Read(ref last) >= step) return 0;
        return Math.Max(step - Interlocked.Exchange(ref last, step), 0);
    }

    public void Prefetch(int table, int row) => CacheLines.Prefetch(new ReadOnlySpan<long>(in _last[table][row]));

    /// <summary>Calls <paramref name="catchUp"/>(table, row, missed steps) for every row behind
    /// <paramref name="step"/> and marks them all up to date.</summary>
    public void SynchronizeAll(long step, Action<int, int, long> catchUp)
    {
        for (int t = 0; t < _last.Length; t++)
        {
            var rows = _last[t];
            for (int row = 0; row < rows.Length; row++)
            {
                if (rows[row] >= step) continue;
                catchUp(t, row, step - rows[row]);
                rows[row] = step;
            }
        }
    }
}
