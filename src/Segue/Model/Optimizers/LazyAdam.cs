namespace Segue.Model.Optimizers;

/// <summary>
/// Adam, lazily: only the rows a step touches are updated (like TensorFlow's LazyAdam and
/// PyTorch's SparseAdam), with the bias correction of the global step. A dense Adam would keep
/// moving untouched rows by <c>m / (sqrt(v) + eps)</c> while both moments decay; because of
/// eps that sum has no closed form, so a sparse implementation cannot reproduce it exactly.
/// </summary>
public sealed class LazyAdam : RowOptimizer
{
    private readonly float _lr, _beta1, _beta2, _eps;

    public LazyAdam(EmbeddingModel model, float lr, float beta1, float beta2, float eps) : base(model, "m", "v") =>
        (_lr, _beta1, _beta2, _eps) = (lr, beta1, beta2, eps);

    /// <summary>The bias-corrected step size <c>lr sqrt(1 - beta2^t) / (1 - beta1^t)</c>.</summary>
    protected override float StepFactor(long step) =>
        (float)(_lr * Math.Sqrt(1 - Math.Pow(_beta2, step)) / (1 - Math.Pow(_beta1, step)));

    protected override void UpdateRow(ModelTable table, int row, ReadOnlySpan<float> gradient, long step, float stepFactor)
    {
        var w = Parameters(table).Row(row);
        var m = StateOf(table, 0).Row(row);
        var v = StateOf(table, 1).Row(row);
        for (int i = 0; i < w.Length; i++)
        {
            float g = gradient[i];
            m[i] = _beta1 * m[i] + (1 - _beta1) * g;
            v[i] = _beta2 * v[i] + (1 - _beta2) * g * g;
            w[i] -= stepFactor * m[i] / (MathF.Sqrt(v[i]) + _eps);
        }
    }
}
