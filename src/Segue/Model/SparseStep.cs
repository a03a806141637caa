using Segue.Model.Optimizers;

namespace Segue.Model;

/// <summary>What one step did: its loss, and whether the parameters it updated are still finite.
/// A step whose loss is not finite is not applied.</summary>
public readonly record struct StepOutcome(float Loss, bool ParametersFinite)
{
    public bool Succeeded => float.IsFinite(Loss) && ParametersFinite;
}

/// <summary>
/// One sparse training step on one example, in one call: mark the rows the example reads,
/// let the optimiser bring exactly those up to date, compute the loss and its gradient, and
/// apply the update (like fastText's <c>Model::update</c>). The order matters for the
/// dense-equivalent optimisers (a row must be caught up before the loss reads it), so it lives
/// here and nowhere else. Scratch is reused: a step allocates nothing. One per training worker;
/// several may share a model and optimiser (lock-free).
/// </summary>
public sealed class SparseStep(EmbeddingModel model, IOptimizer optimizer)
{
    private readonly TripletLoss _loss = new(model);
    private readonly ModelGradients _gradients = new(model);

    /// <summary>Step <paramref name="step"/> (from 1) on the example (context, next tracks, negatives).</summary>
    public StepOutcome Run(ReadOnlySpan<int> context, ReadOnlySpan<int> next, ReadOnlySpan<int> negatives, long step)
    {
        var tracks = _loss.Take(context, next, negatives);
        _gradients.Clear();
        foreach (int track in tracks)
            model.MarkRows(track, _gradients);
        optimizer.Prepare(_gradients, step);
        float loss = _loss.Compute(_gradients);
        if (!float.IsFinite(loss)) return new StepOutcome(loss, true);
        return new StepOutcome(loss, optimizer.Apply(_gradients, step));
    }
}
