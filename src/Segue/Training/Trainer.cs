using System.Diagnostics;
using System.Text.Json.Nodes;
using Segue.Model;
using Segue.Model.Optimizers;

namespace Segue.Training;

/// <summary>Evaluates the (synchronised) model after <c>step</c> steps; returns metric name to value.</summary>
public delegate IReadOnlyDictionary<string, double> EvaluateModel(EmbeddingModel model, long step);

/// <summary>
/// The training loop. Step t (from 1) plays example <c>(t - 1) mod count</c>: context = its first
/// K tracks, next = the rest, negatives drawn uniformly from the whole catalogue; the loss marks
/// the rows the example reads, the optimiser brings those up to date, the loss computes the
/// gradient, and the optimiser applies it. Between steps, at fixed step counts: the mean loss is
/// logged, the model evaluated, a checkpoint written. A run stopped between checkpoints (killed,
/// cancelled) resumes from the last one; with one thread it then ends with exactly the model of
/// an uninterrupted run. A non-finite loss or parameter stops the run with the step named and the
/// last good checkpoint untouched.
/// </summary>
public sealed class Trainer
{
    private readonly RunFolder _run;
    private readonly TrainingExamples _examples;
    private readonly TrainerOptions _options;
    private readonly EvaluateModel? _evaluate;

    public Trainer(RunFolder run, TrainingExamples examples, TrainerOptions options, EvaluateModel? evaluate = null)
    {
        options.Validate();
        (_run, _examples, _options, _evaluate) = (run, examples, options, evaluate);
    }

    /// <summary>A fresh run: the model initialised from the config's seed.</summary>
    public static TrainingState Start(ModelConfig config, Catalog catalog)
    {
        config.Validate();
        var rng = new Rng(config.Seed);
        var model = EmbeddingModel.Initialise(config, catalog, rng);
        return new TrainingState(model, Optimizer.Create(config, model), rng, 0);
    }

    /// <summary>The run's last checkpoint, which must hold the model <paramref name="config"/> describes.</summary>
    public static TrainingState Resume(RunFolder run, ModelConfig config, Catalog catalog)
    {
        var path = Checkpoints.List(run.CheckpointsPath).LastOrDefault()
            ?? throw new SegueException($"{run.CheckpointsPath}: no checkpoint to resume from");
        var state = Checkpoints.Load(path, catalog);
        if (config.FirstDifference(state.Model.Config) is { } difference)
            throw new SegueException($"{path}: the options differ from the checkpoint's ({difference}); resume with the run's options");
        return state;
    }

    /// <summary>Trains from <paramref name="state"/> to the configured number of steps, writes
    /// <c>model.segue</c> and returns the model.</summary>
    public EmbeddingModel Run(TrainingState state, IProgressSink progress, CancellationToken cancel = default)
    {
        var (model, optimizer, rng, step) = state;
        var metrics = new MetricsLog(_run.MetricsPath, step);
        var workers = Enumerable.Range(0, _options.Threads)
            .Select(w => new Worker(model, optimizer, _examples, w == 0 ? rng : new Rng(rng.NextUInt64())))
            .ToArray();
        var clock = Stopwatch.StartNew();
        double wallOffset = metrics.LastWallSeconds;
        using var task = progress.Begin("train", _options.Steps);
        task.Increment(step);
        long loggedAt = step;
        double lossSum = 0;
        var sinceLog = Stopwatch.StartNew();
        while (step < _options.Steps)
        {
            long end = NextEvent(step);
            RunSteps(workers, step, end, cancel);
            foreach (var worker in workers) lossSum += worker.TakeLossSum();
            task.Increment(end - step);
            step = end;

            var record = new JsonObject { ["step"] = step };
            bool logged = step % _options.LogEvery == 0 || step == _options.Steps;
            if (logged)
            {
                double stepsPerSecond = (step - loggedAt) / Math.Max(sinceLog.Elapsed.TotalSeconds, 1e-9);
                double meanLoss = lossSum / (step - loggedAt);
                record["wall_seconds"] = Math.Round(wallOffset + clock.Elapsed.TotalSeconds, 3);
                record["steps_per_second"] = Math.Round(stepsPerSecond, 1);
                record["mean_loss"] = meanLoss;
                task.SetStatus($"{stepsPerSecond:N0} steps/s, loss {meanLoss:F4}");
                (loggedAt, lossSum) = (step, 0);
            }
            if (_evaluate is not null && Every(_options.EvalEvery, step))
            {
                optimizer.Synchronize(step);
                foreach (var (name, value) in _evaluate(model, step))
                    record[name] = value;
            }
            if (logged || record.Count > 1)
                metrics.Append(record);
            if (Every(_options.CheckpointEvery, step) && step < _options.Steps)
            {
                optimizer.Synchronize(step);
                Checkpoints.Save(_run.CheckpointsPath, new TrainingState(model, optimizer, rng, step), _options.KeepCheckpoints);
            }
            if (logged) sinceLog.Restart(); // steps/s counts training only, not evaluations or checkpoints
            cancel.ThrowIfCancellationRequested();
        }
        optimizer.Synchronize(step);
        if (!model.AllFinite())
            throw new SegueException($"step {step}: a parameter is not finite; the model was not saved");
        ModelFile.Save(_run.ModelPath, model);
        return model;
    }

