using System.Diagnostics;
using Spectre.Console;

namespace Segue.Cli;

/// <summary>
/// Runs work that reports through <see cref="IProgressSink"/>: a live Spectre.Console progress
/// bar when stdout is a terminal, otherwise a plain line per task every few seconds (for logs).
/// </summary>
public static class ConsoleProgress
{
    public static T Run<T>(Func<IProgressSink, T> work)
    {
        if (!Output.Interactive)
            return work(new PlainSink());
        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                     new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx => result = work(new SpectreSink(ctx)));
        return result;
    }

    public static void Run(Action<IProgressSink> work) => Run<int>(sink => { work(sink); return 0; });

    private sealed class SpectreSink(ProgressContext context) : IProgressSink
    {
        public IProgressTask Begin(string description, double total)
        {
            var task = context.AddTask(Markup.Escape(description), maxValue: total > 0 ? total : 1);
            if (total <= 0) task.IsIndeterminate = true;
            return new SpectreTask(task, description);
        }
    }

    private sealed class SpectreTask(ProgressTask task, string description) : IProgressTask
    {
        private readonly Lock _lock = new();

        public void Increment(double amount) { lock (_lock) task.Increment(amount); }

        public void SetStatus(string status)
        {
            lock (_lock) task.Description = Markup.Escape($"{description} {status}");
        }

        public void Dispose()
        {
            lock (_lock)
            {
                task.IsIndeterminate = false;
                task.Value = task.MaxValue;
                task.StopTask();
            }
        }
    }

    private sealed class PlainSink : IProgressSink
    {
        public IProgressTask Begin(string description, double total) => new PlainTask(description, total);
    }

    private sealed class PlainTask(string description, double total) : IProgressTask
    {
        private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
        private readonly Lock _lock = new();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _lastPrint;
        private double _done;
        private string _status = "";

        public void Increment(double amount)
        {
            lock (_lock)
            {
                _done += amount;
                if (_clock.Elapsed - _lastPrint < Interval) return;
                _lastPrint = _clock.Elapsed;
                Print();
            }
        }

        public void SetStatus(string status) { lock (_lock) _status = status; }

        public void Dispose() { lock (_lock) Print(); }

        private void Print()
        {
            var share = total > 0 ? $" {100 * _done / total,5:F1}%" : "";
            Console.WriteLine($"{description}:{share} {_done:N0}{(total > 0 ? $"/{total:N0}" : "")} {_status} [{_clock.Elapsed:hh\\:mm\\:ss}]");
        }
    }
}
