using System.Numerics.Tensors;

namespace Segue.Model.Optimizers;

/// <summary>
/// The book's optimiser: SGD with heavy-ball momentum, <c>v = g + mu v; w = w - lr v</c>, applied
/// to every parameter at every step. Dense-equivalent: a row that sat out k steps (zero
/// gradient, momentum still moving it) is first caught up in closed form,
/// <c>w -= lr (mu + ... + mu^k) v; v *= mu^k</c>, so only touched rows cost anything.
/// </summary>
public sealed class MomentumSgd : RowOptimizer
{
    private const int CachedPowers = 4096;
    private readonly float _lr, _mu;
    private readonly CatchUp _catchUp;
    private readonly float[] _decay = new float[CachedPowers];   // mu^k
    private readonly float[] _drift = new float[CachedPowers];   // lr (mu + ... + mu^k)

    public MomentumSgd(EmbeddingModel model, float lr, float mu, long step) : base(model, "velocity")
    {
        _lr = lr;
        _mu = mu;
        _catchUp = new CatchUp(model, step);
        for (int k = 0; k < CachedPowers; k++)
            (_decay[k], _drift[k]) = Coefficients(k);
    }

    protected override void UpdateRow(ModelTable table, int row, ReadOnlySpan<float> gradient, long step, float stepFactor)
    {
        // Prepare normally caught the row up already; this covers callers that did not.
        CatchUpRow(table, row, step);
        var w = Parameters(table).Row(row);
        var v = StateOf(table, 0).Row(row);
        TensorPrimitives.MultiplyAdd(v, _mu, gradient, v);
        TensorPrimitives.MultiplyAdd(v, -_lr, w, w);
    }

    protected override void PrefetchRow(ModelTable table, int row)
    {
        base.PrefetchRow(table, row);
        _catchUp.Prefetch(table, row);
    }

    protected override void CatchUpRow(ModelTable table, int row, long step)
    {
        long missed = _catchUp.Claim(table, row, step);
        if (missed > 1) Advance(Parameters(table).Row(row), StateOf(table, 0).Row(row), missed - 1);
    }

    public override void Synchronize(long step) =>
        _catchUp.SynchronizeAll(step, (t, row, missed) => Advance(Parameters(t).Row(row), StateOf(t, 0).Row(row), missed));

    /// <summary>k zero-gradient steps at once.</summary>
    private void Advance(Span<float> w, Span<float> v, long k)
    {
        var (decay, drift) = k < CachedPowers ? (_decay[k], _drift[k]) : Coefficients(k);
        TensorPrimitives.MultiplyAdd(v, -drift, w, w);
        TensorPrimitives.Multiply(v, decay, v);
    }

    private (float Decay, float Drift) Coefficients(long k)
    {
        double muK = Math.Pow(_mu, k);
        double sum = _mu == 0 ? 0 : _mu * (1 - muK) / (1 - _mu);
        return ((float)muK, (float)(_lr * sum));
    }
}
