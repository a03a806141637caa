namespace Segue.Model.Optimizers;

/// <summary>
/// Applies a step's sparse gradient to the rows it touched. Steps are numbered from 1. An
/// optimiser is either dense-equivalent (rows the step did not touch are brought up to date in
/// closed form when next touched, and by <see cref="Synchronize"/>) or lazy (untouched rows do not
/// move, like TensorFlow's LazyAdam or PyTorch's SparseAdam); each says which in its summary.
/// </summary>
public interface IOptimizer
{
    /// <summary>Brings the rows registered in <paramref name="touched"/> (the rows step
    /// <paramref name="step"/> is about to read) up to date as of the end of the previous step, before
    /// the loss reads them and <see cref="Apply"/> updates them; <see cref="SparseStep"/> calls both,
    /// in that order.</summary>
    void Prepare(ModelGradients touched, long step);

    /// <summary>Updates the touched rows for step <paramref name="step"/>; false when an updated
    /// parameter is no longer finite.</summary>
    bool Apply(ModelGradients gradients, long step);

    /// <summary>Brings every row up to date as of the end of step <paramref name="step"/>, as a dense
    /// update would have left it; call before reading, evaluating or saving the tables.</summary>
    void Synchronize(long step);

    /// <summary>The optimiser's state tables (named after the parameter table), for checkpoints.</summary>
    IReadOnlyList<Table> State { get; }
}

public static class Optimizer
{
    /// <summary>The optimiser <paramref name="config"/> names for <paramref name="model"/>, after
    /// <paramref name="step"/> steps, restoring <paramref name="state"/> (from a checkpoint, taken
    /// after <see cref="IOptimizer.Synchronize"/>) when given.</summary>
    public static IOptimizer Create(ModelConfig config, EmbeddingModel model, long step = 0, IReadOnlyList<Table>? state = null)
    {
        RowOptimizer optimizer = config.Optimizer switch
        {
            OptimizerKind.Sgd => new MomentumSgd(model, config.LearningRate, config.Momentum, step),
            OptimizerKind.Adam => new LazyAdam(model, config.LearningRate, config.Beta1, config.Beta2, config.Epsilon),
            OptimizerKind.RmsProp => new RmsProp(model, config.LearningRate, config.RmsDecay, config.Epsilon, step),
            OptimizerKind.Adagrad => new Adagrad(model, config.LearningRate, config.Epsilon),
            _ => throw new ArgumentOutOfRangeException(nameof(config)),
        };
        if (state is not null) optimizer.Restore(state);
        return optimizer;
    }
}