    private static bool Every(long every, long step) => every > 0 && step % every == 0;

    /// <summary>The next step after <paramref name="step"/> where something besides training happens.</summary>
    private long NextEvent(long step)
    {
        long end = _options.Steps;
        foreach (long every in new[] { _options.LogEvery, _options.EvalEvery, _options.CheckpointEvery })
            if (every > 0) end = Math.Min(end, (step / every + 1) * every);
        return end;
    }

    /// <summary>Steps (first, last]: inline with one worker (deterministic), otherwise each worker
    /// claims the next step number until none is left.</summary>
    private static void RunSteps(Worker[] workers, long first, long last, CancellationToken cancel)
    {
        if (workers.Length == 1)
        {
            for (long t = first + 1; t <= last && workers[0].Step(t); t++) { }
        }
        else
        {
            long next = first;
            var threads = workers.Select(worker => new Thread(() =>
            {
                long t;
                while ((t = Interlocked.Increment(ref next)) <= last && !cancel.IsCancellationRequested && worker.Step(t)) { }
            })).ToArray();
            foreach (var thread in threads) thread.Start();
            foreach (var thread in threads) thread.Join();
        }
        var failure = workers.Select(w => w.Failure).FirstOrDefault(f => f is not null);
        if (failure is not null) throw failure;
    }

    /// <summary>One training thread's scratch: its loss buffers, gradients, negatives and random stream.</summary>
    private sealed class Worker(EmbeddingModel model, IOptimizer optimizer, TrainingExamples examples, Rng rng)
    {
        private readonly TripletLoss _loss = new(model);
        private readonly ModelGradients _gradients = new(model);
        private readonly int[] _negatives = new int[model.Config.NumNegatives];
        private readonly int _contextLength = model.Config.ContextLength;
        private double _lossSum;

        public SegueException? Failure { get; private set; }

        public double TakeLossSum()
        {
            double sum = _lossSum;
            _lossSum = 0;
            return sum;
        }

        /// <summary>One step; false (with <see cref="Failure"/> set) when it went non-finite.</summary>
        public bool Step(long step)
        {
            var playlist = examples.AtStep(step);
            int tracks = model.Catalog.TrackCount;
            for (int k = 0; k < _negatives.Length; k++)
                _negatives[k] = rng.NextInt(tracks);
            _loss.Gather(playlist[.._contextLength], playlist[_contextLength..], _negatives, _gradients);
            optimizer.Prepare(_gradients, step);
            float loss = _loss.Compute(_gradients);
            if (!float.IsFinite(loss))
                Failure = new SegueException($"step {step}: the loss is {loss}; training stopped (the last checkpoint is kept)");
            else if (!optimizer.Apply(_gradients, step))
                Failure = new SegueException($"step {step}: a parameter is no longer finite; training stopped (the last checkpoint is kept)");
            _lossSum += loss;
            return Failure is null;
        }
    }
}
