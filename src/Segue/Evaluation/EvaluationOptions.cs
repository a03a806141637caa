using Segue.Settings;

namespace Segue.Evaluation;

/// <summary>How an evaluation runs (<c>segue eval</c>): the list length, how many cases, the
/// threads, and whether a model scores by cosine similarity.</summary>
public sealed record EvaluationOptions
{
    [Setting("k", "List length K", Option = "k", Min = 1)]
    public int K { get; init; } = Submission.Length;
    [Setting("limit", "Evaluate only the first N cases (0: all)", Min = 0, Zero = "all")]
    public int Limit { get; init; }
    [Setting("threads", "Evaluation threads", Min = 1)]
    public int Threads { get; init; } = Environment.ProcessorCount;
    [Setting("cosine", "Score the model by cosine similarity instead of the dot product it was trained with (the book's exercise)")]
    public bool Cosine { get; init; }

    /// <summary>Throws a one-line <see cref="SettingException"/> naming the first setting out of its range by its key.</summary>
    public void Validate() => SettingTable.Of<EvaluationOptions>().Validate(this);
}
