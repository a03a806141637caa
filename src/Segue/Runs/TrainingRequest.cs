using Segue.Model;
using Segue.Training;

namespace Segue.Runs;

/// <summary>
/// A training run to do (<see cref="Pipeline.Train"/>): the dataset file, the run folder, the model
/// and how long and how it trains. <see cref="Epochs"/>, when given, sets the steps to that many
/// passes over the training examples (<see cref="Pipeline.Repeat"/> continues a run from its last
/// checkpoint). <see cref="RequireEvaluation"/> refuses a dataset with nothing held out to
/// evaluate on while <see cref="TrainerOptions.EvalEvery"/> asks for evaluations (otherwise the
/// run trains without them, and the result says so).
/// </summary>
public sealed record TrainingRequest(string DatasetPath, string RunFolder)
{
    public ModelConfig Model { get; init; } = new();
    public TrainerOptions Training { get; init; } = new();
    public int? Epochs { get; init; }
    public bool RequireEvaluation { get; init; }

    /// <summary>Throws a one-line <see cref="SettingException"/> naming the first setting out of its range.</summary>
    public void Validate()
    {
        Model.Validate();
        Training.Validate();
        if (Epochs is <= 0 and var epochs) throw new SettingException("epochs", epochs, "positive");
    }
}

/// <summary>What a training run did: its folder, the model file it wrote, the steps it trained on
/// how many examples, and a warning when it could not evaluate as asked.</summary>
public sealed record TrainingResult(string RunFolder, string ModelPath, long Steps, int Examples, int Tracks, string? Warning);
