using Segue.Settings;

namespace Segue.Runs;

/// <summary>A sweep's own settings (<see cref="Sweep"/>): the grid, the settings every run shares
/// and how many runs train at once; each run's training options are <see cref="Training.TrainerOptions"/>.</summary>
public sealed record SweepOptions
{
    [Setting(SweepGrid.Grid, "A setting and its values, KEY=V1,V2,... (repeatable; keys as in config.json: optimizer, feature_size, duration, aggregation, eval_cosine, ...)")]
    public IReadOnlyList<string> Grid { get; init; } = [];
    [Setting(SweepGrid.Set, "A setting shared by every run, KEY=VALUE (repeatable)")]
    public IReadOnlyList<string> Set { get; init; } = [];
    [Setting("parallel", "Runs trained at the same time (each on one thread)", Min = 1, Max = Training.TrainerOptions.MaxThreads)]
    public int Parallel { get; init; } = 1;

    /// <summary>Throws a one-line <see cref="SettingException"/> naming the first setting out of its range.</summary>
    public void Validate() => SettingTable.Of<SweepOptions>().Validate(this);
}
