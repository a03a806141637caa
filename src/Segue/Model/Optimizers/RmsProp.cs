namespace Segue.Model.Optimizers;

/// <summary>
/// RMSProp: <c>s = rho s + (1 - rho) g^2; w -= lr g / (sqrt(s) + eps)</c>. Dense-equivalent: with a
/// zero gradient the weights stay put and only <c>s</c> decays, so k skipped steps are exactly
/// <c>s *= rho^k</c>, applied when the row is next touched and by <see cref="Synchronize"/>.
/// </summary>
public sealed class RmsProp : RowOptimizer
{
    private readonly float _lr, _rho, _eps;
    private readonly CatchUp _catchUp;

    public RmsProp(EmbeddingModel model, float lr, float rho, float eps, long step) : base(model, "mean_square")
    {
        (_lr, _rho, _eps) = (lr, rho, eps);
        _catchUp = new CatchUp(model, step);
    }

    protected override void UpdateRow(ModelTable table, int row, ReadOnlySpan<float> gradient, long step, float stepFactor)
    {
        // Prepare normally caught the row up already; this covers callers that did not.
        CatchUpRow(table, row, step);
        var w = Parameters(table).Row(row);
        var s = StateOf(table, 0).Row(row);
        for (int i = 0; i < w.Length; i++)
        {
            float g = gradient[i];
            s[i] = _rho * s[i] + (1 - _rho) * g * g;
            w[i] -= _lr * g / (MathF.Sqrt(s[i]) + _eps);
        }
    }

    protected override void PrefetchRow(ModelTable table, int row)
    {
        base.PrefetchRow(table, row);
        _catchUp.Prefetch(table, row);
    }

    protected override void CatchUpRow(ModelTable table, int row, long step)
    {
        long missed = _catchUp.Claim(table, row, step);
        if (missed > 1) Decay(StateOf(table, 0).Row(row), missed - 1);
    }

    public override void Synchronize(long step) =>
        _catchUp.SynchronizeAll(step, (t, row, missed) => Decay(StateOf(t, 0).Row(row), missed));

    private void Decay(Span<float> s, long k) =>
        System.Numerics.Tensors.TensorPrimitives.Multiply(s, (float)Math.Pow(_rho, k), s);
}
