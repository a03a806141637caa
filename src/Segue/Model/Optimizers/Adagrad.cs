namespace Segue.Model.Optimizers;

/// <summary>
/// Adagrad: <c>s += g^2; w -= lr g / (sqrt(s) + eps)</c>. A zero gradient changes neither, so
/// updating only the touched rows is exactly the dense update (lazy and dense coincide).
/// </summary>
public sealed class Adagrad : RowOptimizer
{
    private readonly float _lr, _eps;

    public Adagrad(EmbeddingModel model, float lr, float eps) : base(model, "sum_square") => (_lr, _eps) = (lr, eps);

    protected override void UpdateRow(ModelTable table, int row, ReadOnlySpan<float> gradient, long step, float stepFactor)
    {
        var w = Parameters(table).Row(row);
        var s = StateOf(table, 0).Row(row);
        for (int i = 0; i < w.Length; i++)
        {
            float g = gradient[i];
            s[i] += g * g;
            w[i] -= _lr * g / (MathF.Sqrt(s[i]) + _eps);
        }
    }
}
