using Segue.Data;
using Segue.IO;
using Segue.Model;
using Segue.Training;

namespace Segue.Runs;

/// <summary>How one combination of a sweep went: trained now, kept from an earlier sweep into the
/// same folder, or failed with <see cref="Error"/>.</summary>
public sealed record SweepOutcome(SweepPoint Point, RunFolder Run, bool Kept, string? Error);

/// <summary>What a sweep did: each combination's outcome, in grid order, and, when any run is
/// complete, their comparison and the HTML report written from it.</summary>
public sealed record SweepResult(string Folder, IReadOnlyList<SweepOutcome> Outcomes, RunComparison? Comparison, string? ReportPath)
{
    /// <summary>The report's name in the sweep folder.</summary>
    public const string ReportFileName = "report.html";

    public IEnumerable<SweepOutcome> Failed => Outcomes.Where(o => o.Error is not null);
}

/// <summary>
/// Trains every combination of a grid into <c>DIR/NAME</c>, <c>parallel</c> runs at a time. Every
/// combination's config is built and validated, and every existing folder checked, before any
/// training starts. A combination whose folder already holds the same run, complete, is kept (so a
/// sweep that was stopped continues where it was); any other run in the way stops the sweep
/// before it starts, and nothing is overwritten. A combination that fails (a non-finite loss)
/// does not stop the others. Reached through <see cref="Pipeline.Sweep"/>, which checks the
/// sweep's settings (the grid, the shared settings, <c>parallel</c>) before the dataset is opened.
/// </summary>
internal static class Sweep
{
    public static IReadOnlyList<SweepOutcome> Run(Dataset data, string dir, IReadOnlyList<SweepPoint> points,
        ModelConfig model, TrainerOptions training, IReadOnlyList<(string Key, string Value)> fixedSettings,
        int parallel, IProgressSink progress)
    {
        var plans = points.Select(p =>
        {
            var (m, t) = ConfigKeys.Apply(model, training, [.. fixedSettings, .. p.Settings], SweepGrid.Grid);
            var run = new RunFolder(Path.Combine(dir, p.Name));
            return (Point: p, Run: run, Model: m, Training: t, Kept: IsDone(run, m, t));
        }).ToList();
        OutputPath.Folder(dir);

        var examples = plans.Select(p => p.Model.MinLength).Distinct()
            .ToDictionary(n => n, n => TrainingExamples.FromDataset(data, n));
        int evalThreads = Math.Max(1, Environment.ProcessorCount / parallel);
        var outcomes = new SweepOutcome[plans.Count];
        Parallel.For(0, plans.Count, new ParallelOptions { MaxDegreeOfParallelism = parallel }, i =>
        {
            var p = plans[i];
            string? error = null;
            if (!p.Kept)
            {
                try
                {
                    TrainingRun.Train(data, p.Run, p.Model, p.Training, examples[p.Model.MinLength], resume: false,
                        evalThreads, new NamedSink(progress, p.Point.Name));
                }
                catch (SegueException e)
                {
                    error = e.Message;
                }
            }
            outcomes[i] = new SweepOutcome(p.Point, p.Run, p.Kept, error);
        });
        return outcomes;
    }

    /// <summary>True when <paramref name="run"/> holds this very run, complete; false when it holds
    /// none; a <see cref="SegueException"/> when it holds anything else.</summary>
    private static bool IsDone(RunFolder run, ModelConfig model, TrainerOptions training)
    {
        if (!run.HasRun && !File.Exists(run.ModelPath)) return false;
        var record = RunRecord.Open(run.Path);
        var (recordedModel, recordedTraining) = record.TrainingConfig;
        if (recordedModel.FirstDifference(model) is { } difference)
            throw new SegueException($"{run.Path}: holds a run with other settings ({difference}); remove it or sweep into another folder");
        if (recordedTraining != training)
            throw new SegueException($"{run.Path}: holds a run with other training options; remove it or sweep into another folder");
        if (record.Status != RunStatus.Complete)
            throw new SegueException($"{run.Path}: holds a {record.Status.ToString().ToLowerInvariant()} run ({record.Problem}); remove it to run it again");
        return true;
    }

    /// <summary>Prefixes every task with the run's name, so parallel runs' bars tell apart.</summary>
    private sealed class NamedSink(IProgressSink sink, string name) : IProgressSink
    {
        public IProgressTask Begin(string description, double total) => sink.Begin($"{name} {description}", total);
    }
}
