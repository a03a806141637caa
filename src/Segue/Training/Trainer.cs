using System.Diagnostics;
using Segue.Model.Optimizers;
using Segue.Model;
using Segue.Structures;

namespace Segue.Training;

/// <summary>Evaluates the (synchronised) model after <c>step</c> steps; returns metric name to value.</summary>
public delegate IReadOnlyDictionary<string, double> EvaluateModel(EmbeddingModel model, long step);

/// <summary>
/// The training loop. Step t (from 1) plays example <c>(t - 1) mod count</c>: context = its first
/// K tracks, next = the rest, negatives drawn uniformly from the whole catalogue, one
/// <see cref="SparseStep"/>. Between steps, at fixed step counts, it reports to its
/// <see cref="ITrainingListener"/>: the mean loss of each log interval, the held-out metrics of
/// each evaluation, each checkpoint due, and the end. It writes nothing itself: a run folder is one
/// listener (<see cref="Runs.RunRecorder"/>). With one thread a run is a function of its seed, and
/// one continued from a checkpoint's state ends with exactly the model of an uninterrupted run. A
/// non-finite loss or parameter stops the run with the step named, before the next checkpoint.
/// </summary>
public sealed class Trainer
{
    private readonly TrainingExamples _examples;
    private readonly TrainerOptions _options;
    private readonly EvaluateModel? _evaluate;

    public Trainer(TrainingExamples examples, TrainerOptions options, EvaluateModel? evaluate = null)
    {
        options.Validate();
        (_examples, _options, _evaluate) = (examples, options, evaluate);
    }

    /// <summary>A fresh run: the model initialised from the config's seed.</summary>
    public static TrainingState Start(ModelConfig config, Catalog catalog)
    {
        config.Validate();
        config.ValidateSize(catalog);
        var rng = new Rng(config.Seed);
        var model = EmbeddingModel.Initialise(config, catalog, rng);
        return new TrainingState(model, Optimizer.Create(config, model), rng, 0);
    }

    /// <summary>Trains from <paramref name="state"/> to the configured number of steps, reporting to
    /// <paramref name="listener"/>; returns the model, synchronised.</summary>
    public EmbeddingModel Run(TrainingState state, ITrainingListener listener, CancellationToken cancel = default)
    {
        var (model, optimizer, rng, step) = state;
        var workers = Enumerable.Range(0, _options.Threads)
            .Select(w => new Worker(model, optimizer, _examples, w == 0 ? rng : new Rng(rng.NextUInt64())))
            .ToArray();
        listener.Progressed(step);
        long loggedAt = step;
        double lossSum = 0;
        var clock = Stopwatch.StartNew();
        var sinceLog = Stopwatch.StartNew();
        while (step < _options.Steps)
        {
            long end = NextEvent(step);
            RunSteps(workers, step, end, cancel);
            foreach (var worker in workers) lossSum += worker.TakeLossSum();
            step = end;
            listener.Progressed(step);

            TrainingLog? log = null;
            if (step % _options.LogEvery == 0 || step == _options.Steps)
            {
                // Steps/s counts training only, not evaluations or checkpoints.
                double stepsPerSecond = (step - loggedAt) / Math.Max(sinceLog.Elapsed.TotalSeconds, 1e-9);
                log = new TrainingLog(step, clock.Elapsed.TotalSeconds, stepsPerSecond, lossSum / (step - loggedAt));
                (loggedAt, lossSum) = (step, 0);
            }
            IReadOnlyDictionary<string, double>? evaluation = null;
            if (_evaluate is not null && Every(_options.EvalEvery, step))
            {
                optimizer.Synchronize(step);
                evaluation = _evaluate(model, step);
            }
            if (log is not null || evaluation is not null)
                listener.Reported(new TrainingReport(step, log, evaluation));
            if (Every(_options.CheckpointEvery, step) && step < _options.Steps)
            {
                optimizer.Synchronize(step);
                listener.CheckpointDue(new TrainingState(model, optimizer, rng, step));
            }
            if (log is not null) sinceLog.Restart();
            cancel.ThrowIfCancellationRequested();
        }
        optimizer.Synchronize(step);
        if (!model.AllFinite())
            throw new SegueException($"step {step}: a parameter is not finite; the model was not saved");
        listener.Finished(new TrainingState(model, optimizer, rng, step));
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

    /// <summary>One training thread: its step's scratch, its negatives and its random stream.</summary>
    private sealed class Worker(EmbeddingModel model, IOptimizer optimizer, TrainingExamples examples, Rng rng)
    {
        private readonly SparseStep _step = new(model, optimizer);
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
            var outcome = _step.Run(playlist[.._contextLength], playlist[_contextLength..], _negatives, step);
            if (!float.IsFinite(outcome.Loss))
                Failure = new SegueException($"step {step}: the loss is {outcome.Loss}; training stopped (the last checkpoint is kept)");
            else if (!outcome.ParametersFinite)
                Failure = new SegueException($"step {step}: a parameter is no longer finite; training stopped (the last checkpoint is kept)");
            _lossSum += outcome.Loss;
            return outcome.Succeeded;
        }
    }
}
