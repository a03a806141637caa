namespace Segue;

/// <summary>
/// Where long operations report how far they have got. The engine only reports; the command
/// line decides how to show it (a progress bar on a terminal, plain lines otherwise), and tests
/// pass <see cref="Progress.None"/>.
/// </summary>
public interface IProgressSink
{
    /// <summary>Starts a task of <paramref name="total"/> units (0 when unknown).</summary>
    IProgressTask Begin(string description, double total);
}

/// <summary>One reported task. Thread-safe: parallel workers may all increment it.</summary>
public interface IProgressTask : IDisposable
{
    void Increment(double amount);
    /// <summary>A short status shown beside the bar, such as the current loss.</summary>
    void SetStatus(string status);
}

public static class Progress
{
    public static readonly IProgressSink None = new NullSink();

    /// <summary>A sink whose tasks all count into <paramref name="task"/>: a job done in parts
    /// (a fit's validation folds) shown as one bar.</summary>
    public static IProgressSink Into(IProgressTask task) => new PartSink(task);

    private sealed class PartSink(IProgressTask task) : IProgressSink, IProgressTask
    {
        public IProgressTask Begin(string description, double total) => this;
        public void Increment(double amount) => task.Increment(amount);
        public void SetStatus(string status) => task.SetStatus(status);
        public void Dispose() { }
    }

    private sealed class NullSink : IProgressSink, IProgressTask
    {
        public IProgressTask Begin(string description, double total) => this;
        public void Increment(double amount) { }
        public void SetStatus(string status) { }
        public void Dispose() { }
    }
}
